import type { BrandConfig, TopicConfig } from '../config/schema.js';
import { PhraseMatcher, type PhraseMatch } from './phrase-matcher.js';
import { foldedTokens } from './wink.js';

/**
 * A set of keyed terms with exclusions, ready to scan folded tokens. Used both for topics
 * (key = topic id) and for brands (key = brand id).
 */
export class TermSet {
  private readonly include = new PhraseMatcher();
  private readonly exclude = new PhraseMatcher();

  addInclude(key: string, terms: readonly string[]): void {
    for (const term of terms) this.include.add(key, term, foldedTokens(term));
  }

  addExclude(key: string, terms: readonly string[]): void {
    for (const term of terms) this.exclude.add(key, term, foldedTokens(term));
  }

  /** Matches grouped by key; a match inside an exclusion of the same key does not count. */
  find(tokens: readonly string[]): Map<string, PhraseMatch[]> {
    const found = new Map<string, PhraseMatch[]>();
    const included = this.include.match(tokens);
    if (included.length === 0) return found;
    const excluded = this.exclude.size > 0 ? this.exclude.match(tokens) : [];
    for (const match of included) {
      const vetoed = excluded.some(
        (ex) => ex.key === match.key && ex.start <= match.end && match.start <= ex.end,
      );
      if (vetoed) continue;
      const list = found.get(match.key) ?? [];
      list.push(match);
      found.set(match.key, list);
    }
    return found;
  }
}

export interface CompiledTaxonomy {
  topics: TermSet;
  brands: TermSet;
  /** Topic id → its ancestors, nearest first (a mention of a subtopic counts for its parents). */
  ancestors: Map<string, string[]>;
}

export function compileTaxonomy(topics: readonly TopicConfig[], brands: readonly BrandConfig[]): CompiledTaxonomy {
  const topicSet = new TermSet();
  for (const topic of topics) {
    topicSet.addInclude(topic.id, [...topic.terms, ...topic.phrases]);
    topicSet.addExclude(topic.id, topic.exclude);
  }
  const brandSet = new TermSet();
  for (const brand of brands) {
    brandSet.addInclude(brand.id, brand.include);
    brandSet.addExclude(brand.id, brand.exclude);
  }
  const parentOf = new Map(topics.map((t) => [t.id, t.parent]));
  const ancestors = new Map<string, string[]>();
  for (const topic of topics) {
    const chain: string[] = [];
    for (let p = topic.parent; p !== undefined && !chain.includes(p); p = parentOf.get(p)) chain.push(p);
    ancestors.set(topic.id, chain);
  }
  return { topics: topicSet, brands: brandSet, ancestors };
}
