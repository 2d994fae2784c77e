import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { parse, type CsvError, type InfoRecord, type Options } from 'csv-parse';
import type { RawItem } from '../connectors/types.js';
import { parseDate } from '../util/dates.js';

/**
 * Reads a direct-feedback export (CSV/TSV or JSONL) as a stream of RawItems or per-row errors, so
 * one bad row never costs the rest of the file and a 1 GB export is never held in memory.
 */

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

export async function* readImportFile(file: string, options: ImportOptions, onProgress?: ProgressFn): AsyncGenerator<ImportRow> {
  const format = options.format ?? detectFormat(file);
  const map = options.map ?? {};
  const { size } = await stat(file);
  const delimiter = format === 'csv' ? await sniffDelimiter(file) : ',';
  // The progress listener starts the flow, so nothing may await between here and the readers' pipe.
  const source = createReadStream(file);
  trackProgress(source, size, onProgress);
  try {
    yield* format === 'csv' ? readCsv(file, source, delimiter, map) : readJsonl(source, map);
    onProgress?.(size, size);
  } finally {
    source.destroy();
  }
}

// ---------------------------------------------------------------- CSV

const DELIMITERS = [',', '\t', ';', '|'];

interface Skip { line: number; message: string }
/** A parsed record with its start line and the broken records the parser dropped just before it. */
interface CsvRecord { values: string[]; line: number; skipped: Skip[] }

async function* readCsv(file: string, source: Readable, delimiter: string, map: FieldMap): AsyncGenerator<ImportRow> {
  const lines = lineCounter();
  let skipped: Skip[] = [];
  // on_record and on_skip both run while parsing, in file order; the records themselves reach us
  // later through the stream buffer, so each one carries the skips that came before it.
  const onRecord = (ext: { record: string[] }, info: InfoRecord): CsvRecord => {
    const record = { values: ext.record, line: lines.start(info.lines, info.raw ?? ''), skipped };
    skipped = [];
    return record;
  };
  const parser = parse({
    delimiter,
    bom: true,
    raw: true, // start lines are computed from each record's raw text
    skip_empty_lines: true,
    relax_column_count: true, // a short or long row becomes our row error, not a parser stop
    // Strict quotes on purpose: relax_quotes would fold an unclosed quote and the lines after it
    // into one silently wrong row; strict turns it into a row error and resumes after it.
    skip_records_with_error: true,
    on_skip: (err: CsvError | undefined, raw: string | undefined) => {
      const line = lines.start(Number(err?.['lines'] ?? 0), raw ?? '');
      // One broken record can trip several errors; the first says most.
      if (skipped.at(-1)?.line !== line) skipped.push({ line, message: describeCsvError(err) });
    },
    on_record: onRecord as unknown as Options['on_record'], // typed for plain rows, not our own shape
  });
  source.on('error', (err) => parser.destroy(err));
  source.pipe(parser);

  let header: Columns | undefined;
  for await (const { values, line, skipped: before } of parser as AsyncIterable<CsvRecord>) {
    yield* skipRows(before, line);
    if (!header) {
      header = resolveColumns(values, map);
      continue;
    }
    if (values.length !== header.names.length) {
      yield { line, error: `line ${line}: expected ${header.names.length} columns, got ${values.length}` };
      continue;
    }
    const metadata: Record<string, unknown> = {};
    for (const i of header.extra) putMeta(metadata, header.names[i]!, values[i]);
    const cell = (f: ImportField): Cell | undefined => {
      const i = header!.byField.get(f);
      return i === undefined ? undefined : { column: header!.names[i]!, value: values[i] };
    };
    yield toRow(line, cell, metadata, values.join('\u001f'), map);
  }
  if (!header) throw new Error(`${file} is empty: a CSV import needs a header line naming its columns`);
  yield* skipRows(skipped, undefined);
}

// csv-parse's own messages quote its line count, which is off after a CRLF inside quotes.
const CSV_ERRORS: Partial<Record<string, string>> = {
  CSV_INVALID_CLOSING_QUOTE: 'unbalanced quotes (a closing quote is followed by other text)',
  INVALID_OPENING_QUOTE: 'a quote inside an unquoted field (quote the field, double the inner quotes)',
  CSV_QUOTE_NOT_CLOSED: 'a quote is never closed',
};

function describeCsvError(err: CsvError | undefined): string {
  return (err && CSV_ERRORS[err.code]) ?? err?.message ?? 'unreadable record';
}

/** Says which lines went with each broken record: up to the next record the parser could read. */
function* skipRows(skips: Skip[], nextLine: number | undefined): Generator<ImportRow> {
  for (const [i, skip] of skips.entries()) {
    const end = (skips[i + 1]?.line ?? nextLine ?? 0) - 1;
    const span = end < 0 ? `lines ${skip.line} to the end of the file skipped`
      : end > skip.line ? `lines ${skip.line}–${end} skipped` : 'record skipped';
    yield { line: skip.line, error: `line ${skip.line}: malformed CSV, ${span}: ${skip.message}` };
  }
}

interface Columns { names: string[]; byField: Map<ImportField, number>; extra: number[] }

function resolveColumns(names: string[], map: FieldMap): Columns {
  const lower = names.map((n) => n.trim().toLowerCase());
  const listed = names.join(', ');
  const byField = new Map<ImportField, number>();
  for (const [field, column] of Object.entries(map) as [ImportField, string][]) {
    const i = lower.indexOf(column.trim().toLowerCase());
    if (i < 0) throw new Error(`--map ${field}=${column}: no column '${column}' in header (columns: ${listed})`);
    byField.set(field, i);
  }
  const taken = new Set(byField.values());
  for (const field of IMPORT_FIELDS) {
    if (byField.has(field)) continue;
    const i = lower.indexOf(field);
    if (i >= 0 && !taken.has(i)) byField.set(field, i);
  }
  // Without these every row would fail; one clear message beats thousands of row errors.
  for (const field of ['text', 'date'] as const) {
    if (!byField.has(field)) throw new Error(`no column for '${field}' in header (columns: ${listed}); use --map ${field}=COLUMN`);
  }
  const used = new Set(byField.values());
  return { names, byField, extra: names.map((_, i) => i).filter((i) => !used.has(i)) };
}

