/**
 * npm run train:sentiment — trains Earshot's English sentiment model from ../shared/data and
 * writes src/nlp/sentiment/model-en.json (weights only; the data stays where it is).
 *
 * The shipped model is trained on the airline tweets and the Amazon Echo reviews rated 1–2
 * (negative) or 4–5 (positive), classes balanced within each set (bench/english-recipe.ts): two
 * domains, so fewer of its weights are one domain's habits. Printed before writing, none of it on
 * data the scoring model saw:
 * - 5-fold cross-validation over that training set (airline 3-class; Echo pos vs neg);
 * - out of domain: a model trained on the airline tweets alone, scored on the Echo reviews —
 *   the estimate for review sets of other domains, which the shipped model never saw either.
 * - and the other way round: a model trained on the Echo reviews alone, scored on the airline
 *   tweets' positives and negatives.
 * Each pos/neg figure also balanced (both classes weigh the same; Echo is 91 % positive).
 * Deterministic: fixed fold and shuffle seeds.
 *   --dry-run          report only, do not write the model
 *   --set key=value    override a training option (numbers only; implies --dry-run), e.g.
 *                      --set l2Words=3e-3: how the leave-one-domain-out checks of BENCHMARKS.md ran
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { evaluateRecipe, recipeExamples, recipeFigures } from '../bench/english-recipe.js';
import { polarityOf, scores, sharedDataPresent, FOLDS } from '../bench/nlp-data.js';
import type { SentimentLabel } from '../src/nlp/sentiment.js';
import { DEFAULT_TRAIN, train, type TrainOptions } from '../src/nlp/sentiment/train.js';

if (!sharedDataPresent()) {
  console.log('train:sentiment skipped: ../shared/data (airline tweets, Amazon Echo reviews) is absent');
  process.exit(0);
}
const options: TrainOptions = { ...DEFAULT_TRAIN };
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  if (args[i] !== '--set') continue;
  const [key, value] = (args[++i] ?? '').split('=');
  if (!key || !(key in options) || !Number.isFinite(Number(value))) throw new Error(`--set ${key}=${value}: not a numeric training option`);
  (options as unknown as Record<string, number>)[key] = Number(value);
}
const overridden = args.includes('--set');
const dryRun = args.includes('--dry-run') || overridden;
if (overridden) console.log(`training options: ${JSON.stringify(options)}`);
const started = performance.now();
const recipe = evaluateRecipe(options);
const { airline, reviews, features, oof, outOfDomain: ood } = recipe;
const figures = recipeFigures(recipe);
const both = [...airline, ...reviews];
const labels = both.map((r) => r.label);
const isAirline = (i: number) => i < airline.length;
const two: SentimentLabel[] = ['negative', 'positive'];
const three: SentimentLabel[] = ['negative', 'neutral', 'positive'];
const pct = (x: number) => +x.toFixed(3);

const air = both.map((_, i) => i).filter(isAirline);
const air3 = scores(air.map((i) => labels[i]!), air.map((i) => oof[i]!.label), three);
const airPn = air.filter((i) => labels[i] !== 'neutral');
const airPosNeg = scores(airPn.map((i) => labels[i]!), airPn.map((i) => polarityOf(oof[i]!.score)), two);
const rev = both.map((_, i) => i).filter((i) => !isAirline(i) && labels[i] !== 'neutral');
const revPosNeg = scores(rev.map((i) => labels[i]!), rev.map((i) => polarityOf(oof[i]!.score)), two);
const revPosNegLabel = scores(rev.map((i) => labels[i]!), rev.map((i) => oof[i]!.label), two);
const oodPred = rev.map((i) => ood[i - airline.length]!);
const outOfDomain = scores(rev.map((i) => labels[i]!), oodPred.map((s) => polarityOf(s.score)), two);
const outOfDomainLabel = scores(rev.map((i) => labels[i]!), oodPred.map((s) => s.label), two);

console.log(`${FOLDS}-fold CV over airline + rated Echo reviews (n=${airline.length + rev.length}):`);
console.log(`  airline 3-class macro-F1 ${pct(air3.macroF1)}, accuracy ${pct(air3.accuracy)}; pos vs neg macro-F1 ${pct(airPosNeg.macroF1)}`);
console.log(`  Echo pos vs neg (n=${rev.length}) macro-F1 ${pct(revPosNeg.macroF1)} by sign, ${pct(revPosNegLabel.macroF1)} by label`);
console.log(`  balanced (both classes weigh the same): airline pos vs neg ${pct(figures.airlinePnBalanced)}, Echo ${pct(figures.echoPnBalanced)}`);
console.log('leave one domain out (the scoring model never saw the domain):');
console.log(`  trained on airline only, scored on Echo: macro-F1 ${pct(outOfDomain.macroF1)} by sign, ${pct(outOfDomainLabel.macroF1)} by label; balanced ${pct(figures.echoFromAirlineBalanced)}`);
console.log(`  trained on Echo only, scored on airline pos vs neg: macro-F1 ${pct(figures.airlineFromReviews)} by sign; balanced ${pct(figures.airlineFromReviewsBalanced)}`);

const model = train(recipeExamples(airline, reviews, features), options);
model.meta = {
  ...model.meta,
  trainedOn: `airline-tweets (all ${airline.length}) + amazon-alexa-reviews rated 1-2 (negative) or 4-5 (positive) (${rev.length}); classes balanced within each set`,
  crossValidated: { folds: FOLDS, airline3ClassMacroF1: pct(air3.macroF1), airlinePosNegMacroF1: pct(airPosNeg.macroF1), echoPosNegMacroF1: pct(revPosNeg.macroF1) },
  outOfDomain: {
    echoFromAirlineOnly: { posNegMacroF1: pct(outOfDomain.macroF1), balanced: pct(figures.echoFromAirlineBalanced) },
    airlineFromEchoOnly: { posNegMacroF1: pct(figures.airlineFromReviews), balanced: pct(figures.airlineFromReviewsBalanced) },
  },
};
const json = JSON.stringify(model);
if (!dryRun) {
  const target = fileURLToPath(new URL('../src/nlp/sentiment/model-en.json', import.meta.url));
  writeFileSync(target, `${json}\n`);
  console.log(`wrote ${target}: ${Object.keys(model.weights).length} features, ${(json.length / 1024).toFixed(0)} KB`);
}
console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
