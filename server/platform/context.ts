import type { Clock } from './clock';
import type { Config } from './config';
import type { Database, Db } from './db';

/** What a service function needs from the platform; passed explicitly, no container. */
export interface ServiceContext {
  db: Db;
  database: Database;
  clock: Clock;
  config: Pick<Config, 'sessionTtlHours' | 'adminEmail'>;
}

/** Where a request came from, for the activity log. */
export interface RequestOrigin {
  ip: string | null;
  client: string | null;
  userAgent: string | null;
}

export const CLI_ORIGIN: RequestOrigin = { ip: null, client: 'atrium CLI', userAgent: null };
