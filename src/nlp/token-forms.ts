import { foldToken } from './normalize.js';

/**
 * How a token of text is compared with taxonomy terms. `folded` is what plain terms match:
 * lower case, without a leading @ or #, without French/Italian elision, a simple English plural
 * folded, and without accents (customers often type "rembourse" for "remboursé", "zuruck" for
 * "zurück"). `bare` is the same before the plural fold (what wildcards see). `marked` keeps the @
 * or # of a handle or hashtag, so a term written "@united" names only the handle.
 */
export interface TokenForm {
  folded: string;
  bare: string;
  marked: string | null;
}

const MEMO_LIMIT = 100_000;
const memo = new Map<string, TokenForm>();

/** The form of one wink `normal` (already lower case); memoised, as customer text repeats words. */
export function tokenForm(normal: string): TokenForm {
  let form = memo.get(normal);
  if (form === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    form = makeForm(normal);
    memo.set(normal, form);
  }
  return form;
}

export function tokenForms(normals: readonly string[]): TokenForm[] {
  const out = new Array<TokenForm>(normals.length);
  for (let i = 0; i < normals.length; i++) out[i] = tokenForm(normals[i]!);
  return out;
}

function makeForm(normal: string): TokenForm {
  const lower = normal.toLowerCase();
  const marker = lower.length > 1 && (lower[0] === '@' || lower[0] === '#') ? lower[0] : null;
  const folded = deaccent(foldToken(lower));
  const bare = deaccent(stripElision(marker ? lower.slice(1) : lower));
  return { folded, bare, marked: marker ? `${marker}${deaccent(lower.slice(1))}` : null };
}

const ELISION = /^(?:l|d|j|m|n|s|t|c|qu|un|dell|all|nell|sull)['’](\p{L}.*)$/u;

function stripElision(word: string): string {
  return ELISION.exec(word)?.[1] ?? word;
}

const SPECIAL: Record<string, string> = { ß: 'ss', ł: 'l', ø: 'o', æ: 'ae', œ: 'oe', đ: 'd', ı: 'i' };

/** Diacritics dropped (é → e, ü → u, ą → a), plus the letters NFD does not decompose. */
export function deaccent(word: string): string {
  // Plain ASCII, the usual case, needs nothing.
  if (/^[\x00-\x7f]*$/.test(word)) return word;
  return word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ßłøæœđı]/g, (c) => SPECIAL[c] ?? c);
}
