import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/config/load.js';
import { parseRule, RuleSyntaxError } from '../../src/nlp/topic-rule.js';

const errorOf = (rule: string) => {
  try {
    parseRule(rule);
  } catch (error) {
    if (error instanceof RuleSyntaxError) return error;
    throw error;
  }
  throw new Error(`'${rule}' parsed`);
};

describe('topic rule syntax', () => {
  it('binds NOT tighter than NEAR, NEAR than AND, AND than OR', () => {
    expect(parseRule('a OR b AND c')).toMatchObject({ type: 'or', right: { type: 'and' } });
    expect(parseRule('a AND b NEAR/2 c')).toMatchObject({ type: 'and', right: { type: 'near', distance: 2 } });
    expect(parseRule('(a OR b) AND NOT "c d"')).toMatchObject({
      type: 'and',
      left: { type: 'or' },
      right: { type: 'not', operand: { type: 'term', text: 'c d' } },
    });
    expect(parseRule('bag NOT found')).toMatchObject({ type: 'and', right: { type: 'not' } });
  });

  it('names the column and the reason of a syntax error', () => {
    expect(errorOf('bag AND (lost OR missing')).toMatchObject({ column: 25 });
    expect(errorOf('bag AND (lost OR missing').reason).toMatch(/expected '\)' to close the '\(' at column 9/);
    expect(errorOf('bag lost').reason).toMatch(/'lost' follows 'bag' with no operator/);
    expect(errorOf('bag and lost').reason).toMatch(/operators are upper case: AND/);
    expect(errorOf('bag NEAR lost')).toMatchObject({ column: 5 });
    expect(errorOf('bag NEAR lost').reason).toMatch(/NEAR\/3/);
    expect(errorOf('bag AND "lost')).toMatchObject({ column: 9, reason: 'this quote is never closed' });
    expect(errorOf('bag OR')).toMatchObject({ column: 7 });
    expect(errorOf('bag)')).toMatchObject({ column: 4 });
    expect(errorOf('bag NEAR/2 NOT lost').reason).toMatch(/both sides/);
  });

  it('refuses a rule that matches without any of its words', () => {
    expect(errorOf('NOT refund').reason).toMatch(/none of its words/);
    expect(errorOf('NOT a OR b').reason).toMatch(/none of its words/);
    expect(parseRule('refund AND NOT voucher')).toBeTruthy();
  });

  it('is checked when the config is loaded, with the path and column', () => {
    const result = parseConfigText(`
topics:
  - id: baggage
    name: Baggage
    rule: (bag OR luggage) NEAR/3 lost missing
  - id: delivery
    name: Delivery
    terms: ["*"]
    lang:
      de: { terms: [Lieferung], rule: "Paket AND (" }
      English: [parcel]
`);
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^topics\[0\]\.rule: column 30 of "\(bag OR luggage\) NEAR\/3 lost missing": 'missing' follows 'lost'/),
        expect.stringMatching(/^topics\[1\]\.terms\[0\]: .*at least 3 letters/),
        expect.stringMatching(/^topics\[1\]\.lang\.de\.rule: column 12 of "Paket AND \(": expected a word/),
        expect.stringMatching(/^topics\[1\]\.lang\.English: .*language code/),
      ]),
    );
  });
});
