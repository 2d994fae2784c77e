/**
 * Language detectors on short real texts (bench:language, bench:nlp): accuracy is the share of
 * texts given their set's language; speed is texts/s on one core over all of them. Handles,
 * hashtags and links are removed first for every candidate, as Earshot does.
 */
import { eld } from 'eld/medium';
import { franc } from 'franc-min';
import { detect as tinyld } from 'tinyld';
import { detectLanguage } from '../src/nlp/language.js';

export interface LanguageSet {
  lang: string;
  name: string;
  texts: string[];
}

const NOISE = /https?:\/\/\S+|www\.\S+|[@#][\p{L}\p{N}_]+/gu;
const ISO3: Record<string, string> = { eng: 'en', nld: 'nl', swe: 'sv', pol: 'pl', deu: 'de', fra: 'fr', spa: 'es' };
export const DETECTORS: Record<string, (text: string) => string> = {
  'earshot (ELD medium + English shortcuts)': (t) => detectLanguage(t).lang,
  'eld 2.1 (medium)': (t) => eld.detect(t.replace(NOISE, ' ')).language || 'und',
  'franc-min 6.2': (t) => ISO3[franc(t.replace(NOISE, ' '), { minLength: 3 })] ?? 'other',
  'tinyld 1.3': (t) => tinyld(t.replace(NOISE, ' ')) || 'und',
};

/** Markdown rows: detector | accuracy per set | texts/s. */
export function languageTable(sets: LanguageSet[]): string[] {
  const lines = [`| detector | ${sets.map((s) => s.name).join(' | ')} | texts/s |`, `|---|${sets.map(() => '---').join('|')}|---|`];
  for (const [name, detect] of Object.entries(DETECTORS)) {
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
    lines.push(`| ${name} | ${accuracy.join(' | ')} | ${Math.round(rate).toLocaleString('en-US')} |`);
  }
  return lines;
}
