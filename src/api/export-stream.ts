import { stringify } from 'csv-stringify/sync';
import { EXPORT_COLUMNS, LIST_SEPARATOR, type ExportCursor } from '../db/mention-export.js';

export const EXPORT_FORMATS = ['csv', 'ndjson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Bytes gathered before a chunk goes out: large enough to keep per-chunk cost low, small enough to stay flat. */
const CHUNK_CHARS = 64 * 1024;

const col = Object.fromEntries(EXPORT_COLUMNS.map((name, i) => [name, i])) as Record<(typeof EXPORT_COLUMNS)[number], number>;
const iso = (ms: unknown) => (typeof ms === 'number' ? new Date(ms).toISOString() : null);
const list = (joined: unknown) => (typeof joined === 'string' && joined !== '' ? joined.split(LIST_SEPARATOR) : []);

/** A row as NDJSON shows it: dates ISO-8601, lists as arrays, metadata as the object it is. */
function jsonRow(row: unknown[]): string {
  const out: Record<string, unknown> = {};
  EXPORT_COLUMNS.forEach((name, i) => (out[name] = row[i]));
  out.publishedAt = iso(row[col.publishedAt]);
  out.fetchedAt = iso(row[col.fetchedAt]);
  out.topics = list(row[col.topics]);
  out.brands = list(row[col.brands]);
  out.labelTopics = typeof row[col.labelTopics] === 'string' ? JSON.parse(row[col.labelTopics] as string) : null;
  out.metadata = typeof row[col.metadata] === 'string' ? JSON.parse(row[col.metadata] as string) : null;
  return JSON.stringify(out);
}

/** A row as CSV cells: dates ISO-8601, lists joined by '|', metadata as JSON text, null as empty. */
function csvCells(row: unknown[]): unknown[] {
  const cells = row.slice();
  cells[col.publishedAt] = iso(row[col.publishedAt]);
  cells[col.fetchedAt] = iso(row[col.fetchedAt]);
  cells[col.topics] = list(row[col.topics]).join('|');
  cells[col.brands] = list(row[col.brands]).join('|');
  cells[col.labelTopics] = typeof row[col.labelTopics] === 'string' ? (JSON.parse(row[col.labelTopics] as string) as string[] | null)?.join('|') : null;
  return cells;
}

/**
 * The export as a byte stream that reads rows only when the client takes bytes (pull), so memory
 * holds about one chunk whatever the row count. Closing the cursor happens exactly once: at the
 * end, on an error, or when the client goes away (cancel).
 */
export function exportStream(cursor: ExportCursor, format: ExportFormat, onError: (error: unknown) => void): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let first = true;
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        try {
          let text = '';
          let done = false;
          const batch: unknown[][] = [];
          let size = 0;
          while (size < CHUNK_CHARS) {
            const next = cursor.rows.next();
            if (next.done) {
              done = true;
              break;
            }
            const row = next.value;
            if (format === 'ndjson') {
              const line = jsonRow(row) + '\n';
              text += line;
              size += line.length;
            } else {
              batch.push(csvCells(row));
              size += String(row[col.text]).length + 200;
            }
          }
          if (format === 'csv' && (batch.length > 0 || first)) {
            text = stringify(batch, { header: first, columns: [...EXPORT_COLUMNS], cast: { number: (n) => String(n) } });
          }
          first = false;
          if (text) controller.enqueue(encoder.encode(text));
          if (done) {
            cursor.close();
            controller.close();
          }
        } catch (error) {
          cursor.close();
          onError(error);
          controller.error(error);
        }
      },
      cancel() {
        cursor.close();
      },
    },
    { highWaterMark: 1 },
  );
}
