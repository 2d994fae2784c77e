import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { parse, type CsvError, type InfoRecord, type Options } from 'csv-parse';
import { IMPORT_FIELDS, isField, type FieldMap, type ImportField, type ImportRow } from './fields.js';
import { putMeta, toRow, type Cell } from './row.js';

const DELIMITERS = [',', '\t', ';', '|'];

interface Skip { line: number; message: string }
/** A parsed record with its start line and the broken records the parser dropped just before it. */
interface CsvRecord { values: string[]; line: number; skipped: Skip[] }

export async function* readCsv(file: string, source: Readable, delimiter: string, map: FieldMap): AsyncGenerator<ImportRow> {
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
export async function sniffDelimiter(file: string): Promise<string> {
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

