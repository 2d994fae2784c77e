import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawItem } from '../../src/connectors/types.js';
import {
  detectFormat, parseMapArgs, readImportFile, type ImportOptions, type ImportRow,
} from '../../src/ingest/import-reader/index.js';
import { HAS_SHARED, sharedMissingNote, sharedPath } from '../helpers/shared.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/import/', import.meta.url));
const fixture = (name: string) => path.join(FIXTURES, name);

async function readAll(file: string, options: ImportOptions = {}) {
  const rows: ImportRow[] = [];
  for await (const row of readImportFile(file, options)) rows.push(row);
  const items = rows.flatMap((r) => ('item' in r ? [{ line: r.line, ...r.item }] : []));
  const errors = rows.flatMap((r) => ('error' in r ? [r] : []));
  return { rows, items, errors };
}

let tmp: string;
beforeAll(async () => { tmp = await mkdtemp(path.join(tmpdir(), 'earshot-import-')); });
afterAll(async () => { await rm(tmp, { recursive: true, force: true }); });
async function tmpFile(name: string, body: string): Promise<string> {
  const file = path.join(tmp, name);
  await writeFile(file, body);
  return file;
}

describe('parseMapArgs', () => {
  it('reads FIELD=COLUMN pairs, field names case-insensitively, columns verbatim', () => {
    expect(parseMapArgs(['text=body', 'Date = Created At', 'id=a=b'])).toEqual({ text: 'body', date: 'Created At', id: 'a=b' });
  });

  it('names the bad pair and lists the valid fields', () => {
    expect(() => parseMapArgs(['stars=rating'])).toThrow(/--map stars=rating: unknown field 'stars' \(valid fields: id, text, title, .*brand\)/);
    expect(() => parseMapArgs(['text'])).toThrow(/--map text: expected FIELD=COLUMN/);
    expect(() => parseMapArgs(['text='])).toThrow(/--map text=: expected FIELD=COLUMN/);
    expect(() => parseMapArgs(['text=a', 'text=b'])).toThrow(/already mapped to 'a'/);
  });
});

describe('detectFormat', () => {
  it('knows the extensions and lets --format win', () => {
    expect(detectFormat('a.csv')).toBe('csv');
    expect(detectFormat('A.TSV')).toBe('csv');
    expect(detectFormat('notes.txt')).toBe('csv');
    expect(detectFormat('x.jsonl')).toBe('jsonl');
    expect(detectFormat('x.ndjson')).toBe('jsonl');
    expect(detectFormat('export.dat', 'jsonl')).toBe('jsonl');
  });

  it('names the file and the --format option when it cannot tell', () => {
    expect(() => detectFormat('export.xlsx')).toThrow(/export\.xlsx.*--format/);
    expect(() => detectFormat('a.csv', 'xml')).toThrow(/--format 'xml'/);
  });
});

