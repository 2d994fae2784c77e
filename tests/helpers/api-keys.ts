import { issueKey } from '../../src/api/keys.js';
import type { Role } from '../../src/api/principal.js';
import type { OpenDb } from '../../src/db/client.js';

let made = 0;

/** A real key of `role` stored in `store`, as `earshot keys create` makes it. */
export function makeKey(store: OpenDb, role: Role, options: { name?: string; rateLimit?: number } = {}): string {
  return issueKey(store.db, { name: options.name ?? `test-${role}-${++made}`, role, rateLimit: options.rateLimit ?? null, createdBy: 'test' }).key;
}

/** Headers with a fresh key of `role` (analyst by default: it reads every list). */
export function authHeaders(store: OpenDb, role: Role = 'analyst', extra: Record<string, string> = {}): Record<string, string> {
  return { authorization: `Bearer ${makeKey(store, role)}`, ...extra };
}
