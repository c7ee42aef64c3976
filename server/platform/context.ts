import { randomBytes } from 'node:crypto';
import { systemClock, type Clock } from './clock';
import type { Config } from './config';
import { createCryptoBox, type CryptoBox } from './crypto-box';
import type { Database, Db } from './db';
import { createEventHub, type EventHub } from './realtime';
import type { BlobStore } from './storage';

/** What a service function needs from the platform; passed explicitly, no container. */
export interface ServiceContext {
  db: Db;
  database: Database;
  clock: Clock;
  config: Pick<Config, 'sessionTtlHours' | 'adminEmail' | 'uploadMaxBytes' | 'caseAttachmentMaxBytes' | 'caseReopenWindowDays' | 'articleVerificationDays'>;
  /** Encrypts secrets at rest (TOTP secrets, identity-provider client secrets). */
  box: CryptoBox;
  /** The address people use, for links in emails; set once the server listens. */
  baseUrl: string;
  /** Release files and other uploads, content-addressed. */
  blobs: BlobStore;
  /** Live events to browsers, fanned out between servers by LISTEN/NOTIFY. */
  events: EventHub;
}

/** Where a request came from, for the activity log. */
export interface RequestOrigin {
  ip: string | null;
  client: string | null;
  userAgent: string | null;
}

export const CLI_ORIGIN: RequestOrigin = { ip: null, client: 'atrium CLI', userAgent: null };

/** A context over a database; a random key and a placeholder address unless given. */
export function createServiceContext(
  database: Database,
  options: { config: ServiceContext['config']; blobs: BlobStore; clock?: Clock; box?: CryptoBox; baseUrl?: string },
): ServiceContext {
  return {
    db: database.db,
    database,
    clock: options.clock ?? systemClock,
    config: options.config,
    box: options.box ?? createCryptoBox(randomBytes(32)),
    baseUrl: options.baseUrl ?? 'http://127.0.0.1:3000',
    blobs: options.blobs,
    events: createEventHub(database),
  };
}
