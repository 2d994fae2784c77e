import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { IMPORT_FIELDS, isField, type FieldMap, type ImportField, type ImportRow } from './fields.js';
import { putMeta, toRow, type Cell } from './row.js';

export async function* readJsonl(source: Readable, map: FieldMap): AsyncGenerator<ImportRow> {
  const lines = createInterface({ input: source, crlfDelay: Infinity });
  let line = 0;
  for await (let text of lines) {
    line += 1;
    if (line === 1) text = text.replace(/^\uFEFF/, '');
    text = text.trim();
    if (text === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      yield { line, error: `line ${line}: invalid JSON: ${(err as Error).message}` };
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      yield { line, error: `line ${line}: expected a JSON object` };
      continue;
    }
    const obj = value as Record<string, unknown>;
    const keys = keyFields(Object.keys(obj), map);
    const metadata: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(obj)) if (!keys.used.has(key)) putMeta(metadata, key, v);
    const cell = (f: ImportField): Cell | undefined => {
      const key = keys.byField.get(f);
      return key === undefined ? undefined : { column: key, value: obj[key] };
    };
    yield toRow(line, cell, metadata, text, map);
  }
}

function keyFields(keys: string[], map: FieldMap): { byField: Map<ImportField, string>; used: Set<string> } {
  const byLower = new Map(keys.map((k) => [k.toLowerCase(), k]));
  const byField = new Map<ImportField, string>();
  for (const [field, key] of Object.entries(map) as [ImportField, string][]) {
    byField.set(field, byLower.get(key.toLowerCase()) ?? key);
  }
  const mapped = new Set(byField.values());
  for (const field of IMPORT_FIELDS) {
    const key = byLower.get(field);
    if (!byField.has(field) && key !== undefined && !mapped.has(key)) byField.set(field, key);
  }
  return { byField, used: new Set(byField.values()) };
}

