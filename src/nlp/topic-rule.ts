/**
 * Boolean topic rules, as a user writes them in the config:
 *
 *   (bag OR luggage OR suitcase) NEAR/3 (lost OR missing OR "never arrived") AND NOT "found it"
 *
 * - a word matches as a taxonomy term does (inflections, `=exact`, `deliver*` wildcards, @handle);
 * - "a phrase" is a word sequence;
 * - NOT binds tightest, then NEAR/n (at most n words between the two sides, either order), then
 *   AND, then OR; parentheses group. `a NOT b` means `a AND NOT b`. Operators are upper case, so
 *   "and", "or" and "not" stay ordinary words when quoted.
 */

export type RuleNode =
  | { type: 'term'; text: string; column: number }
  | { type: 'not'; operand: RuleNode }
  | { type: 'and' | 'or'; left: RuleNode; right: RuleNode }
  | { type: 'near'; distance: number; left: RuleNode; right: RuleNode; column: number };

export class RuleSyntaxError extends Error {
  constructor(
    readonly column: number,
    readonly reason: string,
  ) {
    super(`column ${column}: ${reason}`);
    this.name = 'RuleSyntaxError';
  }
}

type Token =
  | { kind: 'word' | 'phrase'; text: string; column: number }
  | { kind: 'and' | 'or' | 'not' | 'open' | 'close'; text: string; column: number }
  | { kind: 'near'; text: string; column: number; distance: number }
  | { kind: 'end'; text: string; column: number };

const MAX_NEAR = 50;

