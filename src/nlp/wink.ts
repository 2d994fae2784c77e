import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { foldToken } from './normalize.js';

// Only the pipes analysis reads: sentence breaks, negation and sentiment. POS tagging and the
// pattern-entity pass roughly halve throughput and nothing here uses them yet.
export const nlp = winkNLP(model, ['sbd', 'negation', 'sentiment']);
export const its = nlp.its;

/** A term or phrase cut into folded tokens exactly as text is, so both sides compare equal. */
export function foldedTokens(text: string): string[] {
  return (nlp.readDoc(text).tokens().out(its.normal) as string[]).map(foldToken);
}

export function numericSentiment(value: string | number): number {
  return typeof value === 'number' ? value : Number(value);
}
