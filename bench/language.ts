/**
 * npm run bench:language — language detectors on short real texts, in one run.
 *
 * English: the 14,640 airline tweets (all English). Other languages: ../shared/data/multilingual
 * (nl, sv, pl, de, fr, es; each file is one language). Accuracy is the share of texts given their
 * file's language; speed is texts/s on one core over all of them. Handles, hashtags and links are
 * removed first for every candidate, as Earshot does.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { eld } from 'eld/medium';
import { franc } from 'franc-min';
import { detect as tinyld } from 'tinyld';
import { detectLanguage } from '../src/nlp/language.js';

const shared = path.resolve(fileURLToPath(new URL('../../shared/data', import.meta.url)));
if (!existsSync(shared)) {
  console.log(`bench:language skipped: ${shared} is absent (the benchmark reads the real labelled texts)`);
  process.exit(0);
}

const sets: { lang: string; texts: string[] }[] = [];
const tweets = parse(readFileSync(path.join(shared, 'airline-tweets/Tweets.csv')), { columns: true }) as { text: string }[];
sets.push({ lang: 'en', texts: tweets.map((t) => t.text) });
for (const lang of ['nl', 'sv', 'pl', 'de', 'fr', 'es']) {
  const dir = path.join(shared, 'multilingual', lang);
  const file = readdirSync(dir).find((f) => f.endsWith('.tsv'))!;
  const lines = readFileSync(path.join(dir, file), 'utf8').split('\n').slice(1).filter(Boolean);
  sets.push({ lang, texts: lines.map((line) => line.split('\t')[0]!) });
}

const NOISE = /https?:\/\/\S+|www\.\S+|[@#][\p{L}\p{N}_]+/gu;
const ISO3: Record<string, string> = { eng: 'en', nld: 'nl', swe: 'sv', pol: 'pl', deu: 'de', fra: 'fr', spa: 'es' };
const candidates: Record<string, (text: string) => string> = {
  'earshot (plain-English shortcut + ELD medium)': (t) => detectLanguage(t).lang,
  'eld 2.1 (medium)': (t) => eld.detect(t.replace(NOISE, ' ')).language || 'und',
  'franc-min 6.2': (t) => ISO3[franc(t.replace(NOISE, ' '), { minLength: 3 })] ?? 'other',
  'tinyld 1.3': (t) => tinyld(t.replace(NOISE, ' ')) || 'und',
};

console.log(`bench:language — ${sets.map((s) => `${s.lang} ${s.texts.length}`).join(', ')}`);
console.log(`| detector | ${sets.map((s) => s.lang).join(' | ')} | texts/s |`);
console.log(`|---|${sets.map(() => '---').join('|')}|---|`);
for (const [name, detect] of Object.entries(candidates)) {
  for (const set of sets) for (const text of set.texts.slice(0, 200)) detect(text); // warm-up
  const accuracy: string[] = [];
  let count = 0;
  const started = performance.now();
  for (const set of sets) {
    let right = 0;
    for (const text of set.texts) if (detect(text) === set.lang) right++;
    count += set.texts.length;
    accuracy.push(`${((100 * right) / set.texts.length).toFixed(1)} %`);
  }
  const rate = count / ((performance.now() - started) / 1000);
  console.log(`| ${name} | ${accuracy.join(' | ')} | ${Math.round(rate).toLocaleString('en-US')} |`);
}
