/**
 * Lexicon-and-rules sentiment for Dutch, Swedish, Polish, German, French and Spanish.
 *
 * Valences come from (a) a hand-written core per language (the words reviews lean on, written for
 * this project) and (b) open lexicons shipped in ./lexicons (see lexicons/README.md for sources and
 * licences). The rules are the ones native grammar gives: negation and its scope (also after the
 * verb in de/nl/sv), glued negating prefixes, intensifiers and softeners, contrast ("aber", "maar",
 * "men", "ale", "mais", "pero"), French elision, closed compounds in de/nl/sv and inflection by
 * suffix stripping (Polish above all). The sum is squashed into [-1, 1] the way VADER does.
 */
import { readFileSync } from 'node:fs';
import { de } from './de.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { nl } from './nl.js';
import { pl } from './pl.js';
import { sv } from './sv.js';
import { REVIEW_PHRASES, REVIEW_WORDS } from './review-phrases.js';
import { EMOJI_VERDICTS, REVIEW_IDIOMS, REVIEW_VOCABULARY, TOPIC_WORDS } from './review-vocabulary.js';
import type { LanguageRules } from './types.js';

const RULES: Record<string, LanguageRules> = { nl, sv, pl, de, fr, es };

export const MULTILINGUAL_LANGUAGES: ReadonlySet<string> = new Set(Object.keys(RULES));

export interface MultilingualScore {
  score: number;
  explain: string[];
}

/** Score in [-1, 1] with the words that made it, or null where the language has no analyzer. */
export function scoreMultilingual(text: string, lang: string): MultilingualScore | null {
  const analyzer = analyzerFor(lang);
  return analyzer ? analyzer.score(text) : null;
}

const NEGATION_FACTOR = -0.75; // VADER's: "not good" is less bad than "bad"
const INTENSIFY = 1.5;
const SOFTEN = 0.6;
const SCOPE = 3; // tokens a negator reaches forward
const ALPHA = 15; // VADER's normalisation constant on AFINN's scale
// Negative expressions weigh half again as much (SO-CAL, Taboada et al. 2011): reviewers soften
// complaints with praise ("looks nice, but…") far more often than the reverse, so a plain sum of
// lexicon words leans positive on negative reviews.
const NEGATIVE_WEIGHT = 1.5;
const BARE_NEGATION = -1;

