import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { analyze, type Analysis, type Sentiment } from './pipeline.js';
import { ratingAgreement } from './sentiment.js';
import type { CompiledTaxonomy } from './taxonomy.js';

/**
 * `earshot analyze`: one text per line, or JSONL with a `text` field (and an optional `lang`
 * hint and star `rating`), in; one JSON object per line out. Users try their taxonomy with it.
 * `defaults.lang` is the hint for lines that carry none (a file of German reviews, say).
 */
export async function analyzeLines(
  input: Readable,
  output: Writable,
  taxonomy: CompiledTaxonomy,
  defaults: { lang?: string } = {},
): Promise<{ lines: number; errors: number }> {
  let lines = 0;
  let errors = 0;
  let lineNo = 0;
  for await (const raw of createInterface({ input, crlfDelay: Infinity })) {
    lineNo++;
    if (raw.trim() === '') continue;
    const parsed = readLine(raw);
    if ('error' in parsed) {
      errors++;
      output.write(`${JSON.stringify({ line: lineNo, error: parsed.error })}\n`);
      continue;
    }
    lines++;
    const result = toOutput(analyze(parsed.text, taxonomy, { langHint: parsed.lang ?? defaults.lang, terms: true }));
    output.write(`${JSON.stringify(parsed.rating === undefined ? result : withRating(result, parsed.rating))}\n`);
  }
  return { lines, errors };
}

/** A rated review keeps both: its stars and whether they tell the text's story (null without a label). */
function withRating(result: ReturnType<typeof toOutput>, rating: number) {
  return { ...result, rating, ratingAgreement: result.label === null ? null : ratingAgreement(rating, result.label) };
}

function readLine(raw: string): { text: string; lang?: string; rating?: number } | { error: string } {
  if (!raw.trimStart().startsWith('{')) return { text: raw };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    return { error: `not JSON: ${(error as Error).message}` };
  }
  const record = value as { text?: unknown; lang?: unknown; rating?: unknown };
  if (typeof record.text !== 'string' || record.text.trim() === '') return { error: 'no "text" field' };
  const lang = typeof record.lang === 'string' ? record.lang : undefined;
  if (record.rating === undefined || record.rating === null) return { text: record.text, lang };
  if (typeof record.rating !== 'number' || !Number.isFinite(record.rating) || record.rating < 0 || record.rating > 5) {
    return { error: `"rating" must be a number of stars from 0 to 5, got ${JSON.stringify(record.rating)}` };
  }
  return { text: record.text, lang, rating: record.rating };
}

function score(sentiment: Sentiment | null) {
  return sentiment === null ? null : sentiment.score;
}

export function toOutput(a: Analysis) {
  return {
    lang: a.lang,
    sentiment: score(a.sentiment),
    label: a.sentiment?.label ?? null,
    ...(a.sentimentNote ? { sentimentNote: a.sentimentNote } : {}),
    ...('explain' in (a.sentiment ?? {}) ? { explain: (a.sentiment as Sentiment & { explain?: unknown }).explain } : {}),
    topics: a.topics.map((t) => ({ id: t.id, terms: t.terms, sentiment: score(t.sentiment), label: t.sentiment?.label ?? null })),
    sentences: a.sentences.map((s) => ({ text: s.text, sentiment: score(s.sentiment), label: s.sentiment?.label ?? null })),
    brands: a.brands,
    products: a.products,
    entities: a.entities,
    terms: a.terms,
  };
}
