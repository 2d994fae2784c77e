import type { RunRow } from '../db/sources.js';
import { toIso } from '../util/dates.js';

/** A run as the API shows it: what it fetched and stored, and why it failed if it did. */
export function runToJson(run: RunRow | undefined) {
  if (!run) return null;
  return {
    status: run.status,
    startedAt: toIso(run.startedAt),
    finishedAt: toIso(run.finishedAt),
    fetched: run.fetched,
    inserted: run.inserted,
    duplicates: run.duplicates,
    rejected: run.rejected,
    errorCode: run.errorCode,
    errorMessage: run.errorMessage,
  };
}
