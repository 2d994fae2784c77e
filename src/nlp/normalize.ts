/**
 * Token normalisation shared by taxonomy terms and text, so both sides of a match are folded the
 * same way: lower case, accents kept, a leading @ or # dropped (a brand named "united" is named by
 * "@united" and "#United" too), and a light English plural fold ("flights" → "flight").
 */
export function foldToken(token: string): string {
  let folded = memo.get(token);
  if (folded === undefined) {
    // Customer text repeats a small vocabulary; a bounded memo spares the regexes.
    if (memo.size >= MEMO_LIMIT) memo.clear();
    folded = fold(token);
    memo.set(token, folded);
  }
  return folded;
}

const MEMO_LIMIT = 100_000;
const memo = new Map<string, string>();

function fold(token: string): string {
  let word = token.toLowerCase();
  if (word.length > 1 && (word[0] === '@' || word[0] === '#')) word = word.slice(1);
  // French and Italian elision glues the article to the name ("d'Acme", "l’app"): the
  // English tokenizer keeps them as one token.
  const elided = ELISION.exec(word);
  if (elided) word = elided[1]!;
  return singular(word);
}

const ELISION = /^(?:l|d|j|m|n|s|t|c|qu|un|dell|all|nell|sull)['’](\p{L}.*)$/u;

function singular(word: string): string {
  if (word.length <= 3 || !word.endsWith('s')) return word;
  if (/(ss|us|is|ous)$/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(sses|xes|zes|ches|shes)$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}
