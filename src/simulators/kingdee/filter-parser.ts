/**
 * A small parser for ExecuteBillQuery's FilterString, which Kingdee turns into SQL: comparisons
 * (= <> != > < >= <=), [not] in (…), [not] like, is [not] null, and/or/not and parentheses, with
 * SQL string literals ('O''Neil', N'…'). Enough for what integrations send (docs/kingdee-api.md).
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

type Token =
  { kind: 'str'; value: string } | { kind: 'num'; value: number } | { kind: 'id'; value: string } | { kind: 'sym'; value: string };
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
  return tokens.length === 0 ? undefined : new Parser(tokens).parse();
}

/** Recursive descent, lowest precedence first: or → and → not/parentheses → predicate. */
class Parser {
  private pos = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  parse(): FilterExpr {
    const expr = this.or();
    const extra = this.tokens[this.pos];
    if (extra) throw new FilterSyntaxError(`unexpected "${String(extra.value)}" at token ${this.pos + 1}`);
    return expr;
  }

  private or(): FilterExpr {
    let left = this.and();
    while (this.word('or')) left = { op: 'or', left, right: this.and() };
    return left;
  }

  private and(): FilterExpr {
    let left = this.primary();
    while (this.word('and')) left = { op: 'and', left, right: this.primary() };
    return left;
  }

  private primary(): FilterExpr {
    if (this.word('not')) return { op: 'not', expr: this.primary() };
    if (this.symbol('(')) {
      const inner = this.or();
      this.expect(')');
      return inner;
    }
    const t = this.tokens[this.pos++];
    if (t?.kind !== 'id') throw new FilterSyntaxError(`expected a field at token ${this.pos}`);
    return this.predicate(t.value);
  }

  private predicate(field: string): FilterExpr {
    const negate = this.word('not');
    if (this.word('in')) {
      this.expect('(');
      const values = [this.literal()];
      while (this.symbol(',')) values.push(this.literal());
      this.expect(')');
      return { op: 'in', field, values, negate };
    }
    if (this.word('like')) return { op: 'like', field, pattern: String(this.literal()), negate };
    if (!negate && this.word('is')) {
      const not = this.word('not');
      if (!this.word('null')) throw new FilterSyntaxError('expected NULL after IS');
      return { op: 'null', field, negate: not };
    }
    const t = this.tokens[this.pos++];
    if (negate || t?.kind !== 'sym' || !COMPARISONS.includes(t.value)) throw new FilterSyntaxError(`expected a comparison after ${field}`);
    return { op: 'cmp', field, cmp: t.value as Comparison, value: this.literal() };
  }

  private literal(): Literal {
    const t = this.tokens[this.pos++];
    if (t?.kind === 'str' || t?.kind === 'num') return t.value;
    throw new FilterSyntaxError(`expected a value at token ${this.pos}`);
  }

  /** Consumes the keyword if it comes next. */
  private word(word: string): boolean {
    const t = this.tokens[this.pos];
    const hit = t?.kind === 'id' && t.value.toLowerCase() === word;
    if (hit) this.pos++;
    return hit;
  }

  private symbol(sym: string): boolean {
    const t = this.tokens[this.pos];
    const hit = t?.kind === 'sym' && t.value === sym;
    if (hit) this.pos++;
    return hit;
  }

  private expect(sym: string): void {
    if (!this.symbol(sym)) throw new FilterSyntaxError(`expected "${sym}" at token ${this.pos + 1}`);
  }
}

const COMPARISONS: readonly string[] = ['=', '<>', '>', '<', '>=', '<='];

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
