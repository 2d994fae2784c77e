import type { BrandConfig, TopicConfig } from '../config/schema.js';
import { PhraseMatcher, type PhraseHit } from './phrase-matcher.js';
import { evaluateRule } from './rule-eval.js';
import { termPattern, type TermPattern } from './term-pattern.js';
import { tokenForms } from './token-forms.js';
import { parseRule, ruleTerms, type RuleNode } from './topic-rule.js';

export interface TermMatch {
  /** The configured term that matched, as written. */
  term: string;
  /** First and last token of the match. */
  start: number;
  end: number;
}

export interface TaxonomyMatch {
  topics: Map<string, TermMatch[]>;
  /** Brands named directly or through one of their products. */
  brands: Map<string, TermMatch[]>;
  products: Map<string, TermMatch[]>;
}

export interface CompiledTaxonomy {
  /** Topic id → its ancestors, nearest first (a mention of a subtopic counts for its parents). */
  ancestors: Map<string, string[]>;
  /** Product id → the brand it belongs to. */
  productBrand: Map<string, string>;
  /**
   * Topics, brands and products in one text, from wink's token normals (and types, so NEAR
   * counts words, not punctuation) and the text's language (which per-language terms apply).
   */
  match(normals: readonly string[], types: readonly string[] | null, lang: string): TaxonomyMatch;
}

type Domain = 'topics' | 'brands' | 'products';

interface Owner {
  domain: Domain;
  id: string;
  role: 'include' | 'exclude' | 'leaf';
  /** For leaves: which rule. */
  rule?: number;
}

interface CompiledRule {
  domain: Domain;
  id: string;
  node: RuleNode;
}

/** What one owner (a topic, brand or product, in one language or all) contributes. */
interface Part {
  domain: Domain;
  id: string;
  include: readonly string[];
  exclude: readonly string[];
  rule?: string;
  lemma: boolean;
}

export function compileTaxonomy(topics: readonly TopicConfig[], brands: readonly BrandConfig[]): CompiledTaxonomy {
  const owners: Owner[] = [];
  const rules: CompiledRule[] = [];
  const ownerIndex = new Map<string, number>();
  const ownerOf = (owner: Owner): number => {
    const key = `${owner.domain}\u0000${owner.id}\u0000${owner.role}\u0000${owner.rule ?? ''}`;
    let index = ownerIndex.get(key);
    if (index === undefined) {
      index = owners.push(owner) - 1;
      ownerIndex.set(key, index);
    }
    return index;
  };

  // Every language's matcher holds the shared terms too: each term is cut and expanded once.
  const patterns = new Map<string, TermPattern>();
  const pattern = (term: string, lemma: boolean) => {
    const key = `${lemma ? 1 : 0}${term}`;
    let found = patterns.get(key);
    if (!found) patterns.set(key, (found = termPattern(term, { lemma })));
    return found;
  };
  const ruleIndex = new Map<Part, number>();
  const addPart = (matcher: PhraseMatcher, part: Part) => {
    const include = ownerOf({ domain: part.domain, id: part.id, role: 'include' });
    const exclude = ownerOf({ domain: part.domain, id: part.id, role: 'exclude' });
    for (const term of part.include) matcher.add(include, pattern(term, part.lemma));
    for (const term of part.exclude) matcher.add(exclude, pattern(term, part.lemma));
    if (part.rule !== undefined) {
      let index = ruleIndex.get(part);
      if (index === undefined) ruleIndex.set(part, (index = rules.push({ domain: part.domain, id: part.id, node: parseRule(part.rule) }) - 1));
      const leaf = ownerOf({ domain: part.domain, id: part.id, role: 'leaf', rule: index });
      for (const term of ruleTerms(rules[index]!.node)) matcher.add(leaf, pattern(term, part.lemma));
    }
  };

  const shared: Part[] = [];
  const byLanguage = new Map<string, Part[]>();
  for (const topic of topics) {
    const lemma = topic.match !== 'exact';
    shared.push({ domain: 'topics', id: topic.id, include: [...topic.terms, ...topic.phrases], exclude: topic.exclude, rule: topic.rule, lemma });
    for (const [lang, terms] of Object.entries(topic.lang ?? {})) {
      const list = byLanguage.get(lang) ?? [];
      // Inflections come from wink's English model, so only English lists get them.
      list.push({ domain: 'topics', id: topic.id, include: [...terms.terms, ...terms.phrases], exclude: terms.exclude, rule: terms.rule, lemma: lemma && lang === 'en' });
      byLanguage.set(lang, list);
    }
  }
  const productBrand = new Map<string, string>();
  for (const brand of brands) {
    shared.push({ domain: 'brands', id: brand.id, include: [...brand.include, ...(brand.handles ?? [])], exclude: brand.exclude, rule: brand.rule, lemma: false });
    for (const product of brand.products ?? []) {
      productBrand.set(product.id, brand.id);
      shared.push({ domain: 'products', id: product.id, include: [...product.include, ...product.handles], exclude: product.exclude, rule: product.rule, lemma: false });
    }
  }

  // One matcher per language that has terms of its own (and one for every other language), so a
  // text is scanned once whatever the taxonomy holds.
  const anyLanguage = new PhraseMatcher();
  for (const part of shared) addPart(anyLanguage, part);
  const matchers = new Map<string, PhraseMatcher>();
  for (const [lang, parts] of byLanguage) {
    const matcher = new PhraseMatcher();
    for (const part of shared) addPart(matcher, part);
    for (const part of parts) addPart(matcher, part);
    matchers.set(lang, matcher);
  }

  return {
    ancestors: ancestorsOf(topics),
    productBrand,
    match(normals, types, lang) {
      const matcher = matchers.get(lang) ?? anyLanguage;
      const result: TaxonomyMatch = { topics: new Map(), brands: new Map(), products: new Map() };
      if (matcher.size === 0 || normals.length === 0) return result;
      const hits = matcher.match(tokenForms(normals));
      if (hits.length === 0) return result;
      resolve(hits, owners, rules, types, result);
      for (const [product, found] of result.products) {
        const brand = productBrand.get(product)!;
        if (!result.brands.has(brand)) result.brands.set(brand, found);
      }
      return result;
    },
  };
}

