/**
 * A small parser for ExecuteBillQuery's FilterString, which Kingdee turns into SQL: comparisons
 * (= <> != > < >= <=), [not] in (…), [not] like, is [not] null, and/or/not and parentheses, with
 * SQL string literals ('O''Neil', N'…'). Enough for what integrations send (kingdee-api.md §8.4).
 */
export type Literal = string | number;
export type Comparison = '=' | '<>' | '>' | '<' | '>=' | '<=';
export type FilterExpr =
  | { readonly op: 'and' | 'or'; readonly left: FilterExpr; readonly right: FilterExpr }
  | { readonly op: 'not'; readonly expr: FilterExpr }
  | { readonly op: 'cmp'; readonly field: string; readonly cmp: Comparison; readonly value: Literal }
  | { readonly op: 'in'; readonly field: string; readonly values: readonly Literal[]; readonly negate: boolean }
  | { readonly op: 'like'; readonly field: string; readonly pattern: string; readonly negate: boolean }
  | { readonly op: 'null'; readonly field: string; readonly negate: boolean };

export class FilterSyntaxError extends Error {}

type Token = { kind: 'str'; value: string } | { kind: 'num'; value: number } | { kind: 'id'; value: string } | { kind: 'sym'; value: string };
const TOKEN = /\s*(?:N?'((?:[^']|'')*)'|(-?\d+(?:\.\d+)?)(?![A-Za-z_])|([A-Za-z_][A-Za-z0-9_.]*)|(<>|!=|>=|<=|[=<>(),]))/y;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length && text.slice(TOKEN.lastIndex).trim() !== '') {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (!m) throw new FilterSyntaxError(`unexpected character at ${at + 1}: "${text.slice(at).trim().slice(0, 20)}"`);
    if (m[1] !== undefined) tokens.push({ kind: 'str', value: m[1].replace(/''/g, "'") });
    else if (m[2] !== undefined) tokens.push({ kind: 'num', value: Number(m[2]) });
    else if (m[3] !== undefined) tokens.push({ kind: 'id', value: m[3] });
    else tokens.push({ kind: 'sym', value: m[4] === '!=' ? '<>' : m[4]! });
  }
  return tokens;
}

export function parseFilter(text: string): FilterExpr | undefined {
  const tokens = tokenize(text);
  if (tokens.length === 0) return undefined;
  let pos = 0;
  const peek = () => tokens[pos];
  const isWord = (t: Token | undefined, word: string) => t?.kind === 'id' && t.value.toLowerCase() === word;
  const isSym = (t: Token | undefined, sym: string) => t?.kind === 'sym' && t.value === sym;
  const expect = (sym: string) => {
    if (!isSym(peek(), sym)) throw new FilterSyntaxError(`expected "${sym}" at token ${pos + 1}`);
    pos++;
  };
  const literal = (): Literal => {
    const t = tokens[pos++];
    if (t?.kind === 'str' || t?.kind === 'num') return t.value;
    throw new FilterSyntaxError(`expected a value at token ${pos}`);
  };
  const binary = (word: 'and' | 'or', next: () => FilterExpr) => (): FilterExpr => {
    let left = next();
    while (isWord(peek(), word)) {
      pos++;
      left = { op: word, left, right: next() };
    }
    return left;
  };
  const primary = (): FilterExpr => {
    if (isWord(peek(), 'not')) return pos++, { op: 'not', expr: primary() };
    if (isSym(peek(), '(')) {
      pos++;
      const inner = or();
      expect(')');
      return inner;
    }
    const t = tokens[pos++];
    if (t?.kind !== 'id') throw new FilterSyntaxError(`expected a field at token ${pos}`);
    return predicate(t.value);
  };
  const predicate = (field: string): FilterExpr => {
    const negate = isWord(peek(), 'not') ? (pos++, true) : false;
    if (isWord(peek(), 'in')) {
      pos++;
      expect('(');
      const values = [literal()];
      while (isSym(peek(), ',')) {
        pos++;
        values.push(literal());
      }
      expect(')');
      return { op: 'in', field, values, negate };
    }
    if (isWord(peek(), 'like')) return pos++, { op: 'like', field, pattern: String(literal()), negate };
    if (!negate && isWord(peek(), 'is')) {
      pos++;
      const not = isWord(peek(), 'not') ? (pos++, true) : false;
      if (!isWord(tokens[pos++], 'null')) throw new FilterSyntaxError('expected NULL after IS');
      return { op: 'null', field, negate: not };
    }
    const t = tokens[pos++];
    if (negate || t?.kind !== 'sym' || !['=', '<>', '>', '<', '>=', '<='].includes(t.value)) throw new FilterSyntaxError(`expected a comparison after ${field}`);
    return { op: 'cmp', field, cmp: t.value as Comparison, value: literal() };
  };
  const and = binary('and', primary);
  const or = binary('or', and);
  const expr = or();
  if (pos < tokens.length) throw new FilterSyntaxError(`unexpected "${String(tokens[pos]!.value)}" at token ${pos + 1}`);
  return expr;
}

/** Every field the expression reads, for checking them against the form. */
export function filterFields(expr: FilterExpr | undefined): string[] {
  if (!expr) return [];
  switch (expr.op) {
    case 'and':
    case 'or':
      return [...filterFields(expr.left), ...filterFields(expr.right)];
    case 'not':
      return filterFields(expr.expr);
    default:
      return [expr.field];
  }
}
