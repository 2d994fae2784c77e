import type { PhraseHit } from './phrase-matcher.js';
import type { RuleNode } from './topic-rule.js';

/**
 * Evaluates a parsed rule over the term hits of one text. Returns the hits that make it true
 * (what the topic reports as matched terms, and whose sentences give its sentiment), or null
 * when the rule does not hold. A NOT contributes no hits of its own.
 *
 * `wordAt[i]` is the ordinal of token i among the text's words (punctuation does not count in
 * NEAR distances).
 */
export function evaluateRule(node: RuleNode, hitsOf: (term: string) => readonly PhraseHit[] | undefined, wordAt: ArrayLike<number>): PhraseHit[] | null {
  switch (node.type) {
    case 'term': {
      const hits = hitsOf(node.text);
      return hits && hits.length > 0 ? [...hits] : null;
    }
    case 'not':
      return evaluateRule(node.operand, hitsOf, wordAt) === null ? [] : null;
    case 'and': {
      const left = evaluateRule(node.left, hitsOf, wordAt);
      if (left === null) return null;
      const right = evaluateRule(node.right, hitsOf, wordAt);
      return right === null ? null : left.concat(right);
    }
    case 'or': {
      const left = evaluateRule(node.left, hitsOf, wordAt);
      const right = evaluateRule(node.right, hitsOf, wordAt);
      if (left === null) return right;
      return right === null ? left : left.concat(right);
    }
    case 'near': {
      const left = evaluateRule(node.left, hitsOf, wordAt);
      if (left === null) return null;
      const right = evaluateRule(node.right, hitsOf, wordAt);
      if (right === null) return null;
      const kept = new Set<PhraseHit>();
      for (const a of left) {
        for (const b of right) {
          if (wordsBetween(a, b, wordAt) <= node.distance) {
            kept.add(a);
            kept.add(b);
          }
        }
      }
      return kept.size > 0 ? [...kept] : null;
    }
  }
}

function wordsBetween(a: PhraseHit, b: PhraseHit, wordAt: ArrayLike<number>): number {
  const [first, second] = a.start <= b.start ? [a, b] : [b, a];
  // Overlapping hits ("lost" inside "lost bag") are as near as can be.
  if (second.start <= first.end) return 0;
  return Math.max(0, wordAt[second.start]! - wordAt[first.end]! - 1);
}