function tokenize(rule: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < rule.length) {
    const c = rule[i]!;
    const column = i + 1;
    if (/\s/u.test(c)) {
      i++;
    } else if (c === '(' || c === ')') {
      tokens.push({ kind: c === '(' ? 'open' : 'close', text: c, column });
      i++;
    } else if (c === '"' || c === '“' || c === '”') {
      const close = rule.slice(i + 1).search(/["“”]/u);
      if (close < 0) throw new RuleSyntaxError(column, 'this quote is never closed');
      const text = rule.slice(i + 1, i + 1 + close).trim();
      if (text === '') throw new RuleSyntaxError(column, 'empty quotes');
      tokens.push({ kind: 'phrase', text, column });
      i += close + 2;
    } else {
      let j = i;
      while (j < rule.length && !/[\s()"“”]/u.test(rule[j]!)) j++;
      const text = rule.slice(i, j);
      tokens.push(operator(text, column));
      i = j;
    }
  }
  tokens.push({ kind: 'end', text: '', column: rule.length + 1 });
  return tokens;
}

function operator(text: string, column: number): Token {
  if (text === 'AND' || text === 'OR' || text === 'NOT') return { kind: text.toLowerCase() as 'and' | 'or' | 'not', text, column };
  if (text.startsWith('NEAR')) {
    const m = /^NEAR\/(\d+)$/.exec(text);
    if (!m) throw new RuleSyntaxError(column, `'${text}': NEAR takes a distance in words, e.g. NEAR/3`);
    const distance = Number(m[1]);
    if (distance > MAX_NEAR) throw new RuleSyntaxError(column, `NEAR/${distance}: at most NEAR/${MAX_NEAR}`);
    return { kind: 'near', text, column, distance };
  }
  if (/^\**$/.test(text)) throw new RuleSyntaxError(column, "a wildcard needs letters, e.g. deliver*");
  return { kind: 'word', text, column };
}

/** Parses a rule; throws RuleSyntaxError naming the column (1-based) of the first problem. */
export function parseRule(rule: string): RuleNode {
  const tokens = tokenize(rule);
  if (tokens.length === 1) throw new RuleSyntaxError(1, 'the rule is empty');
  let at = 0;
  const peek = () => tokens[at]!;
  const next = () => tokens[at++]!;

  const describe = (t: Token) => (t.kind === 'end' ? 'the end of the rule' : `'${t.kind === 'phrase' ? `"${t.text}"` : t.text}'`);

  function orExpr(): RuleNode {
    let left = andExpr();
    while (peek().kind === 'or') {
      next();
      left = { type: 'or', left, right: andExpr() };
    }
    return left;
  }

  function andExpr(): RuleNode {
    let left = unary();
    for (;;) {
      const t = peek();
      if (t.kind === 'and') {
        next();
        left = { type: 'and', left, right: unary() };
      } else if (t.kind === 'not') {
        // `a NOT b` reads as `a AND NOT b`.
        left = { type: 'and', left, right: unary() };
      } else return left;
    }
  }

  function unary(): RuleNode {
    if (peek().kind === 'not') {
      next();
      return { type: 'not', operand: unary() };
    }
    return nearExpr();
  }

  function nearExpr(): RuleNode {
    let left = primary();
    while (peek().kind === 'near') {
      const op = next() as Extract<Token, { kind: 'near' }>;
      if (peek().kind === 'not') throw new RuleSyntaxError(peek().column, `${op.text} needs words on both sides, not a NOT`);
      const right = primary();
      for (const side of [left, right]) {
        if (containsNot(side)) throw new RuleSyntaxError(op.column, `${op.text} needs words on both sides, not a NOT`);
      }
      left = { type: 'near', distance: op.distance, left, right, column: op.column };
    }
    return left;
  }

  function primary(): RuleNode {
    const t = next();
    if (t.kind === 'word' || t.kind === 'phrase') return { type: 'term', text: t.text, column: t.column };
    if (t.kind === 'open') {
      if (peek().kind === 'close') throw new RuleSyntaxError(peek().column, 'empty parentheses');
      const inner = orExpr();
      const close = next();
      if (close.kind !== 'close') {
        throw new RuleSyntaxError(close.column, `expected ')' to close the '(' at column ${t.column}, found ${describe(close)}`);
      }
      return inner;
    }
    if (t.kind === 'close') throw new RuleSyntaxError(t.column, "')' without a matching '('");
    throw new RuleSyntaxError(t.column, `expected a word, a "phrase" or '(' but found ${describe(t)}`);
  }

  const root = orExpr();
  const rest = peek();
  if (rest.kind !== 'end') {
    const before = tokens[at - 1]!;
    if (rest.kind === 'close') throw new RuleSyntaxError(rest.column, "')' without a matching '('");
    const hint = /^(and|or|not|near(\/\d+)?)$/i.test(rest.text) ? ` (operators are upper case: ${rest.text.toUpperCase()})` : '';
    throw new RuleSyntaxError(
      rest.column,
      `${describe(rest)} follows ${describe(before)} with no operator between them; join them with AND, OR, NOT or NEAR/n, or quote a "phrase"${hint}`,
    );
  }
  if (matchesWithoutTerms(root)) {
    throw new RuleSyntaxError(1, 'the rule can match a mention that contains none of its words (a NOT on its own); combine the NOT with AND');
  }
  return root;
}

function containsNot(node: RuleNode): boolean {
  switch (node.type) {
    case 'term':
      return false;
    case 'not':
      return true;
    case 'near':
    case 'and':
    case 'or':
      return containsNot(node.left) || containsNot(node.right);
  }
}

/** True when the rule would hold on a text containing none of its terms. */
function matchesWithoutTerms(node: RuleNode): boolean {
  switch (node.type) {
    case 'term':
    case 'near':
      return false;
    case 'not':
      return true;
    case 'and':
      return matchesWithoutTerms(node.left) && matchesWithoutTerms(node.right);
    case 'or':
      return matchesWithoutTerms(node.left) || matchesWithoutTerms(node.right);
  }
}

/** The terms a rule names, in order, each once. */
export function ruleTerms(node: RuleNode, into: string[] = []): string[] {
  if (node.type === 'term') {
    if (!into.includes(node.text)) into.push(node.text);
  } else if (node.type === 'not') ruleTerms(node.operand, into);
  else {
    ruleTerms(node.left, into);
    ruleTerms(node.right, into);
  }
  return into;
}
