import type { RawItem } from '../connectors/types.js';
import type { OpenDb } from '../db/client.js';
import { createMentionWriter, type MentionRecord, type MentionWriter } from '../db/mention-writer.js';
import type { RecordBuilder } from './record-pool.js';

export interface IngestCounts {
  fetched: number;
  inserted: number;
  duplicates: number;
  rejected: number;
}

/** A batch analysed and ready to store. */
export interface PreparedBatch {
  records: MentionRecord[];
  counts: IngestCounts;
}

export interface Ingestor {
  /** Normalizes, drops what is already stored and analyses the rest (in workers when there are). */
  prepare(sourceId: number, items: readonly RawItem[]): Promise<PreparedBatch>;
  /**
   * Stores a prepared batch in one transaction, together with whatever `alsoInTransaction`
   * writes (the cursor, the run's counts): all of it commits, or none.
   */
  commit(batch: PreparedBatch, alsoInTransaction?: (counts: IngestCounts) => void): IngestCounts;
  /** prepare + commit. */
  ingest(sourceId: number, items: readonly RawItem[], alsoInTransaction?: (counts: IngestCounts) => void): Promise<IngestCounts>;
  close(): Promise<void>;
}

export function createIngestor(store: OpenDb, builder: RecordBuilder, now: () => number = Date.now): Ingestor {
  let writer: MentionWriter | undefined;
  const writerFor = () => (writer ??= createMentionWriter(store.sqlite));

  const ingestor: Ingestor = {
    async prepare(sourceId, items) {
      const counts: IngestCounts = { fetched: items.length, inserted: 0, duplicates: 0, rejected: 0 };
      const seen = new Set<string>();
      const fresh: RawItem[] = [];
      for (const item of items) {
        const text = item.text?.trim() ?? '';
        if (!item.externalId || text === '') {
          counts.rejected++;
          continue;
        }
        // Known items skip analysis; the insert still guards against another writer.
        if (seen.has(item.externalId) || writerFor().has(sourceId, item.externalId)) {
          counts.duplicates++;
          continue;
        }
        seen.add(item.externalId);
        fresh.push(text === item.text ? item : { ...item, text });
      }
      return { records: await builder.build(sourceId, fresh, now()), counts };
    },

    commit(batch, alsoInTransaction) {
      const counts = { ...batch.counts };
      // Immediate: the batch reads before it writes, and a deferred transaction whose snapshot
      // another process wrote past (the API storing a label) fails at once with SQLITE_BUSY.
      store.sqlite.transaction(() => {
        const inserted = writerFor().insertAll(batch.records);
        counts.inserted += inserted;
        counts.duplicates += batch.records.length - inserted;
        alsoInTransaction?.(counts);
      }).immediate();
      return counts;
    },

    async ingest(sourceId, items, alsoInTransaction) {
      return ingestor.commit(await ingestor.prepare(sourceId, items), alsoInTransaction);
    },

    close: () => builder.close(),
  };
  return ingestor;
}
