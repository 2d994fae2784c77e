export interface PhraseMatch {
  key: string;
  term: string;
  /** Index of the first matched token. */
  start: number;
  end: number;
}

interface Entry {
  key: string;
  term: string;
  tokens: string[];
}

/**
 * Finds configured terms and phrases in a folded token sequence. Entries are indexed by their
 * first token so the scan costs one map lookup per token, whatever the taxonomy size.
 */
export class PhraseMatcher {
  private readonly byFirst = new Map<string, Entry[]>();

  /** `tokens` are the term's folded tokens, cut by the same tokenizer as the text. */
  add(key: string, term: string, tokens: string[]): void {
    const first = tokens[0];
    if (first === undefined) return;
    const list = this.byFirst.get(first) ?? [];
    list.push({ key, term, tokens });
    this.byFirst.set(first, list);
  }

  get size(): number {
    return this.byFirst.size;
  }

  match(tokens: readonly string[]): PhraseMatch[] {
    const found: PhraseMatch[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const candidates = this.byFirst.get(tokens[i]!);
      if (candidates === undefined) continue;
      for (const entry of candidates) {
        if (matchesAt(tokens, i, entry.tokens)) {
          found.push({ key: entry.key, term: entry.term, start: i, end: i + entry.tokens.length - 1 });
        }
      }
    }
    return found;
  }
}

function matchesAt(tokens: readonly string[], at: number, phrase: readonly string[]): boolean {
  if (at + phrase.length > tokens.length) return false;
  for (let k = 1; k < phrase.length; k++) if (tokens[at + k] !== phrase[k]) return false;
  return true;
}
