import { lemmaForms } from './lemma-forms.js';
import { foldToken } from './normalize.js';
import { deaccent, type TokenForm } from './token-forms.js';
import { nlp, its } from './wink.js';

/**
 * One word of a term as the matcher compares it with a token of text:
 * - `forms`: the token's folded form must be one of these (the word, or its inflections);
 * - `marked`: the token must be this @handle or #hashtag;
 * - `wild`: a `*` wildcard over the token's bare form (prefix `deliver*`, suffix `*lieferung`,
 *   or both `*liefer*`).
 */
export type WordPattern =
  | { kind: 'forms'; forms: ReadonlySet<string> }
  | { kind: 'marked'; marked: string }
  | { kind: 'wild'; leading: boolean; trailing: boolean; core: string };

export interface TermPattern {
  /** As written in the config: what `terms` of an answer report. */
  text: string;
  words: WordPattern[];
}

export interface PatternOptions {
  /** Expand base-form English words to their inflections (wink lemmas). */
  lemma: boolean;
}

/**
 * A configured term ("late flight", "=late", "verspät*", "@united", "#fail") as word patterns.
 * A leading `=` turns lemma matching off for the whole term. Words are cut by wink's tokenizer,
 * exactly as text is, so "d'Acme" or "log-in" compare equal on both sides.
 */
export function termPattern(text: string, options: PatternOptions): TermPattern {
  let body = text.trim();
  let lemma = options.lemma;
  if (body.startsWith('=')) {
    body = body.slice(1).trim();
    lemma = false;
  }
  const words: WordPattern[] = [];
  for (const chunk of body.split(/\s+/u)) {
    if (chunk === '') continue;
    const wild = /^(\*?)([^*]+?)(\*?)$/u.exec(chunk);
    if (chunk.includes('*') && wild && (wild[1] || wild[3])) {
      words.push({ kind: 'wild', leading: wild[1] === '*', trailing: wild[3] === '*', core: deaccent(wild[2]!.toLowerCase()) });
      continue;
    }
    for (const normal of nlp.readDoc(chunk).tokens().out(its.normal) as string[]) words.push(wordPattern(normal, lemma));
  }
  return { text, words };
}

function wordPattern(normal: string, lemma: boolean): WordPattern {
  const lower = normal.toLowerCase();
  if (lower.length > 1 && (lower[0] === '@' || lower[0] === '#')) return { kind: 'marked', marked: `${lower[0]}${deaccent(lower.slice(1))}` };
  const forms = new Set<string>();
  for (const form of lemma ? lemmaForms(lower) : [lower]) forms.add(deaccent(foldToken(form)));
  return { kind: 'forms', forms };
}

/** Whether a token of text is this word. */
export function wordMatches(pattern: WordPattern, token: TokenForm): boolean {
  switch (pattern.kind) {
    case 'forms':
      return pattern.forms.has(token.folded);
    case 'marked':
      return token.marked === pattern.marked;
    case 'wild':
      return wildMatches(pattern, token.bare);
  }
}

export function wildMatches(pattern: { leading: boolean; trailing: boolean; core: string }, bare: string): boolean {
  // `*x*` is "contains", `x*` "starts with", `*x` "ends with"; a star may stand for nothing, so
  // `deliver*` also matches "deliver" itself.
  if (pattern.leading && pattern.trailing) return bare.includes(pattern.core);
  if (pattern.trailing) return bare.startsWith(pattern.core);
  return bare.endsWith(pattern.core);
}
