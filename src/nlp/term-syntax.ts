import { parseRule, ruleTerms, RuleSyntaxError } from './topic-rule.js';

/**
 * Config-time checks of terms and rules, without loading the language model (so
 * `earshot config check` answers at once).
 */

const MIN_WILDCARD_LETTERS = 3;

/** What is wrong with a term as written, or null. */
export function termProblem(term: string): string | null {
  let body = term.trim();
  if (body.startsWith('=')) body = body.slice(1).trim();
  if (body === '') return `'${term}' has nothing to match after '='`;
  for (const word of body.split(/\s+/u)) {
    if (!word.includes('*')) continue;
    const m = /^(\*?)([^*]*)(\*?)$/u.exec(word);
    if (!m) return `'${word}': a * goes only at the start or end of a word (deliver*, *lieferung, *liefer*)`;
    if ([...m[2]!].length < MIN_WILDCARD_LETTERS) {
      return `'${word}': a wildcard needs at least ${MIN_WILDCARD_LETTERS} letters besides the * (it would match too much)`;
    }
  }
  return null;
}

/** What is wrong with a boolean rule, with the column of the problem, or null. */
export function ruleProblem(rule: string): string | null {
  try {
    for (const term of ruleTerms(parseRule(rule))) {
      const problem = termProblem(term);
      if (problem) return `${problem} (in the rule "${rule}")`;
    }
    return null;
  } catch (error) {
    if (error instanceof RuleSyntaxError) return `column ${error.column} of "${rule}": ${error.reason}`;
    throw error;
  }
}