// Emoticons first, then words (letters with inner apostrophes/hyphens), pictographs, clause marks.
const TOKEN =
  /(?:[:;=8][-'^]?[)(\]\[dpo/\\|*]+|<3+|[)(][-']?[:;=])(?=\s|$|[.,!?])|\p{L}+(?:['’]\p{L}+)*|\p{Extended_Pictographic}|[.!?;,:]+/giu;
const STAR_RUN = /[★☆⭐🌟]+/gu;
const STAR_RUN_TEST = /[★☆⭐🌟]/u;
const POST_VERBAL = new Set(['nicht', 'nie', 'niemals', 'niet', 'nooit', 'inte', 'ej', 'icke', 'aldrig']);
const SENTENCE_ADVERBS = new Set(['leider', 'helaas', 'jammer', 'tyvärr', 'schade', 'synd', 'endlich', 'eindelijk', 'äntligen']);
const LETTER = /^\p{L}/u;
const CLAUSE_END = /^[.!?;,:]+$/;
const SENTENCE_END = /^[.!?;]+$/;
const NOISE = /https?:\/\/\S+|www\.\S+|[@#][\p{L}\p{N}_]+/gu;

const EMOTICONS: Record<string, number> = {
  ':)': 2, ':-)': 2, '=)': 2, ':d': 2, ':-d': 2, ';)': 1, ';-)': 1, ':p': 1, '<3': 3, '(:': 2,
  ':(': -2, ':-(': -2, ":'(": -2, '=(': -2, ':/': -1, ':-/': -1, ':|': -1, '):': -2,
};

let emoji: Record<string, number> | null = null;

/**
 * Emoji and emoticons alone, for text whose language cannot be told ("😍😍", "🙄 :("): their
 * sentiment needs no language. Null where the text holds none that the emoji lexicon scores.
 */
export function scoreEmoji(text: string): MultilingualScore | null {
  emoji ??= readLexicon('emoji');
  let total = 0;
  const explain: string[] = [];
  for (const token of text.toLowerCase().match(TOKEN) ?? []) {
    const value = emoji[token] ?? EMOTICONS[token];
    if (value === undefined || value === 0) continue;
    total += value;
    explain.push(`${token}(${value > 0 ? '+' : ''}${round(value)})`);
  }
  if (explain.length === 0) return null;
  return { score: round(total / Math.sqrt(total * total + ALPHA), 4), explain };
}
const analyzers = new Map<string, Analyzer>();

function analyzerFor(lang: string): Analyzer | null {
  const code = lang.toLowerCase();
  const rules = RULES[code];
  if (!rules) return null;
  let analyzer = analyzers.get(code);
  if (!analyzer) {
    emoji ??= readLexicon('emoji');
    analyzer = new Analyzer(code, rules, readLexicon(code), emoji);
    analyzers.set(code, analyzer);
  }
  return analyzer;
}

/** Diacritics off, including the Polish "ł" that Unicode does not decompose. */
function foldAll(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/g, 'l').normalize('NFC');
}

/** Acute accents of stress only (Dutch "géén", "zéér", "écht"). */
function foldAcute(word: string): string {
  return word.replace(/[áéíóú]/g, (c) => ({ á: 'a', é: 'e', í: 'i', ó: 'o', ú: 'u' })[c]!);
}

/** A written-out rating ("4/5", "2 von 5", "fünf Sterne", "une étoile") on AFINN's scale. */
function ratingValue(ratio: number): number {
  if (ratio >= 0.9) return 4;
  if (ratio >= 0.7) return 3;
  if (ratio >= 0.5) return 0;
  if (ratio >= 0.3) return -3;
  return -4;
}

function readLexicon(name: string): Record<string, number> {
  if (name === 'emoji') return { ...(JSON.parse(readFileSync(new URL('./lexicons/emoji.json', import.meta.url), 'utf8')) as Record<string, number>), ...EMOJI_VERDICTS };
  return JSON.parse(readFileSync(new URL(`./lexicons/${name}.json`, import.meta.url), 'utf8')) as Record<string, number>;
}

interface Phrase {
  tokens: string[];
  value: number;
  /** For `explain`, joined once. */
  label: string;
}

const enum Role {
  Word,
  Negator,
  Intensifier,
  Diminisher,
  Contrast,
  Concessive,
}

class Analyzer {
  private readonly exact = new Map<string, number>();
  private readonly stems = new Map<string, number>();
  private readonly memo = new Map<string, number>();
  private readonly roles = new Map<string, Role>();
  /** Two-word markers ("par contre", "bien que", "un peu") by their first word. */
  private readonly pairs = new Map<string, { next: string; role: Role }[]>();
  private readonly restrictive: ReadonlySet<string>;
  private readonly oneWordNegators: ReadonlySet<string>;
  private readonly conjunctions: ReadonlySet<string>;
  private readonly summary: ReadonlySet<string>;
  private readonly restrictiveAfter: ReadonlySet<string>;
  private readonly suffixes: string[];
  /** Review phrases by first token, longest first. */
  private readonly phrases = new Map<string, Phrase[]>();
  /** The same, looked up by first and then second token: common first words ("ne", "nicht") start dozens. */
  private readonly phraseIndex = new Map<string, { single: Phrase[]; bySecond: Map<string, Phrase[]> }>();
  /** The curated words (core + review words): the only compound heads trusted. */
  private readonly curated: Record<string, number>;
  private fallback: ((token: string) => number) | null = null;
  private readonly fold: ((word: string) => string) | null;
  private readonly negPrefixes: readonly string[];
  private readonly scaleRating: RegExp;
  private readonly starRating: RegExp;
  private readonly mayStar: RegExp;

  constructor(
    private readonly lang: string,
    private readonly rules: LanguageRules,
    lexicon: Record<string, number>,
    emojiLexicon: Record<string, number>,
  ) {
    this.suffixes = [...rules.suffixes].sort((a, b) => b.length - a.length);
    this.fold = rules.stressAccents ? foldAcute : rules.foldDiacritics ? foldAll : null;
    this.negPrefixes = typeof rules.negPrefix === 'string' ? [rules.negPrefix] : (rules.negPrefix ?? []);
    const number = `(\\d+(?:[.,]\\d+)?|${Object.keys(rules.numbers).join('|')})`;
    const outOf = ['\\/', ...rules.outOf.map((w) => `${w}\\s`)].join('|');
    // "4/5", "4 von 5", "8/10"; "5 Sterne", "une étoile" — but not "ein 4-Sterne-Hotel" or a date.
    this.mayStar = new RegExp(rules.stars, 'u'); // on lower-cased text
    // "4/5", "4 von 5", "8/10"; "5 Sterne", "une étoile" — but not "ein 4-Sterne-Hotel" or a date.
    // Two patterns, each tried only where its cheap test passes: an alternation of number words
    // tried at every position costs more than the rest of the analysis.
    this.scaleRating = new RegExp(
      `(?<![\\p{L}\\d.,/])(\\d+(?:[.,]\\d+)?)\\s*(?:${outOf})\\s*(5|10|100)(?![\\p{L}\\d]|[.,/]\\d)`,
      'gu',
    );
    const classOf = rules.starClassBefore ? `(?<!(?:${rules.starClassBefore})\\s+)` : '';
    this.starRating = new RegExp(
      `${classOf}(?<![\\p{L}\\d.,])${number}\\s+(?:${rules.stars})(?![\\p{L}-])(?!\\s*(?:hotel|hôtel|hotell))`,
      'gu',
    );
    for (const [word, value] of Object.entries(emojiLexicon)) this.exact.set(word, value);
    for (const [word, value] of Object.entries(EMOTICONS)) this.exact.set(word, value);
    // The hand-written core goes in last on exact forms and first on stems: it wins both ways.
    for (const [word, value] of Object.entries(rules.core)) this.stems.set(this.stem(word), value);
    for (const [word, value] of Object.entries(lexicon)) {
      this.exact.set(word, value);
      const stem = this.stem(word);
      if (!this.stems.has(stem)) this.stems.set(stem, value);
    }
    const topics = Object.fromEntries((TOPIC_WORDS[lang] ?? []).map((w) => [w, 0]));
    this.curated = { ...rules.core, ...REVIEW_WORDS[lang], ...REVIEW_VOCABULARY[lang], ...topics };
    for (const [word, value] of Object.entries(this.curated)) {
      this.exact.set(word, value);
      this.stems.set(this.stem(word), value);
    }
    for (const [phrase, value] of Object.entries({ ...REVIEW_PHRASES[lang], ...REVIEW_IDIOMS[lang], ...rules.phrases })) {
      const tokens = this.tokenize(phrase);
      const list = this.phrases.get(tokens[0]!) ?? [];
      list.push({ tokens, value, label: tokens.join(' ') });
      list.sort((a, b) => b.tokens.length - a.tokens.length);
      this.phrases.set(tokens[0]!, list);
    }
    const lists = [
      [rules.intensifiers, Role.Intensifier],
      [rules.diminishers, Role.Diminisher],
      [rules.contrast, Role.Contrast],
      [rules.concessive, Role.Concessive],
    ] as const;
    for (const [list, role] of lists) {
      for (const w of list) {
        const [first, next] = w.split(' ');
        if (next) this.pairs.set(first!, [...(this.pairs.get(first!) ?? []), { next, role }]);
        else this.roles.set(w, role);
      }
    }
    this.restrictive = new Set(rules.restrictive?.words ?? []);
    this.oneWordNegators = new Set(rules.oneWordNegators ?? []);
    this.conjunctions = new Set(rules.conjunctions ?? []);
    this.summary = new Set(rules.summary ?? []);
    this.restrictiveAfter = new Set(rules.restrictive?.negators ?? []);
    for (const w of rules.negators) this.roles.set(w, Role.Negator);
    if (this.fold) this.addFolded(this.fold);
    for (const spelling of rules.spellings ?? []) this.addFolded(spelling);
    for (const [first, list] of this.phrases) {
      const entry = { single: [] as Phrase[], bySecond: new Map<string, Phrase[]>() };
      for (const p of list) {
        if (p.tokens.length === 1) entry.single.push(p);
        else entry.bySecond.set(p.tokens[1]!, [...(entry.bySecond.get(p.tokens[1]!) ?? []), p]);
      }
      this.phraseIndex.set(first, entry);
    }
  }

  /** Unaccented spellings of every known word, role and phrase, where they collide with nothing. */
  private addFolded(fold: (word: string) => string): void {
    for (const map of [this.exact, this.stems, this.roles] as Map<string, number>[]) {
      for (const [word, value] of [...map]) {
        const folded = fold(word);
        if (folded !== word && !map.has(folded)) map.set(folded, value);
      }
    }
    for (const list of [...this.phrases.values()]) {
      for (const p of [...list]) {
        const tokens = p.tokens.map(fold);
        if (tokens.every((t, k) => t === p.tokens[k])) continue;
        const into = this.phrases.get(tokens[0]!) ?? [];
        into.push({ tokens, value: p.value, label: tokens.join(' ') });
        into.sort((a, b) => b.tokens.length - a.tokens.length);
        this.phrases.set(tokens[0]!, into);
      }
    }
  }

  /** Ratings written in the (lower-cased) text, taken out of it: a verdict that neither negation nor "but" turns. */
  private ratings(text: string, explain: string[]): { rest: string; total: number } {
    let total = 0;
    let rest = text;
    const take = (match: string, count: string, scale: number): string => {
      const n = /\d/.test(count) ? Number(count.replace(',', '.')) : this.rules.numbers[count.toLowerCase()]!;
      const ratio = n / scale;
      if (!(ratio >= 0 && ratio <= 1)) return match;
      const value = ratingValue(ratio);
      total += value;
      explain.push(`${match.replace(/\s+/g, ' ')}(${value > 0 ? '+' : ''}${value})`);
      return ' ';
    };
    // Cheap tests first: a scale is 5, 10 or 100 (any regex over every text costs more).
    if (rest.includes('5') || rest.includes('10')) rest = rest.replace(this.scaleRating, (m, n: string, scale: string) => take(m, n, Number(scale)));
    if (this.mayStar.test(rest)) rest = rest.replace(this.starRating, (m, n: string) => take(m, n, 5));
    // "⭐⭐⭐⭐⭐", "★★☆☆☆": a run of two or more stars, or one with empty stars, is a rating.
    if (STAR_RUN_TEST.test(rest)) {
      rest = rest.replace(STAR_RUN, (m: string) => {
        const stars = [...m];
        const full = stars.filter((c) => c !== '☆').length;
        if (stars.length < 2 || stars.length > 10) return m;
        return take(m, String(full), stars.includes('☆') ? stars.length : 5);
      });
    }
    return { rest, total };
  }

  score(text: string): MultilingualScore {
    const explain: string[] = [];
    const rated = this.ratings(text.toLowerCase(), explain);
    const tokens = this.tokenize(rated.rest, true);
    this.rules.rewriteTokens?.(tokens);
    const values = new Float64Array(tokens.length);
    let sentenceStart = 0;
    let negatedUntil = -1;
    let negatorAt = -1;
    let negatorUsed = true;
    let lastSentiment = -1;
    let factor = 1;
    let concessive = false;
    let afterContrast = false;
    let total = rated.total;
    let sawNegator = false;
    let secondHalf = false;

    const flush = (end: number): void => {
      total += sumRange(values, sentenceStart, end);
      sentenceStart = end;
    };

    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (CLAUSE_END.test(token)) {
        this.postVerbal(tokens, values, negatorAt, negatorUsed, lastSentiment, explain);
        negatedUntil = -1;
        negatorUsed = true;
        concessive = false;
        factor = 1;
        if (SENTENCE_END.test(token)) {
          flush(i + 1);
          afterContrast = false;
        }
        continue;
      }
      const phrase = this.phraseAt(tokens, i);
      if (phrase) {
        // A phrase that holds its own negation closes any scope it sits in and is not turned; one
        // without ("wieder kaufen", "vaut le coup") is turned by a negator before it, like a word:
        // "würde es nicht wieder kaufen", "ne vaut pas le coup".
        let value = phrase.value * factor;
        let label = phrase.label;
        if (negatedUntil >= i && !secondHalf && this.restrictive.has(phrase.tokens[0]!) && this.restrictiveAfter.has(tokens[negatorAt]!)) {
          negatedUntil = -1; // "il n'y a que du bon"
        }
        if (negatedUntil >= i && !phrase.tokens.some((t) => this.roles.get(t) === Role.Negator)) {
          value *= NEGATION_FACTOR;
          label = `${tokens[negatorAt]} ${label}`;
        }
        factor = 1;
        if (concessive) value *= 0.5;
        if (afterContrast) value *= 1.5;
        if (value < 0) value *= NEGATIVE_WEIGHT;
        values[i] = value;
        negatedUntil = -1;
        negatorUsed = true;
        lastSentiment = -1;
        explain.push(`${label}(${value > 0 ? '+' : ''}${round(value)})`);
        i += phrase.tokens.length - 1;
        continue;
      }
      let role = this.roles.get(token);
      let marker = token;
      if (this.pairs.size > 0) {
        const pairs = this.pairs.get(token);
        if (pairs) {
          for (const pair of pairs) {
            if (pair.next !== tokens[i + 1]) continue;
            role = pair.role;
            marker = `${token} ${pair.next}`;
            i++;
            break;
          }
        }
      }
      if (role === Role.Negator) {
        sawNegator = true;
        // A negator repeated after it has turned a word starts again where the language lists
        // conjunctions (French "ni beau ni pratique", "pas beau, pas pratique").
        const repeated = negatorUsed && token === tokens[negatorAt] && this.conjunctions.size > 0;
        if (negatorAt >= 0 && i - negatorAt <= SCOPE && negatedUntil >= i && !repeated) {
          // The second half of one negation ("ne … pas", "nie … nigdy"): once the first half has
          // turned a word, the second closes the scope; before that, it stretches it.
          if (negatorUsed) negatedUntil = -1;
          else negatedUntil = i + SCOPE;
          secondHalf = true;
          continue;
        }
        this.postVerbal(tokens, values, negatorAt, negatorUsed, lastSentiment, explain);
        negatedUntil = i + SCOPE;
        negatorAt = i;
        negatorUsed = false;
        secondHalf = false;
        continue;
      }
      if (negatorUsed && negatedUntil >= i && this.conjunctions.has(token)) {
        negatedUntil = -1;
        continue;
      }
      // "ne … que" restricts, it does not deny: "il n'y a que du bon".
      if (negatedUntil >= i && !secondHalf && this.restrictive.has(token) && this.restrictiveAfter.has(tokens[negatorAt]!)) {
        negatedUntil = -1;
        negatorUsed = true;
        continue;
      }
      if (role === Role.Intensifier && !(this.rules.standaloneIntensifiers && this.standsAlone(tokens, i))) {
        factor = INTENSIFY;
        if (negatedUntil >= i) negatedUntil++;
        continue;
      }
      if (role === Role.Diminisher) {
        factor = SOFTEN;
        if (negatedUntil >= i) negatedUntil++;
        continue;
      }
      if (role === Role.Contrast) {
        // What came before the "but" in this sentence counts half; what follows, one and a half.
        for (let j = sentenceStart; j < i; j++) values[j]! *= 0.5;
        // A summing-up ("bref", "au final") discounts the whole story before it, not one sentence.
        if (this.summary.size > 0 && this.summary.has(marker)) total *= 0.5;
        total += sumRange(values, sentenceStart, i);
        sentenceStart = i;
        explain.push(`contrast:${marker}`);
        afterContrast = true;
        negatedUntil = -1;
        negatorUsed = true;
        continue;
      }
      if (role === Role.Concessive) {
        concessive = true;
        continue;
      }
      let value = this.valence(token);
      if (value === 0) continue;
      let label = token;
      // An emoji or emoticon says how the writer feels, whatever the words around it deny:
      // "inte 😔", "ingen 😂" are not turned.
      if (negatedUntil >= i && LETTER.test(token)) {
        value *= NEGATION_FACTOR;
        negatorUsed = true;
        label = `${tokens[negatorAt]}→${token}`;
        if (this.oneWordNegators.has(tokens[negatorAt]!)) negatedUntil = -1;
      }
      value *= factor;
      factor = 1;
      if (concessive) value *= 0.5;
      if (afterContrast) value *= 1.5;
      if (value < 0) value *= NEGATIVE_WEIGHT;
      values[i] = value;
      lastSentiment = i;
      explain.push(`${label}(${value > 0 ? '+' : ''}${round(value)})`);
    }
    this.postVerbal(tokens, values, negatorAt, negatorUsed, lastSentiment, explain);
    flush(tokens.length);
    // Customers tell complaints as negated facts ("kam nicht an", "no llega", "pas reçu"): a
    // negation with no opinion word anywhere leans negative, by one mild word (below the label band).
    if (total === 0 && sawNegator) {
      total = BARE_NEGATION;
      explain.push(`negation:bare(${BARE_NEGATION})`);
    }
    return { score: round(total / Math.sqrt(total * total + ALPHA), 4), explain };
  }

  /** "très bien", "super produit": an intensifier with no opinion word or intensifier after it. */
  private standsAlone(tokens: string[], at: number): boolean {
    if (!this.rules.core[tokens[at]!]) return false;
    const next = tokens[at + 1];
    if (next === undefined || CLAUSE_END.test(next)) return true;
    const role = this.roles.get(next);
    if (role === Role.Intensifier || role === Role.Diminisher || role === Role.Negator) return false;
    return this.valence(next) === 0 && this.phraseAt(tokens, at + 1) === null;
  }

  private phraseAt(tokens: string[], at: number): Phrase | null {
    const entry = this.phraseIndex.get(tokens[at]!);
    if (!entry) return null;
    const longer = at + 1 < tokens.length ? entry.bySecond.get(tokens[at + 1]!) : undefined;
    return (longer && this.firstMatch(tokens, at, longer)) || (entry.single.length > 0 ? this.firstMatch(tokens, at, entry.single) : null);
  }

  /** The longest of these phrases (all sharing their first tokens) written at `at`. */
  private firstMatch(tokens: string[], at: number, candidates: Phrase[]): Phrase | null {
    for (const p of candidates) {
      if (at + p.tokens.length > tokens.length) continue;
      let k = 1;
      while (k < p.tokens.length && tokens[at + k] === p.tokens[k]) k++;
      if (k < p.tokens.length) continue;
      // "funktioniert nicht gut": a phrase that ends on its negator leaves it to the opinion
      // word that follows.
      const next = tokens[at + k];
      if (next !== undefined && this.roles.get(p.tokens[k - 1]!) === Role.Negator && !CLAUSE_END.test(next)) {
        if (this.roles.has(next) || this.valence(next) !== 0) continue;
      }
      return p;
    }
    return null;
  }

  /**
   * In verb-second languages the negator follows the finite verb: "es gefällt mir nicht",
   * "jag gillar inte", "dat beviel niet". A negator that found nothing to turn in its scope turns
   * the sentiment word just before it in the same clause.
   */
  private postVerbal(
    tokens: string[],
    values: Float64Array,
    negatorAt: number,
    used: boolean,
    lastSentiment: number,
    explain: string[],
  ): void {
    if (used || lastSentiment < 0 || negatorAt < 0) return;
    // French without its "ne": "j'aime pas", "ça vaut pas" — the verb just before, one word apart at most.
    const dropped = this.rules.droppedNe?.includes(tokens[negatorAt]!) === true;
    if (dropped ? negatorAt - lastSentiment > 2 : !this.rules.postVerbalNegation) return;
    if (negatorAt - lastSentiment > 3 || lastSentiment > negatorAt) return;
    // Only the sentence negator follows its verb ("gefällt mir nicht"); "kein", "geen", "ingen"
    // negate the noun after them, and a sentence adverb ("leider keine Antwort") is not turned.
    if (!dropped && (!POST_VERBAL.has(tokens[negatorAt]!) || SENTENCE_ADVERBS.has(tokens[lastSentiment]!))) return;
    for (let j = lastSentiment + 1; j < negatorAt; j++) if (CLAUSE_END.test(tokens[j]!)) return;
    const before = values[lastSentiment]!;
    values[lastSentiment] = before * NEGATION_FACTOR * (before > 0 ? NEGATIVE_WEIGHT : 1 / NEGATIVE_WEIGHT);
    explain.push(`${tokens[lastSentiment]}←${tokens[negatorAt]}(${round(values[lastSentiment]!)})`);
  }

  private tokenize(text: string, lowered = false): string[] {
    let lower = lowered ? text.replace(NOISE, ' ') : text.replace(NOISE, ' ').toLowerCase();
    if (lower.includes('’')) lower = lower.replace(/’/g, "'");
    if (this.rules.stressAccents && /[áéíóú]/.test(lower)) lower = foldAcute(lower);
    const raw = lower.match(TOKEN) ?? [];
    const elision = this.rules.elision;
    if (!elision) return raw;
    const tokens: string[] = [];
    for (const token of raw) {
      const m = token.includes("'") ? elision.exec(token) : null;
      if (m) tokens.push(m[1]!, m[2]!);
      else tokens.push(token);
    }
    return tokens;
  }

  /** Valence of one token: exact form, then lemma, then glued negation, then compound head. */
  valence(token: string): number {
    let value = this.memo.get(token);
    if (value !== undefined) return value;
    // A word listed with 0 (a topic word: "Qualität", "calidad") is known to carry no verdict:
    // neither a prefix, a compound head nor the fallback lexicon may give it one.
    const found = this.lookup(token);
    value = found ?? 0;
    if (found === undefined && token.length > 6) {
      for (const prefix of this.negPrefixes) {
        if (!token.startsWith(prefix)) continue;
        const rest = this.lookup(token.slice(prefix.length)) ?? 0;
        if (rest > 0) value = -rest * 0.75;
        break;
      }
    }
    if (found === undefined && value === 0 && this.rules.compounds && token.length >= 8) {
      for (let i = 3; i <= token.length - 4; i++) {
        // Only curated heads: the translated lexicons hold heads such as "meister" (+2) or
        // "stärke" (+2) that make "Bürgermeister" or "Lautstärke" an opinion.
        const head = this.curated[token.slice(i)] ?? 0;
        if (head !== 0) {
          value = head;
          break;
        }
      }
    }
    if (found === undefined && value === 0 && this.rules.fallback && token.length >= 3) {
      this.fallback ??= this.rules.fallback();
      value = this.fallback(token);
    }
    if (this.memo.size > 50_000) this.memo.clear();
    this.memo.set(token, value);
    return value;
  }

  /** The listed valence of a word (exact, lemma, then unaccented), undefined where none is listed. */
  private lookup(word: string): number | undefined {
    const exact = this.exact.get(word);
    if (exact !== undefined) return exact;
    // Short words are mostly function words; their "stems" collide with unrelated lemmas.
    const stemmed = word.length >= 5 ? this.stems.get(this.stem(word)) : undefined;
    if (stemmed !== undefined) return stemmed;
    if (this.rules.lemmas) {
      for (const lemma of this.rules.lemmas(word)) {
        const value = this.exact.get(lemma);
        if (value !== undefined) return value;
      }
    }
    if (!this.rules.foldDiacritics) return undefined;
    const folded = foldAll(word);
    if (folded === word) return undefined;
    return this.exact.get(folded) ?? (folded.length >= 5 ? this.stems.get(this.stem(folded)) : undefined);
  }

  private stem(word: string): string {
    for (const suffix of this.suffixes) {
      if (word.length - suffix.length >= this.rules.minStem && word.endsWith(suffix)) {
        return word.slice(0, -suffix.length);
      }
    }
    return word;
  }

  toString(): string {
    return `Analyzer(${this.lang})`;
  }
}

function sumRange(values: Float64Array, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += values[i]!;
  return sum;
}

function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