/** The delimiter that occurs most often, outside quotes, in the header line. */
async function sniffDelimiter(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(64 * 1024), 0, 64 * 1024, 0);
    const text = buffer.toString('utf8', 0, bytesRead);
    const counts = new Map(DELIMITERS.map((d) => [d, 0]));
    let quoted = false;
    for (const ch of text) {
      if (ch === '"') quoted = !quoted;
      else if (!quoted && (ch === '\n' || ch === '\r')) break;
      else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
    }
    return DELIMITERS.reduce((best, d) => (counts.get(d)! > counts.get(best)! ? d : best));
  } finally {
    await handle.close();
  }
}

/**
 * Start lines from csv-parse's `info.lines`, which is the line a record ENDS on: minus the line
 * breaks inside the record's raw text (leading breaks are skipped blank lines, the trailing one is
 * the record delimiter, not counted yet). csv-parse also counts a CRLF inside quotes as two lines,
 * so those seen so far are taken back off.
 */
function lineCounter() {
  let quotedCrlf = 0;
  return {
    start(endLine: number, raw: string): number {
      const text = raw.replace(/^[\r\n]+/, '');
      quotedCrlf += text.match(/\r\n/g)?.length ?? 0;
      const breaks = text.replace(/[\r\n]+$/, '').match(/\r\n|\r|\n/g)?.length ?? 0;
      return endLine - quotedCrlf - breaks;
    },
  };
}

// ---------------------------------------------------------------- JSONL

async function* readJsonl(source: Readable, map: FieldMap): AsyncGenerator<ImportRow> {
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

// ---------------------------------------------------------------- rows

interface Cell { column: string; value: unknown }

const SCORES = {
  rating: { min: 1, max: 5, integer: false },
  nps: { min: 0, max: 10, integer: true },
  csat: { min: 1, max: 5, integer: false },
  ces: { min: 1, max: 7, integer: false },
} as const;

function toRow(line: number, cell: (f: ImportField) => Cell | undefined, metadata: Record<string, unknown>,
  fingerprint: string, map: FieldMap): ImportRow {
  const problems: string[] = [];
  const where = (f: ImportField) => `(column '${cell(f)?.column ?? map[f] ?? f}')`;
  const str = (f: ImportField): string | null => asText(cell(f)?.value) || null;

  const text = str('text');
  if (text === null) problems.push(`no text ${where('text')}`);
  const rawDate = str('date');
  const publishedAt = rawDate === null ? null : parseDate(rawDate);
  if (rawDate === null) problems.push(`no date ${where('date')}`);
  else if (publishedAt === null) problems.push(`unreadable date '${rawDate}' ${where('date')}`);

  const scores: Partial<Record<keyof typeof SCORES, number>> = {};
  for (const name of Object.keys(SCORES) as (keyof typeof SCORES)[]) {
    const { min, max, integer } = SCORES[name];
    const value = str(name);
    const n = value === null ? null : toNumber(value);
    if (value === null) continue;
    if (n === null) problems.push(`${name} '${value}' is not a number ${where(name)}`);
    else if (n < min || n > max || (integer && !Number.isInteger(n))) {
      problems.push(`${name} ${value} is out of range ${min}–${max}${integer ? ' (whole numbers)' : ''} ${where(name)}`);
    } else scores[name] = n;
  }
  // JSON.parse has already rounded such an id (tweet ids are 18 digits); better refuse than collide.
  const rawId = cell('id')?.value;
  if (typeof rawId === 'number' && !Number.isSafeInteger(rawId)) {
    problems.push(`id ${rawId} is too large for a JSON number; write it as a string ${where('id')}`);
  }
  if (problems.length > 0) return { line, error: `line ${line}: ${problems.join('; ')}` };

  const id = str('id');
  const item: RawItem = {
    externalId: id ?? `sha1:${createHash('sha1').update(fingerprint).digest('hex')}`,
    text: text!,
    publishedAt,
    title: str('title'),
    author: str('author'),
    url: str('url'),
    brand: str('brand'),
    rating: scores.rating ?? null,
    nps: scores.nps ?? null,
    csat: scores.csat ?? null,
    ces: scores.ces ?? null,
    metadata,
  };
  return { line, item };
}

function toNumber(value: string): number | null {
  // Semicolon exports usually come from locales that write 4,5 for 4.5.
  const normal = /^[+-]?\d+,\d+$/.test(value) ? value.replace(',', '.') : value;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(normal)) return null;
  return Number(normal);
}

function asText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function putMeta(metadata: Record<string, unknown>, key: string, value: unknown): void {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (trimmed !== '') metadata[key] = trimmed;
  } else if (value !== null && value !== undefined) {
    metadata[key] = value;
  }
}

function isField(name: string): name is ImportField {
  return (IMPORT_FIELDS as readonly string[]).includes(name);
}

function trackProgress(source: Readable, total: number, onProgress?: ProgressFn): void {
  if (!onProgress) return;
  let read = 0;
  let last = 0;
  source.on('data', (chunk: string | Buffer) => {
    read += chunk.length;
    const now = Date.now();
    if (now - last >= 100) {
      last = now;
      onProgress(read, total);
    }
  });
}
