import { parentPort, workerData } from 'node:worker_threads';
import type { RawItem } from '../connectors/types.js';
import type { TaxonomySource } from './record-pool.js';
import { compileTaxonomy } from '../nlp/taxonomy.js';
import { toMentionRecord } from './mention-record.js';

const source = workerData as TaxonomySource;
const taxonomy = compileTaxonomy(source.topics, source.brands);

parentPort!.on('message', (job: { id: number; sourceId: number; fetchedAt: number; items: RawItem[] }) => {
  try {
    const records = job.items.map((item) => toMentionRecord(job.sourceId, item, taxonomy, job.fetchedAt));
    parentPort!.postMessage({ id: job.id, records });
  } catch (error) {
    parentPort!.postMessage({ id: job.id, error: error instanceof Error ? error.stack ?? error.message : String(error) });
  }
});
parentPort!.postMessage({ ready: true });
