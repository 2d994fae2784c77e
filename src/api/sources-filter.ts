import { inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { sources } from '../db/schema.js';
import { ApiProblem } from './problem.js';

/** Source names from a filter as ids; an unknown name is a 400 that names it. */
export function resolveSourceIds(db: Db, names: string[] | undefined): number[] | undefined {
  if (!names || names.length === 0) return undefined;
  const rows = db.select({ id: sources.id, name: sources.name }).from(sources).where(inArray(sources.name, names)).all();
  const unknown = names.filter((n) => !rows.some((r) => r.name === n));
  if (unknown.length > 0) {
    throw new ApiProblem(400, 'Invalid request', `source: no source named ${unknown.map((n) => `'${n}'`).join(', ')}`, {
      errors: unknown.map((n) => ({ field: 'source', message: `no source named '${n}'` })),
    });
  }
  return rows.map((r) => r.id);
}
