import { describe, expect, it } from 'vitest';
import { reviewFixture } from '../helpers/review-fixtures.js';
import { scoreMultilingual } from '../../src/nlp/sentiment-multilingual/index.js';

// Dutch and Polish review idiom: tests/fixtures/multilingual-reviews/{nl,pl}-varied.tsv were written
// before the rules they test (see that folder's README).
const score = (text: string, lang: string): number => scoreMultilingual(text, lang)!.score;
const misses = (name: string, lang: string): string[] =>
  reviewFixture(name)
    .filter(({ text, label }) => {
      const s = score(text, lang);
      return s === 0 || (s > 0 ? 'positive' : 'negative') !== label;
    })
    .map(({ text }) => text);

describe('Dutch and Polish review sentiment', () => {
  it.each([
    ['nl-varied', 'nl'],
    ['pl-varied', 'pl'],
  ])('%s: at least 38 of 40 right', (name, lang) => {
    const wrong = misses(name, lang);
    expect(wrong.length, wrong.join('\n')).toBeLessThanOrEqual(2);
  });

  it.each([
    ['nl', 'Dikke aanrader!'],
    ['nl', 'Voor herhaling vatbaar.'],
    ['nl', 'Laat niets te wensen over.'],
    ['nl', 'Doet wat het belooft.'],
    ['pl', 'Nie spodziewałem się tak dobrej jakości za tę cenę.'],
    ['pl', 'Nie mam się do czego przyczepić.'],
    ['pl', 'Nie jest idealny, ale daje radę.'],
  ])('%s positive: "%s"', (lang, text) => {
    expect(score(text, lang)).toBeGreaterThan(0);
  });

  it.each([
    ['nl', 'Dubbel afgeschreven en nog steeds geen geld terug.'],
    ['nl', 'Werkt voor geen meter.'],
    ['nl', 'Daarna deed hij helemaal niks meer.'],
    ['nl', 'Laat te wensen over.'],
    ['pl', 'Zero kontaktu ze sprzedawcą.'],
    ['pl', 'Aplikacja ciągle się wyłącza.'],
  ])('%s negative: "%s"', (lang, text) => {
    expect(score(text, lang)).toBeLessThan(0);
  });
});
