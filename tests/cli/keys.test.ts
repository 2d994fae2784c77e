import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { openDb } from '../../src/db/client.js';
import { earshot } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp-earshot.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const db = path.join(tmp.dir, 'keys.db');

// Each test runs the real binary up to eight times (≈ 0.8 s each on a quiet machine, several
// seconds each at a load of 15): the suite's 20 s default is too short for that, not the code slow.
describe('earshot keys', { timeout: 60_000 }, () => {
  it('creates a key printed once, lists keys without them, and revokes by name or id', async () => {
    const created = earshot(['keys', 'create', '--name', 'jane', '--role', 'analyst', '--rate-limit', '120', '--db', db]);
    expect(created.status, created.stderr).toBe(0);
    const key = created.stdout.trim();
    expect(key).toMatch(/^earshot_[A-Za-z0-9_-]{43}$/);
    expect(created.stderr).toContain("key 1 'jane' (analyst) made");

    const store = openDb(db);
    try {
      const me = await createApp({ store }).request('/api/v1/me', { headers: { authorization: `Bearer ${key}` } });
      expect(await me.json()).toMatchObject({ name: 'jane', role: 'analyst', rateLimit: 120 });
    } finally {
      store.close();
    }

    const listed = earshot(['keys', 'list', '--json', '--db', db]);
    expect(JSON.parse(listed.stdout)).toMatchObject([{ id: 1, name: 'jane', role: 'analyst', rateLimit: 120, createdBy: 'cli', revokedAt: null }]);
    expect(listed.stdout).not.toContain(key.slice(8, 39));

    expect(earshot(['keys', 'create', '--name', 'jane', '--role', 'viewer', '--db', db]).stderr).toContain("a live key named 'jane' exists");
    expect(earshot(['keys', 'revoke', 'jane', '--db', db]).stdout).toContain("key 1 'jane' (analyst) revoked");
    expect(earshot(['keys', 'list', '--db', db]).stdout).toContain('no keys');
    expect(earshot(['keys', 'list', '--all', '--db', db]).stdout).toMatch(/\| 1 \| jane \| analyst \| earshot_…/);
    // The name is free again once its key is revoked.
    expect(earshot(['keys', 'create', '--name', 'jane', '--role', 'viewer', '--db', db]).status).toBe(0);
    expect(earshot(['keys', 'revoke', '2', '--db', db]).status).toBe(0);
  });

  it('revoking a key disables the subscriptions it made, and says how many', () => {
    const created = earshot(['keys', 'create', '--name', 'ops', '--role', 'admin', '--db', db]);
    expect(created.status, created.stderr).toBe(0);
    const store = openDb(db);
    const keyId = store.sqlite.prepare("SELECT id FROM api_keys WHERE name = 'ops' AND revoked_at IS NULL").pluck().get() as number;
    const insert = store.sqlite.prepare(
      `INSERT INTO subscriptions (owner_key_id, owner_name, name, topics, sources, languages, kinds, sensitivity, min_volume, cooldown_minutes,
         channel, target, mode, tz, enabled, created_at, updated_at) VALUES (?, 'ops', ?, '[]', '[]', '[]', '["volume_spike"]', 'balanced', 10, 60,
         'webhook', 'https://example.com/hook', 'realtime', 'UTC', 1, 0, 0)`,
    );
    insert.run(keyId, 'a');
    insert.run(keyId, 'b');
    store.close();
    const revoked = earshot(['keys', 'revoke', 'ops', '--db', db]);
    expect(revoked.stdout).toContain("revoked; 2 subscription(s) it made disabled");
    const after = openDb(db);
    try {
      expect(after.sqlite.prepare('SELECT count(*) FROM subscriptions WHERE owner_key_id = ? AND enabled = 1').pluck().get(keyId)).toBe(0);
    } finally {
      after.close();
    }
  });

  it('refuses bad roles, names, limits and unknown keys with exit code 2', () => {
    const badRole = earshot(['keys', 'create', '--name', 'x', '--role', 'boss', '--db', db]);
    expect(badRole.status).toBe(2);
    expect(badRole.stderr).toContain("argument 'boss' is invalid");
    expect(earshot(['keys', 'create', '--name', ' ', '--role', 'viewer', '--db', db]).status).toBe(2);
    expect(earshot(['keys', 'create', '--name', 'x', '--role', 'viewer', '--rate-limit', '0', '--db', db]).stderr).toContain('--rate-limit');
    const unknown = earshot(['keys', 'revoke', 'nobody', '--db', db]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("no live key with id or name 'nobody'");
  });
});
