/**
 * npm run bench:topics — precision and recall per topic of the example airline taxonomy
 * (examples/airline.config.yaml) against the crowd-labelled complaint reason of
 * ../shared/data/airline-tweets/Tweets.csv (`negativereason`, one per negative tweet).
 *
 * The taxonomy was written looking only at the development part (a fixed 30 % of tweets, chosen by
 * a hash of the tweet id: bench/topics-data.ts); the figures that count are on the untouched 70 %.
 * Each negative tweet has exactly one reason, while a tweet may rightly be about two things
 * ("delayed and nobody answers the phone"), so precision here is a lower bound.
 */
import path from 'node:path';
import { loadConfig } from '../src/config/load.js';
import { analyze } from '../src/nlp/pipeline.js';
import { compileTaxonomy } from '../src/nlp/taxonomy.js';
import { isDevelopment, readTweets, REASON_TOPIC, repo, TWEETS, type Tweet } from './topics-data.js';

const tweets = readTweets();
if (!tweets) {
  console.log(`bench:topics skipped: ${TWEETS} is absent (the benchmark reads the real airline tweets)`);
  process.exit(0);
}

const config = loadConfig(path.join(repo, 'examples/airline.config.yaml'));
const taxonomy = compileTaxonomy(config.topics, config.brands);
const known = new Set(config.topics.map((t) => t.id));
for (const topic of Object.values(REASON_TOPIC)) if (topic && !known.has(topic)) throw new Error(`the bench maps a reason to '${topic}', which the taxonomy lacks`);

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

function score(part: Tweet[], compiled = taxonomy) {
  const per = new Map<string, Counts>();
  for (const topic of Object.values(REASON_TOPIC)) if (topic) per.set(topic, { tp: 0, fp: 0, fn: 0 });
  let covered = 0;
  let tagged = 0;
  for (const tweet of part) {
    const gold = REASON_TOPIC[tweet.reason] ?? null;
    const found = new Set(analyze(tweet.text, compiled, { langHint: 'en', explain: 'none' }).topics.map((t) => t.id));
    if ([...per.keys()].some((t) => found.has(t))) tagged++;
    if (gold && found.has(gold)) covered++;
    for (const [topic, c] of per) {
      const predicted = found.has(topic);
      if (predicted && gold === topic) c.tp++;
      else if (predicted) c.fp++;
      else if (gold === topic) c.fn++;
    }
  }
  return { per, covered, tagged, withReason: part.filter((t) => REASON_TOPIC[t.reason]).length, n: part.length };
}

const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)} %` : '—');
const negatives = tweets.filter((t) => t.sentiment === 'negative');
const heldOut = score(negatives.filter((t) => !isDevelopment(t.id)));
const development = score(negatives.filter((t) => isDevelopment(t.id)));
const reasonOf = new Map(Object.entries(REASON_TOPIC).filter(([, t]) => t).map(([r, t]) => [t!, r]));

console.log(`bench:topics — ${negatives.length} negative tweets; taxonomy examples/airline.config.yaml (${config.topics.length} topics)`);
console.log(`held out (never looked at while writing the taxonomy): ${heldOut.n} tweets; development: ${development.n}\n`);
console.log('| topic | negativereason | held-out n | precision | recall | F1 | development P / R |');
console.log('|---|---|---|---|---|---|---|');
const micro = { tp: 0, fp: 0, fn: 0 };
let macroF1 = 0;
for (const [topic, c] of heldOut.per) {
  const p = c.tp / (c.tp + c.fp);
  const r = c.tp / (c.tp + c.fn);
  const f1 = (2 * p * r) / (p + r);
  macroF1 += (Number.isFinite(f1) ? f1 : 0) / heldOut.per.size;
  micro.tp += c.tp;
  micro.fp += c.fp;
  micro.fn += c.fn;
  const d = development.per.get(topic)!;
  console.log(
    `| ${topic} | ${reasonOf.get(topic)} | ${c.tp + c.fn} | ${pct(p)} | ${pct(r)} | ${Number.isFinite(f1) ? f1.toFixed(3) : '—'} | ${pct(d.tp / (d.tp + d.fp))} / ${pct(d.tp / (d.tp + d.fn))} |`,
  );
}
const mp = micro.tp / (micro.tp + micro.fp);
const mr = micro.tp / (micro.tp + micro.fn);
console.log(`| **micro average** | | ${micro.tp + micro.fn} | ${pct(mp)} | ${pct(mr)} | ${((2 * mp * mr) / (mp + mr)).toFixed(3)} | |`);
console.log(`| **macro F1** | | | | | ${macroF1.toFixed(3)} | |`);
console.log(`\nheld out: the labelled reason is among the topics found for ${pct(heldOut.covered / heldOut.withReason)} of tweets with a reason;`);
console.log(`${pct(heldOut.tagged / heldOut.n)} of negative tweets get at least one of the mapped topics.`);

// What the matching features add, on the same held-out tweets: the taxonomy with exact word
// forms only (no inflections), and without its boolean rules.
const microF1 = (result: ReturnType<typeof score>) => {
  let tp = 0, fp = 0, fn = 0;
  for (const c of result.per.values()) (tp += c.tp), (fp += c.fp), (fn += c.fn);
  return (2 * tp) / (2 * tp + fp + fn);
};
const variants: [string, typeof config.topics][] = [
  ['exact word forms only (match: exact)', config.topics.map((t) => ({ ...t, match: 'exact' as const }))],
  ['without the boolean rules', config.topics.map(({ rule: _rule, ...t }) => ({ ...t, lang: {} }))],
];
const heldOutTweets = negatives.filter((t) => !isDevelopment(t.id));
console.log(`\nheld-out micro F1: full taxonomy ${microF1(heldOut).toFixed(3)}`);
for (const [label, topics] of variants) console.log(`  ${label}: ${microF1(score(heldOutTweets, compileTaxonomy(topics, config.brands))).toFixed(3)}`);