function resolve(hits: PhraseHit[], owners: Owner[], rules: CompiledRule[], types: readonly string[] | null, out: TaxonomyMatch): void {
  const excluded = new Map<string, PhraseHit[]>();
  for (const hit of hits) {
    const owner = owners[hit.owner]!;
    if (owner.role === 'exclude') pushTo(excluded, `${owner.domain}\u0000${owner.id}`, hit);
  }
  const vetoed = (owner: Owner, hit: PhraseHit) =>
    excluded.get(`${owner.domain}\u0000${owner.id}`)?.some((ex) => ex.start <= hit.end && hit.start <= ex.end) ?? false;

  const leaves = new Map<number, Map<string, PhraseHit[]>>();
  // Several configured terms can match the same words ("cancel", "cancelled"): the first counts.
  const seen = new Set<string>();
  for (const hit of hits) {
    const owner = owners[hit.owner]!;
    if (owner.role === 'exclude' || vetoed(owner, hit)) continue;
    if (owner.role === 'include') {
      const span = `${owner.domain}\u0000${owner.id}\u0000${hit.start}\u0000${hit.end}`;
      if (seen.has(span)) continue;
      seen.add(span);
      pushTo(out[owner.domain], owner.id, { term: hit.term, start: hit.start, end: hit.end });
    } else {
      const terms = leaves.get(owner.rule!) ?? new Map<string, PhraseHit[]>();
      pushTo(terms, hit.term, hit);
      leaves.set(owner.rule!, terms);
    }
  }
  if (leaves.size === 0) return;
  const wordAt = wordOrdinals(types, hits);
  for (const [index, terms] of leaves) {
    const rule = rules[index]!;
    const held = evaluateRule(rule.node, (term) => terms.get(term), wordAt);
    if (held === null) continue;
    for (const hit of held) pushTo(out[rule.domain], rule.id, { term: hit.term, start: hit.start, end: hit.end });
  }
}

/** Each token's position among words: punctuation and symbols are not counted. */
function wordOrdinals(types: readonly string[] | null, hits: PhraseHit[]): Uint32Array {
  const n = types?.length ?? Math.max(...hits.map((h) => h.end)) + 1;
  const out = new Uint32Array(n);
  let ordinal = 0;
  for (let i = 0; i < n; i++) {
    out[i] = ordinal;
    const type = types?.[i];
    if (type !== 'punctuation' && type !== 'symbol') ordinal++;
  }
  return out;
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function ancestorsOf(topics: readonly TopicConfig[]): Map<string, string[]> {
  const parentOf = new Map(topics.map((t) => [t.id, t.parent]));
  const ancestors = new Map<string, string[]>();
  for (const topic of topics) {
    const chain: string[] = [];
    for (let p = topic.parent; p !== undefined && !chain.includes(p); p = parentOf.get(p)) chain.push(p);
    ancestors.set(topic.id, chain);
  }
  return ancestors;
}
