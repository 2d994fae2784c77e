/**
 * npm run bench:nlp-throughput — analyze() items/s against raw wink readDoc + sentiment on one
 * core over the airline tweets, alone (bench:nlp prints the same table after all its accuracy
 * runs). Alternating chunks of 1,000 texts, median ratio: the machine is shared.
 *   BENCH_ROUNDS=n   chunks (default 14)
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { loadConfig } from '../src/config/load.js';
import { analyze } from '../src/nlp/pipeline.js';
import { compileTaxonomy } from '../src/nlp/taxonomy.js';
import { loadAirline, sharedDataPresent } from './nlp-data.js';

if (!sharedDataPresent()) {
  console.log('bench:nlp-throughput skipped: ../shared/data (airline tweets) is absent');
  process.exit(0);
}
const wink = winkNLP(model);
const config = loadConfig(path.join(path.resolve(fileURLToPath(new URL('..', import.meta.url))), 'earshot.config.yaml'));
const taxonomy = compileTaxonomy(config.topics, config.brands);
const texts = loadAirline().map((r) => r.text);
const rawWink = (t: string) => wink.readDoc(t).out(wink.its.sentiment);
const earshot = (t: string) => analyze(t, taxonomy);
for (const t of texts.slice(0, 2000)) {
  rawWink(t);
  earshot(t);
}
const CHUNK = 1000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 14);
const ms = (fn: (t: string) => unknown, part: string[]) => {
  const t0 = performance.now();
  for (const t of part) fn(t);
  return performance.now() - t0;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const ratios: number[] = [];
const rates: number[] = [];
const rawRates: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  const from = (r * CHUNK) % (texts.length - CHUNK);
  const part = texts.slice(from, from + CHUNK);
  const a = ms(rawWink, part);
  const b = ms(earshot, part);
  ratios.push(a / b);
  rates.push(CHUNK / (b / 1000));
  rawRates.push(CHUNK / (a / 1000));
}
console.log(`raw wink ${Math.round(median(rawRates))} items/s, analyze() ${Math.round(median(rates))} items/s, median ratio ${median(ratios).toFixed(3)} (${ROUNDS} chunks of ${CHUNK})`);
