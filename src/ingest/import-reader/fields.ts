import path from 'node:path';
import type { RawItem } from '../../connectors/types.js';

/** The fields an import row can fill; every other column is kept as metadata. */
export const IMPORT_FIELDS = ['id', 'text', 'title', 'author', 'date', 'url', 'rating', 'nps', 'csat', 'ces', 'brand'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export type ImportFormat = 'csv' | 'jsonl';
export type FieldMap = Partial<Record<ImportField, string>>;
export interface ImportOptions { format?: ImportFormat; map?: FieldMap; }
export type ImportRow = { line: number; item: RawItem } | { line: number; error: string };
export type ProgressFn = (bytesRead: number, totalBytes: number) => void;

const FIELD_LIST = IMPORT_FIELDS.join(', ');

export function parseMapArgs(args: string[]): FieldMap {
  const map: FieldMap = {};
  for (const arg of args) {
    const eq = arg.indexOf('=');
    const field = arg.slice(0, eq).trim().toLowerCase();
    const column = arg.slice(eq + 1).trim();
    if (eq < 0 || field === '' || column === '') {
      throw new Error(`--map ${arg}: expected FIELD=COLUMN (fields: ${FIELD_LIST})`);
    }
    if (!isField(field)) throw new Error(`--map ${arg}: unknown field '${field}' (valid fields: ${FIELD_LIST})`);
    if (map[field] !== undefined) throw new Error(`--map ${arg}: field '${field}' is already mapped to '${map[field]}'`);
    map[field] = column;
  }
  return map;
}

export function detectFormat(file: string, explicit?: string): ImportFormat {
  if (explicit !== undefined) {
    if (explicit === 'csv' || explicit === 'jsonl') return explicit;
    throw new Error(`unknown --format '${explicit}' (use csv or jsonl)`);
  }
  const ext = path.extname(file).toLowerCase();
  if (['.csv', '.tsv', '.txt'].includes(ext)) return 'csv';
  if (['.jsonl', '.ndjson'].includes(ext)) return 'jsonl';
  throw new Error(`cannot tell the format of ${file} from its extension; pass --format csv or --format jsonl`);
}

export function isField(name: string): name is ImportField {
  return (IMPORT_FIELDS as readonly string[]).includes(name);
}
