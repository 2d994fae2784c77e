import { getConnector, IMPORT_KIND } from '../connectors/index.js';
import { isConnectorError } from '../connectors/errors.js';
import type { HttpClient } from '../connectors/http.js';
import type { OpenDb } from '../db/client.js';
import { claimRun, findSource, listSources, saveCursor, updateRun, type RunRow } from '../db/sources.js';
import type { Ingestor } from './ingest-items.js';

export interface RunDeps {
  store: OpenDb;
  ingestor: Ingestor;
  http: HttpClient;
  now?: () => number;
  log?: (message: string) => void;
}

export type RunSummary =
  | { status: 'skipped'; source: string; reason: string }
  | ({ status: RunRow['status']; source: string } & Pick<RunRow, 'id' | 'fetched' | 'inserted' | 'duplicates' | 'rejected' | 'errorCode' | 'errorMessage'>);

export class UnknownSourceError extends Error {}

/**
 * One run of one source: fetch → dedupe → analyse → store, with the items, the new cursor and
 * the run's outcome committed in one transaction. A failure is recorded with its code and never
 * looks like an empty success.
 */
export async function runSource(deps: RunDeps, name: string, signal?: AbortSignal): Promise<RunSummary> {
  const now = deps.now ?? Date.now;
  const { db } = deps.store;
  const source = findSource(db, name);
  if (!source) {
    const known = listSources(db).map((s) => s.name).join(', ') || 'none';
    throw new UnknownSourceError(`no source named '${name}' (known: ${known})`);
  }
  if (source.kind === IMPORT_KIND) {
    throw new UnknownSourceError(`'${name}' is filled by 'earshot import'; it has nothing to fetch`);
  }
  const run = claimRun(db, source.id, now());
  if (!run) return { status: 'skipped', source: name, reason: 'a run of this source is already in progress' };

  const finish = (fields: Omit<Parameters<typeof updateRun>[2], 'finishedAt'>): RunSummary => {
    const finishedAt = now();
    updateRun(db, run.id, { ...fields, finishedAt });
    const row = { ...run, fetched: 0, inserted: 0, duplicates: 0, rejected: 0, errorCode: null, errorMessage: null, ...fields, finishedAt };
    return { ...row, source: name, status: row.status } as RunSummary;
  };

  const connector = getConnector(source.kind);
  if (!connector) return finish({ status: 'failed', errorCode: 'CONFIG', errorMessage: `unknown source kind '${source.kind}'` });
  const options = connector.configSchema.safeParse(source.config);
  if (!options.success) {
    return finish({ status: 'failed', errorCode: 'CONFIG', errorMessage: options.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
  }

  let result;
  try {
    result = await connector.fetch({
      config: options.data,
      cursor: source.cursor,
      http: deps.http,
      signal: signal ?? new AbortController().signal,
      log: (message) => deps.log?.(`[${name}] ${message}`),
    });
  } catch (error) {
    if (signal?.aborted) return finish({ status: 'aborted', errorCode: null, errorMessage: 'stopped by shutdown' });
    // A connector that throws anything but a ConnectorError could not make sense of what it got.
    const code = isConnectorError(error) ? error.code : 'PARSE';
    return finish({ status: 'failed', errorCode: code, errorMessage: shortMessage(error) });
  }

  let outcome: RunSummary | undefined;
  try {
    await deps.ingestor.ingest(source.id, result.items, (counts) => {
      saveCursor(db, source.id, result.cursor, now());
      outcome = finish({ status: 'ok', ...counts });
    });
  } catch (error) {
    // The transaction rolled back: nothing of this run is stored and the cursor did not move.
    return finish({ status: 'failed', errorCode: 'STORE', errorMessage: shortMessage(error) });
  }
  return outcome!;
}

function shortMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > 500 ? `${message.slice(0, 497)}...` : message;
}
