import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from './config';

/**
 * Encrypts small secrets at rest (TOTP secrets, identity-provider client secrets) with AES-256-GCM.
 * Output: `v1.<iv>.<tag>.<ciphertext>`, base64url parts; a fresh 96-bit IV per message.
 */
export interface CryptoBox {
  seal(plaintext: string): string;
  open(sealed: string): string;
  /** An HMAC-SHA256 tag (base64url) of `data` under a key derived from the box's key for `purpose`. */
  mac(purpose: string, data: string): string;
  /** True when `tag` is the MAC of `data` for `purpose` (constant-time comparison). */
  verifyMac(purpose: string, data: string, tag: string): boolean;
}

/** A box over a 32-byte key. */
export function createCryptoBox(key: Buffer): CryptoBox {
  if (key.length !== 32) throw new ConfigError('ATRIUM_SECRET_KEY must be 32 bytes, base64-encoded (44 characters)');
  const macKeys = new Map<string, Buffer>();
  const macKey = (purpose: string): Buffer => {
    let derived = macKeys.get(purpose);
    if (!derived) {
      derived = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), `atrium-mac:${purpose}`, 32));
      macKeys.set(purpose, derived);
    }
    return derived;
  };
  const mac = (purpose: string, data: string): string => createHmac('sha256', macKey(purpose)).update(data).digest('base64url');
  return {
    mac,
    verifyMac(purpose, data, tag) {
      const expected = Buffer.from(mac(purpose, data));
      const given = Buffer.from(tag);
      return expected.length === given.length && timingSafeEqual(expected, given);
    },
    seal(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join('.');
    },
    open(sealed) {
      const [version, iv, tag, ciphertext] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || ciphertext === undefined) throw new Error('not a sealed secret');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}

/**
 * The installation's key: ATRIUM_SECRET_KEY when set (required for several servers, which must
 * share it), otherwise `<dataDir>/secret.key`, created on the first start with mode 0600.
 */
export function loadSecretKey(secretKeyEnv: string | undefined, dataDir: string): Buffer {
  if (secretKeyEnv) return Buffer.from(secretKeyEnv, 'base64');
  const file = path.join(dataDir, 'secret.key');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
}

/** A value derived from the key that reveals nothing of it, to tell whether two keys are the same. */
export function keyCheckValue(key: Buffer): string {
  return createHmac('sha256', key).update('atrium-secret-key-check').digest('base64url');
}
