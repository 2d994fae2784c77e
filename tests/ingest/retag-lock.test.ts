import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';
import { syncConfig, ensureImportSource } from '../../src/db/sources.js';
import { createRecordBuilder } from '../../src/ingest/record-pool.js';
import { retag } from '../../src/ingest/retag.js';
import { compileTaxonomy } from '../../src/nlp/taxonomy.js';
import { configFrom, tempEarshot } from '../helpers/temp-earshot.js';

const earshot = tempEarshot(`
topics:
  - { id: delivery, name: Delivery, terms: [delivery] }
`);
afterAll(() => earshot.cleanup());

const HOLD_MS = 1500;

/**
 * Another process (a busy `earshot serve`, an import) holding the write lock: it writes, waits,
 * then commits. Run as a child process, since better-sqlite3 blocks this thread while it waits.
 */
function holdWriteLock(file: string) {
  const child = spawn(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import Database from 'better-sqlite3';
       const db = new Database(${JSON.stringify(file)});
       db.pragma('busy_timeout = 10000');
       db.exec('BEGIN IMMEDIATE');
       db.prepare("UPDATE mentions SET author = 'held' WHERE external_id = 'other'").run();
       process.stdout.write('locked\\n');
       Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${HOLD_MS});
       db.exec('COMMIT');
       process.stdout.write('committed ' + Date.now() + '\\n');
       db.close();`,
    ],
    { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  const locked = new Promise<void>((resolve) =>
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('locked')) resolve();
    }),
  );
  const committedAt = once(child, 'exit').then(() => Number(/committed (\d+)/.exec(out)?.[1]));
  return { locked, committedAt };
}

describe('retag next to a process holding the write lock', () => {
  it('waits for the lock (busy_timeout) and finishes, instead of dying with "database is locked"', async () => {
    const source = ensureImportSource(earshot.store.db, 'tickets');
    await earshot.ingestor.ingest(source.id, [
      { externalId: 'a', text: 'The parcel never arrived.', publishedAt: Date.parse('2024-02-01T10:15:00Z') },
      { externalId: 'b', text: 'Courier was rude.', publishedAt: Date.parse('2024-02-01T11:20:00Z') },
      { externalId: 'other', text: 'Love it', publishedAt: Date.parse('2024-03-01T09:00:00Z') },
    ]);
    const config = configFrom(`
topics:
  - { id: delivery, name: Delivery, terms: [delivery, parcel, courier] }
`);
    syncConfig(earshot.store.db, config);
    const builder = createRecordBuilder(config, 0, compileTaxonomy(config.topics, config.brands));

    const holder = holdWriteLock(earshot.dbPath);
    await holder.locked;
    const summary = await retag(earshot.store, builder, { from: Date.parse('2024-02-01'), to: Date.parse('2024-02-02') });
    const finishedAt = Date.now();

    expect(summary).toMatchObject({ mentions: 2, topicsChanged: 2 });
    expect(finishedAt).toBeGreaterThanOrEqual(await holder.committedAt); // it waited its turn
    const read = (sql: string) => earshot.store.sqlite.prepare(sql).pluck().get();
    expect(read("SELECT count(*) FROM mention_topics WHERE topic_id = 'delivery'")).toBe(2);
    expect(read("SELECT sum(volume) FROM rollups WHERE brand = '*' AND topic = 'delivery'")).toBe(2);
    expect(read("SELECT author FROM mentions WHERE external_id = 'other'")).toBe('held'); // the other writer's change stands
  }, 20_000);
});