describe('readImportFile: CSV', () => {
  it('reads quoted multi-line fields, strips the BOM and numbers records by their first line', async () => {
    const { items, errors } = await readAll(fixture('multiline.csv'));
    expect(errors).toEqual([]);
    expect(items.map((i) => [i.line, i.externalId])).toEqual([[2, 'r1'], [4, 'r2'], [6, 'r3']]);
    expect(items[0]).toMatchObject({
      text: 'Great app,\nbut the "sync" is slow',
      publishedAt: Date.UTC(2015, 1, 24, 19, 35, 52), // 2015-02-24 11:35:52 -0800
      rating: 4,
      metadata: { channel: 'ios' }, // empty country dropped
    });
    expect(items[1]).toMatchObject({ text: 'Plain row', rating: null, metadata: { channel: 'android', country: 'DE' } });
    expect(items[2]!.text).toBe('Three\nline\ntext');
  });

  it('detects semicolons, applies --map and reads survey scores (decimal comma too)', async () => {
    const map = { id: 'respondent', text: 'comment', date: 'submitted' };
    const { items, errors } = await readAll(fixture('semicolon.csv'), { map });
    expect(errors).toEqual([]);
    expect(items[0]).toMatchObject({
      externalId: '1001', text: 'Sehr gut, schnell', publishedAt: Date.UTC(2024, 2, 1, 8, 15),
      nps: 9, csat: 4.5, ces: 2, brand: 'Acme', metadata: { segment: 'smb' },
    });
    expect(items[1]).toMatchObject({ externalId: '1002', nps: 3, csat: null, ces: null, metadata: {} });
  });

  it('reads a CRLF TSV with quoted tabs and line breaks, counting CRLF as one line', async () => {
    const map = { id: 'review_id', text: 'body', date: 'when', rating: 'stars' };
    const { items, errors } = await readAll(fixture('reviews.tsv'), { map });
    expect(errors).toEqual([]);
    expect(items.map((i) => i.line)).toEqual([2, 3, 5]);
    expect(items[1]!.text).toBe('quoted\ttab and\r\nnew line');
    expect(items[2]).toMatchObject({ text: 'Meh; fine | ok', rating: 3, publishedAt: Date.UTC(2023, 4, 2), metadata: { product: 'Show' } });
  });

  it('turns missing text or date and out-of-range scores into row errors naming field and value', async () => {
    const { items, errors } = await readAll(fixture('invalid.csv'));
    expect(items.map((i) => i.externalId)).toEqual(['1', '11']);
    expect(items[1]).toMatchObject({ rating: 1, nps: 0, csat: 1, ces: 1 });
    expect(errors.map((e) => e.error)).toEqual([
      "line 3: no text (column 'text')",
      "line 4: no date (column 'date')",
      "line 5: unreadable date 'yesterday-ish' (column 'date')",
      "line 6: rating 6 is out of range 1–5 (column 'rating')",
      "line 7: nps 11 is out of range 0–10 (whole numbers) (column 'nps')",
      "line 8: nps 7.5 is out of range 0–10 (whole numbers) (column 'nps')",
      "line 9: csat 0 is out of range 1–5 (column 'csat')",
      "line 10: ces 8 is out of range 1–7 (column 'ces')",
      "line 11: rating 'five' is not a number (column 'rating')",
    ]);
    expect(errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('reports a broken quote as a row error with its span and keeps reading after it', async () => {
    const { rows, items, errors } = await readAll(fixture('malformed.csv'));
    expect(items.map((i) => i.externalId)).toEqual(['1', '5', '7']);
    expect(errors).toEqual([
      { line: 3, error: 'line 3: malformed CSV, lines 3–5 skipped: unbalanced quotes (a closing quote is followed by other text)' },
      { line: 7, error: 'line 7: expected 3 columns, got 4' },
    ]);
    expect(rows.map((r) => r.line)).toEqual([2, 3, 6, 7, 8]);
  });

  it('keeps skipped records in file order deep inside a large file', async () => {
    const lines = ['id,text,date'];
    for (let i = 1; i <= 5000; i++) lines.push(`${i},"row ${i}",2024-01-01`);
    lines[2500] = '2500,"unclosed,2024-01-01'; // swallows line 2502 up to its opening quote
    const { rows, items, errors } = await readAll(await tmpFile('big.csv', lines.join('\n')));
    expect(errors).toEqual([{ line: 2501, error: expect.stringMatching(/^line 2501: malformed CSV, lines 2501–2502 skipped/) }]);
    expect(items).toHaveLength(4998);
    expect(items.at(-1)).toMatchObject({ line: 5001, externalId: '5000' });
    expect(rows.every((r, i) => i === 0 || r.line > rows[i - 1]!.line)).toBe(true);
  });

  it('says where a quote that never closes swallowed the rest of the file', async () => {
    const { items, errors } = await readAll(await tmpFile('tail.csv', 'text,date\nok,2024-01-01\n"open,2024-01-02\nlost,2024-01-03\n'));
    expect(items).toHaveLength(1);
    expect(errors).toEqual([{ line: 3, error: 'line 3: malformed CSV, lines 3 to the end of the file skipped: a quote is never closed' }]);
  });

  it('gives rows without an id a stable sha1 of their values', async () => {
    const first = await readAll(fixture('no-id.csv'));
    const second = await readAll(fixture('no-id.csv'));
    const ids = first.items.map((i) => i.externalId);
    expect(ids.every((id) => /^sha1:[0-9a-f]{40}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(3);
    expect(second.items.map((i) => i.externalId)).toEqual(ids);
  });

  it('refuses a --map column missing from the header before yielding any row', async () => {
    const rows: ImportRow[] = [];
    const read = async () => { for await (const r of readImportFile(fixture('multiline.csv'), { map: { text: 'body' } })) rows.push(r); };
    await expect(read()).rejects.toThrow("--map text=body: no column 'body' in header (columns: id, Text, date, rating, channel, country)");
    expect(rows).toEqual([]);
  });

  it('refuses a header without a text or date column, and an empty file', async () => {
    await expect(readAll(fixture('semicolon.csv'))).rejects.toThrow(/no column for 'text' in header .*--map text=COLUMN/);
    await expect(readAll(await tmpFile('empty.csv', ''))).rejects.toThrow(/empty: a CSV import needs a header/);
  });

  it('reports progress up to the file size and stops cleanly when the caller stops early', async () => {
    const file = fixture('multiline.csv');
    const calls: [number, number][] = [];
    for await (const row of readImportFile(file, {}, (read, total) => calls.push([read, total]))) void row;
    const { size } = await stat(file);
    expect(calls.at(-1)).toEqual([size, size]);
    expect(calls.every(([read, total]) => total === size && read <= size)).toBe(true);

    for await (const row of readImportFile(file, {})) {
      expect(row.line).toBe(2);
      break;
    }
  });
});

describe('readImportFile: JSONL', () => {
  it('reads one object per line, skips blank lines and reports bad lines by number', async () => {
    const { items, errors } = await readAll(fixture('feedback.jsonl'));
    expect(items.map((i) => i.line)).toEqual([1, 4]);
    expect(items[0]).toMatchObject({ externalId: '1', text: 'Fast delivery', nps: 10, metadata: { plan: 'pro' } });
    expect(items[1]).toMatchObject({
      text: 'no id here', publishedAt: Date.UTC(2024, 0, 5, 10), metadata: { tags: ['a', 'b'] },
    });
    expect(items[1]!.externalId).toMatch(/^sha1:[0-9a-f]{40}$/);
    expect(errors.map((e) => e.line)).toEqual([3, 5, 6, 7]);
    expect(errors[0]!.error).toMatch(/^line 3: invalid JSON/);
    expect(errors[1]!.error).toBe('line 5: expected a JSON object');
    expect(errors[2]!.error).toBe("line 6: no text (column 'text')");
    expect(errors[3]!.error).toMatch(/^line 7: id 570306133677760500 is too large/);
  });

  it('applies --map to top-level keys', async () => {
    const file = await tmpFile('mapped.ndjson', '{"body":" hi ","when":"2024-01-01","stars":4,"ref":"x"}\n{"when":"2024-01-01"}\n');
    const { items, errors } = await readAll(file, { map: { text: 'body', date: 'when', rating: 'stars' } });
    expect(items).toEqual([expect.objectContaining({ line: 1, text: 'hi', rating: 4, metadata: { ref: 'x' } })]);
    expect(errors).toEqual([{ line: 2, error: "line 2: no text (column 'body')" }]);
  });
});

const note = sharedMissingNote('real-data import tests');
const inRange = (items: RawItem[], from: number, to: number) => items.every((i) => i.publishedAt! >= from && i.publishedAt! < to);

describe.skipIf(!HAS_SHARED)(HAS_SHARED ? 'readImportFile on real exports' : note, () => {
  it('reads every tweet of airline-tweets/Tweets.csv', async () => {
    const map = { id: 'tweet_id', text: 'text', date: 'tweet_created' };
    const { items, errors } = await readAll(sharedPath('data', 'airline-tweets', 'Tweets.csv'), { map });
    expect(errors).toEqual([]);
    expect(items).toHaveLength(14_640);
    expect(new Set(items.map((i) => i.externalId)).size).toBe(14_485);
    expect(inRange(items, Date.UTC(2015, 1, 16), Date.UTC(2015, 1, 25))).toBe(true);
    expect(items[0]).toMatchObject({ line: 2, externalId: '570306133677760513', metadata: expect.objectContaining({ airline: 'Virgin America' }) });
  });

  it('reads amazon-alexa-reviews/amazon_alexa.tsv (BOM, CRLF, tabs, dd-MMM-yy dates)', async () => {
    // Header: rating, date, variation, verified_reviews, feedback; rating and date match by name.
    const { rows, items, errors } = await readAll(sharedPath('data', 'amazon-alexa-reviews', 'amazon_alexa.tsv'), { map: { text: 'verified_reviews' } });
    expect(rows).toHaveLength(3_150);
    expect(errors).toHaveLength(79); // blank reviews
    expect(errors.every((e) => e.error === `line ${e.line}: no text (column 'verified_reviews')`)).toBe(true);
    expect(items.every((i) => Number.isInteger(i.rating) && i.rating! >= 1 && i.rating! <= 5)).toBe(true);
    expect(inRange(items, Date.UTC(2018, 4, 16), Date.UTC(2018, 7, 1))).toBe(true);
    expect(items[0]).toMatchObject({ line: 2, text: 'Love my Echo!', rating: 5, metadata: { variation: 'Charcoal Fabric', feedback: '1' } });
    expect(rows.at(-1)!.line).toBe(3_151);
  });
});
