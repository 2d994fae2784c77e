/**
 * npm run train:sentiment — trains Earshot's English sentiment model from ../shared/data and
 * writes src/nlp/sentiment/model-en.json (weights only; the data stays where it is).
 *
 * Trains on the airline tweets only, so the Amazon Echo reviews stay a set the model never saw.
 * Prints, before writing: 5-fold cross-validated airline figures (3-class and pos/neg) and the
 * out-of-domain figure on the reviews. Deterministic: fixed fold and shuffle seeds.
 *   --dry-run   report only, do not write the model
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { crossValidated, foldsOf, loadAirline, loadAlexa, polarityOf, scores, sharedDataPresent, FOLDS } from '../bench/nlp-data.js';
import type { SentimentLabel } from '../src/nlp/sentiment.js';
import { featuresOfText } from '../src/nlp/sentiment/english.js';
import { score } from '../src/nlp/sentiment/model.js';
import { DEFAULT_TRAIN, train } from '../src/nlp/sentiment/train.js';

if (!sharedDataPresent()) {
  console.log('train:sentiment skipped: ../shared/data (airline tweets, Amazon Echo reviews) is absent');
  process.exit(0);
}
const dryRun = process.argv.includes('--dry-run');
const started = performance.now();
const airline = loadAirline();
const alexa = loadAlexa().filter((r) => r.label !== 'neutral');
const features = airline.map((r) => featuresOfText(r.text));
const labels = airline.map((r) => r.label);
const fold = foldsOf(airline.length);

const oof = crossValidated(features, labels, fold);
const three = scores(labels, oof.map((s) => s.label), ['negative', 'neutral', 'positive']);
const pn = airline.map((r, i) => ({ gold: r.label, s: oof[i]! })).filter((x) => x.gold !== 'neutral');
const posNeg = scores(pn.map((x) => x.gold), pn.map((x) => polarityOf(x.s.score)), ['negative', 'positive']);

const model = train(airline.map((r, i) => ({ features: features[i]!, label: r.label })), DEFAULT_TRAIN);
const alexaPred = alexa.map((r) => polarityOf(score(model, featuresOfText(r.text)).score));
const outOfDomain = scores(alexa.map((r) => r.label), alexaPred, ['negative', 'positive']);

const pct = (x: number) => x.toFixed(3);
console.log(`airline tweets, ${FOLDS}-fold CV (n=${airline.length}): 3-class macro-F1 ${pct(three.macroF1)}, accuracy ${pct(three.accuracy)}; per class ${JSON.stringify(Object.fromEntries(Object.entries(three.perClass).map(([k, v]) => [k, +pct(v)])))}`);
console.log(`airline tweets, ${FOLDS}-fold CV, pos vs neg (n=${pn.length}): macro-F1 ${pct(posNeg.macroF1)}, accuracy ${pct(posNeg.accuracy)}`);
console.log(`amazon alexa reviews, never trained on, pos vs neg (n=${alexa.length}): macro-F1 ${pct(outOfDomain.macroF1)}, accuracy ${pct(outOfDomain.accuracy)}; per class ${JSON.stringify(outOfDomain.perClass)}`);

model.meta = {
  ...model.meta,
  trainedOn: 'airline-tweets (Tweets.csv, all 14,640); amazon-alexa-reviews held out',
  crossValidated: { folds: FOLDS, airline3ClassMacroF1: +pct(three.macroF1), airlinePosNegMacroF1: +pct(posNeg.macroF1) },
  outOfDomain: { alexaPosNegMacroF1: +pct(outOfDomain.macroF1) },
};
const json = JSON.stringify(model);
if (!dryRun) {
  const target = fileURLToPath(new URL('../src/nlp/sentiment/model-en.json', import.meta.url));
  writeFileSync(target, `${json}\n`);
  console.log(`wrote ${target}: ${Object.keys(model.weights).length} features, ${(json.length / 1024).toFixed(0)} KB`);
}
console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
export type { SentimentLabel };
