import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/main.js';
import { tempEarshot } from '../helpers/temp-earshot.js';

const earshot = tempEarshot();
afterAll(() => earshot.cleanup());

async function serveOnce(): Promise<string> {
  const lines: string[] = [];
  const server = await startServer({ ...earshot, close: async () => {} }, 0, (m) => lines.push(m));
  await server.stop();
  return lines.join('\n');
}

describe('the first key of a fresh install', () => {
  it('is made as admin and printed by the first serve only; revoking every key does not bring it back', async () => {
    const first = await serveOnce();
    const key = /^\s+(earshot_[A-Za-z0-9_-]{43})$/m.exec(first)?.[1];
    expect(key, first).toBeDefined();
    const rows = earshot.store.sqlite.prepare('SELECT name, role, created_by FROM api_keys').all();
    expect(rows).toEqual([{ name: 'first-admin', role: 'admin', created_by: 'first serve' }]);

    const second = await serveOnce();
    expect(second).not.toMatch(/earshot_[A-Za-z0-9_-]{43}/);
    earshot.store.sqlite.prepare('UPDATE api_keys SET revoked_at = 1').run();
    expect(await serveOnce()).not.toContain('No API key existed');
    expect(earshot.store.sqlite.prepare('SELECT count(*) FROM api_keys').pluck().get()).toBe(1);
  });
});
