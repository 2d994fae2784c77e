import { createHash, randomBytes } from 'node:crypto';
import { countKeys, insertKey, KeyNameTakenError, type ApiKeyInfo } from '../db/api-keys.js';
import type { Db } from '../db/client.js';
import type { Role } from './principal.js';

/**
 * API keys are `earshot_` and 43 base64url characters (32 random bytes). The prefix lets secret
 * scanners and people recognise a leaked key. Only SHA-256 of the key is stored: password hashes
 * (bcrypt, scrypt, argon2) are slow on purpose to protect guessable secrets, but 256 random bits
 * cannot be guessed, so a slow hash would only cost every request time and prevent finding the
 * key by an index seek on its hash.
 */
export const KEY_PREFIX = 'earshot_';
const KEY_PATTERN = /^earshot_[A-Za-z0-9_-]{43}$/;

export function looksLikeKey(text: string): boolean {
  return KEY_PATTERN.test(text);
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function keyHint(key: string): string {
  return `${KEY_PREFIX}…${key.slice(-4)}`;
}

export interface IssuedKey extends ApiKeyInfo {
  /** The key itself: shown once, never stored. */
  key: string;
}

export const KEY_NAME_PATTERN = /^[\w.@-][\w .@-]{0,99}$/;

/** Makes a key and stores its hash; the only moment the key itself exists outside its holder. */
export function issueKey(
  db: Db,
  request: { name: string; role: Role; rateLimit?: number | null; createdBy: string },
  now: number = Date.now(),
): IssuedKey {
  const key = KEY_PREFIX + randomBytes(32).toString('base64url');
  const row = insertKey(db, { ...request, hash: hashKey(key), hint: keyHint(key) }, now);
  return { ...row, key };
}

export const FIRST_KEY_NAME = 'first-admin';

/**
 * A fresh install has no key, and every API route needs one: the first `serve` makes an admin
 * key and prints it once. Only when no key was ever made, so revoking every key stays revoked.
 */
export function issueFirstKey(db: Db, now: number = Date.now()): IssuedKey | null {
  if (countKeys(db) > 0) return null;
  try {
    return issueKey(db, { name: FIRST_KEY_NAME, role: 'admin', createdBy: 'first serve' }, now);
  } catch (error) {
    // Two servers started at once on one new database: the other one made (and printed) it.
    if (error instanceof KeyNameTakenError) return null;
    throw error;
  }
}
