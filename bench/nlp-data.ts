/**
 * The labelled sentiment sets in ../shared/data, read where they lie (never copied into the
 * repo), plus the fold split and metrics shared by bench/nlp.ts and scripts/train-sentiment.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { SentimentLabel } from '../src/nlp/sentiment.js';
import type { FeatureVector } from '../src/nlp/sentiment/features.js';
import { score, type Scored } from '../src/nlp/sentiment/model.js';
import { DEFAULT_TRAIN, train, type TrainOptions } from '../src/nlp/sentiment/train.js';
import { seededRandom } from '../src/util/random.js';

export interface LabelledText {
  text: string;
  label: SentimentLabel;
  /** Star rating where the set has one. */
  rating?: number;
}

const repo = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
export const dataDir = path.resolve(repo, '../shared/data');
export const airlinePath = path.join(dataDir, 'airline-tweets/Tweets.csv');
export const alexaPath = path.join(dataDir, 'amazon-alexa-reviews/amazon_alexa.tsv');

export const multilingualDir = path.join(dataDir, 'multilingual');
export const MULTILINGUAL = ['nl', 'sv', 'pl', 'de', 'fr', 'es'] as const;

export function sharedDataPresent(): boolean {
  return existsSync(airlinePath) && existsSync(alexaPath);
}

export function multilingualPresent(): boolean {
  return MULTILINGUAL.every((lang) => existsSync(path.join(multilingualDir, lang)));
}

/**
 * A labelled set as `text<TAB>label[<TAB>…]` with a header row, every label one of `labels`: the
 * shape of ../shared/data/multilingual and of the review fixtures. A bad label names its line.
 */
export function readLabelledTsv(file: string, labels: readonly SentimentLabel[] = ['negative', 'neutral', 'positive']): LabelledText[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((line, i) => {
      const [text, label] = line.split('\t');
      if (!text || !labels.includes(label as SentimentLabel)) throw new Error(`${file}:${i + 2}: label "${label}" is not ${labels.join('/')}`);
      return { text, label: label as SentimentLabel };
    });
}

/** The one labelled set of a language in ../shared/data/multilingual (`text<TAB>label`, header row). */
export function loadMultilingual(lang: string): LabelledText[] & { file: string } {
  const dir = path.join(multilingualDir, lang);
  const file = readdirSync(dir).find((f) => f.endsWith('.tsv'));
  if (!file) throw new Error(`${dir} holds no .tsv file`);
  return Object.assign(readLabelledTsv(path.join(dir, file)), { file });
}

/** Texts of known language for the detectors: airline tweets and Echo reviews (en), then one set per language. */
export function languageSets(): { lang: string; name: string; texts: string[] }[] {
  const sets = [
    { lang: 'en', name: 'en tweets', texts: loadAirline().map((r) => r.text) },
    { lang: 'en', name: 'en reviews', texts: loadAlexa().map((r) => r.text) },
  ];
  if (multilingualPresent()) for (const lang of MULTILINGUAL) sets.push({ lang, name: lang, texts: loadMultilingual(lang).map((r) => r.text) });
  return sets;
}

/** 14,640 tweets, three classes as the crowd labelled them. */
export function loadAirline(): LabelledText[] {
  const rows = parse(readFileSync(airlinePath), { columns: true }) as { text: string; airline_sentiment: string }[];
  return rows.map((r) => ({ text: r.text, label: r.airline_sentiment as SentimentLabel }));
}

/**
 * Amazon Echo reviews with a non-empty text: 1–2 stars negative, 3 neutral, 4–5 positive
 * (pos/neg evaluations drop the 3s).
 */
export function loadAlexa(): LabelledText[] {
  const rows = parse(readFileSync(alexaPath), { columns: true, delimiter: '\t', bom: true, relax_quotes: true }) as {
    rating: string;
    verified_reviews: string;
  }[];
  return rows
    .map((r) => ({ text: (r.verified_reviews ?? '').trim(), rating: Number(r.rating) }))
    .filter((r) => r.text.length > 0 && Number.isFinite(r.rating))
    .map((r) => ({ ...r, label: (r.rating <= 2 ? 'negative' : r.rating >= 4 ? 'positive' : 'neutral') as SentimentLabel }));
}

export const FOLDS = 5;
export const FOLD_SEED = 42;

/** Fold of each item: a seeded shuffle, then round-robin, so every run splits the same way. */
export function foldsOf(count: number, folds = FOLDS, seed = FOLD_SEED): Uint8Array {
  const order = Array.from({ length: count }, (_, i) => i);
  const random = seededRandom(seed);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const fold = new Uint8Array(count);
  order.forEach((item, rank) => (fold[item] = rank % folds));
  return fold;
}

/**
 * Macro-averaged F1 over `classes` (predictions outside them count as misses) and accuracy.
 * `balanced`: every item weighs 1 / (items of its gold class), as if the classes were equally
 * frequent (the Echo reviews are 91 % positive; many review sets are balanced).
 */
export function scores(
  gold: readonly SentimentLabel[],
  predicted: readonly SentimentLabel[],
  classes: readonly SentimentLabel[],
  balanced = false,
): { macroF1: number; accuracy: number; perClass: Record<string, number> } {
  const count = new Map<SentimentLabel, number>();
  for (const g of gold) count.set(g, (count.get(g) ?? 0) + 1);
  const weight = (i: number) => (balanced ? 1 / count.get(gold[i]!)! : 1);
  let correct = 0;
  let total = 0;
  const perClass: Record<string, number> = {};
  for (let i = 0; i < gold.length; i++) {
    total += weight(i);
    if (gold[i] === predicted[i]) correct += weight(i);
  }
  let sum = 0;
  for (const c of classes) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < gold.length; i++) {
      if (predicted[i] === c && gold[i] === c) tp += weight(i);
      else if (predicted[i] === c) fp += weight(i);
      else if (gold[i] === c) fn += weight(i);
    }
    const f1 = tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
    perClass[c] = f1;
    sum += f1;
  }
  return { macroF1: sum / classes.length, accuracy: correct / total, perClass };
}

/** Pos vs neg from a score: the sign decides; exactly 0 (no evidence either way) is a miss. */
export function polarityOf(score: number): SentimentLabel {
  return score > 0 ? 'positive' : score < 0 ? 'negative' : 'neutral';
}

/** Out-of-fold Earshot predictions: each item scored by a model that never saw it. */
export function crossValidated(
  features: readonly FeatureVector[],
  labels: readonly SentimentLabel[],
  fold: Uint8Array,
  options: TrainOptions = DEFAULT_TRAIN,
  groups?: readonly string[],
): Scored[] {
  const out = new Array<Scored>(features.length);
  for (let k = 0; k < FOLDS; k++) {
    const examples = [];
    for (let i = 0; i < features.length; i++) if (fold[i] !== k) examples.push({ features: features[i]!, label: labels[i]!, group: groups?.[i] });
    const model = train(examples, options);
    for (let i = 0; i < features.length; i++) if (fold[i] === k) out[i] = score(model, features[i]!);
  }
  return out;
}
