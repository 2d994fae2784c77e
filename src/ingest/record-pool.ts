import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BrandConfig, TopicConfig } from '../config/schema.js';
import type { RawItem } from '../connectors/types.js';
import type { MentionRecord } from '../db/mention-writer.js';
import { compileTaxonomy, type CompiledTaxonomy } from '../nlp/taxonomy.js';
import { toMentionRecord } from './mention-record.js';

export interface TaxonomySource {
  topics: TopicConfig[];
  brands: BrandConfig[];
}

export interface RecordBuilder {
  build(sourceId: number, items: readonly RawItem[], fetchedAt: number): Promise<MentionRecord[]>;
  close(): Promise<void>;
}

/**
 * Analysis workers by default: one fewer than the cores (the main thread writes to SQLite and
 * answers HTTP meanwhile), at most 4. EARSHOT_WORKERS=0 analyses on the main thread.
 */
export function defaultWorkerCount(): number {
  const configured = process.env.EARSHOT_WORKERS;
  if (configured !== undefined && /^\d+$/.test(configured)) return Number(configured);
  return Math.min(4, Math.max(0, availableParallelism() - 1));
}

/** Builds mention records in-process, or in worker threads so analysis overlaps storage. */
export function createRecordBuilder(source: TaxonomySource, workers: number, taxonomy?: CompiledTaxonomy): RecordBuilder {
  if (workers <= 0) {
    const compiled = taxonomy ?? compileTaxonomy(source.topics, source.brands);
    return {
      build: async (sourceId, items, fetchedAt) => items.map((item) => toMentionRecord(sourceId, item, compiled, fetchedAt)),
      close: async () => {},
    };
  }
  return new WorkerRecordBuilder(source, workers);
}

interface Pending {
  resolve(records: MentionRecord[]): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
}

class WorkerRecordBuilder implements RecordBuilder {
  private readonly slots: (Slot | undefined)[];
  private nextId = 1;

  constructor(
    private readonly source: TaxonomySource,
    size: number,
  ) {
    this.slots = new Array(size).fill(undefined);
  }

  build(sourceId: number, items: readonly RawItem[], fetchedAt: number): Promise<MentionRecord[]> {
    if (items.length === 0) return Promise.resolve([]);
    const slot = this.leastBusy();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      // An idle worker must not keep the process alive; a busy one must.
      slot.worker.ref();
      slot.worker.postMessage({ id, sourceId, fetchedAt, items });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((slot) => slot?.worker.terminate()));
    this.slots.fill(undefined);
  }

  private leastBusy(): Slot {
    let best = -1;
    for (let i = 0; i < this.slots.length; i++) {
      const slot = this.slots[i];
      if (!slot) return (this.slots[i] = this.spawn(i));
      if (best === -1 || slot.pending.size < this.slots[best]!.pending.size) best = i;
    }
    return this.slots[best]!;
  }

  // Workers start on first use; one that dies fails its own jobs and is replaced on the next.
  private spawn(index: number): Slot {
    const worker = new Worker(new URL('./record-worker.mjs', import.meta.url), { workerData: this.source });
    const slot: Slot = { worker, pending: new Map() };
    worker.on('message', (message: { id?: number; records?: MentionRecord[]; error?: string }) => {
      if (message.id === undefined) return;
      const job = slot.pending.get(message.id);
      slot.pending.delete(message.id);
      if (slot.pending.size === 0) worker.unref();
      if (!job) return;
      if (message.error !== undefined) job.reject(new Error(`analysis failed: ${message.error}`));
      else job.resolve(message.records!);
    });
    const fail = (error: Error) => {
      for (const job of slot.pending.values()) job.reject(error);
      slot.pending.clear();
      if (this.slots[index] === slot) this.slots[index] = undefined;
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`analysis worker exited with code ${code}`)));
    worker.unref();
    return slot;
  }
}
