import { wildMatches, wordMatches, type TermPattern, type WordPattern } from './term-pattern.js';
import type { TokenForm } from './token-forms.js';

export interface PhraseHit {
  /** Whatever the caller attached to the term when adding it. */
  owner: number;
  term: string;
  /** Index of the first and last matched token. */
  start: number;
  end: number;
}

interface Entry {
  owner: number;
  term: string;
  words: WordPattern[];
}

const WILD_MEMO_LIMIT = 50_000;

/**
 * Finds configured terms in a sequence of token forms. Entries are indexed by every form their
 * first word accepts, so the scan costs a map lookup or two per token whatever the taxonomy size;
 * wildcard first words are tested once per distinct word and remembered.
 */
export class PhraseMatcher {
  private readonly byForm = new Map<string, Entry[]>();
  private readonly byMarked = new Map<string, Entry[]>();
  private readonly wild: Entry[] = [];
  private readonly wildMemo = new Map<string, Entry[]>();
  private count = 0;

  add(owner: number, pattern: TermPattern): void {
    const first = pattern.words[0];
    if (first === undefined) return;
    const entry: Entry = { owner, term: pattern.text, words: pattern.words };
    this.count++;
    if (first.kind === 'forms') for (const form of first.forms) push(this.byForm, form, entry);
    else if (first.kind === 'marked') push(this.byMarked, first.marked, entry);
    else {
      this.wild.push(entry);
      this.wildMemo.clear();
    }
  }

  get size(): number {
    return this.count;
  }

  match(tokens: readonly TokenForm[]): PhraseHit[] {
    const found: PhraseHit[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      const plain = this.byForm.get(token.folded);
      if (plain !== undefined) this.collect(plain, tokens, i, found);
      if (token.marked !== null) {
        const marked = this.byMarked.get(token.marked);
        if (marked !== undefined) this.collect(marked, tokens, i, found);
      }
      if (this.wild.length > 0) {
        const wild = this.wildFor(token.bare);
        if (wild.length > 0) this.collect(wild, tokens, i, found);
      }
    }
    return found;
  }

  private collect(candidates: readonly Entry[], tokens: readonly TokenForm[], at: number, found: PhraseHit[]): void {
    for (const entry of candidates) {
      const end = at + entry.words.length - 1;
      if (end >= tokens.length) continue;
      let ok = true;
      for (let k = 1; k < entry.words.length && ok; k++) ok = wordMatches(entry.words[k]!, tokens[at + k]!);
      if (ok) found.push({ owner: entry.owner, term: entry.term, start: at, end });
    }
  }

  private wildFor(bare: string): Entry[] {
    let hits = this.wildMemo.get(bare);
    if (hits === undefined) {
      if (this.wildMemo.size >= WILD_MEMO_LIMIT) this.wildMemo.clear();
      hits = this.wild.filter((e) => wildMatches(e.words[0] as Extract<WordPattern, { kind: 'wild' }>, bare));
      this.wildMemo.set(bare, hits);
    }
    return hits;
  }
}

function push(map: Map<string, Entry[]>, key: string, entry: Entry): void {
  const list = map.get(key);
  if (list) list.push(entry);
  else map.set(key, [entry]);
}
