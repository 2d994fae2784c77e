import type winkNLP from 'wink-nlp';
import { deu, eng, fra, nld, pol, spa, swe } from 'stopword';
import { posTagger } from './lemma-forms.js';
import { deaccent } from './token-forms.js';

/**
 * The terms a mention contributes to emerging-term counts: noun phrases (English), content
 * words (other languages), hashtags and @handles, each once per mention. Stop words are out.
 *
 * English noun phrases are cut with wink's part-of-speech tags taken per word (the tag wink gives
 * the word on its own, remembered), not by tagging every text: tagging costs about a tenth of
 * analysis throughput. A word wink does not know is taken as a noun — new names, products and
 * slang are what emerging terms are for.
 */

const STOP: Record<string, ReadonlySet<string>> = {
  en: words(eng, EXTRA_EN()),
  nl: words(nld),
  sv: words(swe),
  pl: words(pol),
  de: words(deu),
  fr: words(fra),
  es: words(spa),
};

function EXTRA_EN(): string[] {
  // Social-media filler the general list lacks.
  return ['im', "i'm", 'ive', 'dont', "don't", 'cant', "can't", 'wont', "won't", 'amp', 'rt', 'via', 'lol', 'pls', 'please', 'thanks', 'thank', 'thx', 'u', 'ur', 'get', 'got', 'still', 'just', 'now', 'today', 'yes', 'ok', 'okay', 'guys', 'hi', 'hey', 'one', 'will', 'would', 'could', 'also', 'really', 'much', 'time', 'day', 'way', 'thing', 'lot', 'anyone', 'someone', 'everyone', 'something', 'nothing', 'anything'];
}

function words(list: readonly string[], extra: readonly string[] = []): ReadonlySet<string> {
  return new Set([...list, ...extra].map((w) => deaccent(w.toLowerCase())));
}

const MAX_PHRASE = 3;
const MIN_LETTERS = 3;

let probe: ReturnType<ReturnType<typeof winkNLP>['readDoc']> | null = null;
const classMemo = new Map<string, 'N' | 'A' | 'O'>();
const CLASS_MEMO_LIMIT = 200_000;

/** N (noun or name), A (adjective) or O (anything else), from wink's tag of the word alone. */
function wordClass(word: string): 'N' | 'A' | 'O' {
  let cls = classMemo.get(word);
  if (cls === undefined) {
    const tagger = posTagger();
    probe ??= tagger.readDoc('x');
    if (probe.isOOV(word)) cls = 'N';
    else {
      const tag = (tagger.readDoc(word).tokens().out(tagger.its.pos) as string[])[0];
      cls = tag === 'NOUN' || tag === 'PROPN' ? 'N' : tag === 'ADJ' ? 'A' : 'O';
    }
    if (classMemo.size >= CLASS_MEMO_LIMIT) classMemo.clear();
    classMemo.set(word, cls);
  }
  return cls;
}

/**
 * Terms of one text from wink's token normals and types. `brands` and `products` (configured
 * ids the text names) are added as `brand:<id>` / `product:<id>` so the entities the taxonomy
 * recognises emerge too.
 */
export function extractTerms(
  normals: readonly string[],
  types: readonly string[],
  lang: string,
  entities: { brands?: readonly string[]; products?: readonly string[] } = {},
): string[] {
  const out = new Set<string>();
  const english = lang === 'en';
  const memo = memoFor(STOP[lang] ? lang : 'en');
  let run: string[] = [];
  let classes: ('N' | 'A' | 'O')[] = [];
  const flush = () => {
    if (run.length > 0) nounPhrases(run, classes, out);
    run = [];
    classes = [];
  };
  for (let i = 0; i < normals.length; i++) {
    const type = types[i];
    const normal = normals[i]!;
    if (type === 'hashtag' || type === 'mention') {
      flush();
      if (normal.length > 2) out.add(deaccent(normal));
      continue;
    }
    if (type !== 'word') {
      flush();
      continue;
    }
    let word = memo.get(normal);
    if (word === undefined) {
      word = contentWord(normal, STOP[lang] ?? STOP.en!, english);
      if (memo.size >= WORD_MEMO_LIMIT) memo.clear();
      memo.set(normal, word);
    }
    if (word === null) {
      flush();
      continue;
    }
    if (english) {
      run.push(word.word);
      classes.push(word.cls);
    } else out.add(word.word);
  }
  flush();
  for (const id of entities.brands ?? []) out.add(`brand:${id}`);
  for (const id of entities.products ?? []) out.add(`product:${id}`);
  return [...out];
}

interface ContentWord {
  word: string;
  cls: 'N' | 'A' | 'O';
}

// Per language, what each normal is once cleaned: a stop word (null) or a content word with its
// class. Text repeats words, so this is one map lookup a token.
const WORD_MEMO_LIMIT = 100_000;
const wordMemos = new Map<string, Map<string, ContentWord | null>>();
function memoFor(lang: string): Map<string, ContentWord | null> {
  let memo = wordMemos.get(lang);
  if (!memo) wordMemos.set(lang, (memo = new Map()));
  return memo;
}

function contentWord(normal: string, stop: ReadonlySet<string>, english: boolean): ContentWord | null {
  const word = deaccent(normal.replace(/['’]s$/u, ''));
  if (stop.has(word) || [...word].length < MIN_LETTERS || !/\p{L}/u.test(word)) return null;
  return { word, cls: english ? wordClass(word) : 'N' };
}

/** Noun phrases in a run of content words (adjectives and nouns ending in a noun, at most 3 words), and their head nouns. */
function nounPhrases(run: string[], classes: ('N' | 'A' | 'O')[], out: Set<string>): void {
  let start = 0;
  for (let i = 0; i <= run.length; i++) {
    if (i < run.length && classes[i] !== 'O') continue;
    // [start, i) holds adjectives and nouns: cut at its last noun.
    let end = i - 1;
    while (end >= start && classes[end] !== 'N') end--;
    if (end >= start) {
      out.add(run.slice(Math.max(start, end - MAX_PHRASE + 1), end + 1).join(' '));
      // The head noun too, so "flight" counts across "delayed flight" and "connecting flight".
      out.add(run[end]!);
    }
    start = i + 1;
  }
}
