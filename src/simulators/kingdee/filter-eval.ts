import type { FilterExpr, Literal } from './filter-parser';

/** Evaluates a parsed filter over one row; text compares case-insensitively (SQL Server's default collation). */
export function matchesFilter(expr: FilterExpr | undefined, read: (field: string) => unknown): boolean {
  if (!expr) return true;
  switch (expr.op) {
    case 'and':
      return matchesFilter(expr.left, read) && matchesFilter(expr.right, read);
    case 'or':
      return matchesFilter(expr.left, read) || matchesFilter(expr.right, read);
    case 'not':
      return !matchesFilter(expr.expr, read);
    case 'null':
      return isNull(read(expr.field)) !== expr.negate;
    case 'in':
      return expr.values.some((v) => compare(read(expr.field), v) === 0) !== expr.negate;
    case 'like':
      return likeRegex(expr.pattern).test(String(read(expr.field) ?? '')) !== expr.negate;
    case 'cmp': {
      const c = compare(read(expr.field), expr.value);
      if (c === undefined) return false;
      return { '=': c === 0, '<>': c !== 0, '>': c > 0, '<': c < 0, '>=': c >= 0, '<=': c <= 0 }[expr.cmp];
    }
  }
}

function compare(actual: unknown, literal: Literal): number | undefined {
  if (isNull(actual)) return undefined;
  const value = typeof actual === 'boolean' ? (actual ? 1 : 0) : actual;
  if (typeof value === 'number' || typeof literal === 'number') {
    const a = Number(value);
    const b = Number(literal);
    if (!Number.isNaN(a) && !Number.isNaN(b)) return Math.sign(a - b);
  }
  const a = String(value).toLowerCase();
  const b = String(literal).toLowerCase();
  return a === b ? 0 : a < b ? -1 : 1;
}

const isNull = (v: unknown): boolean => v === null || v === undefined;

function likeRegex(pattern: string): RegExp {
  const body = [...pattern].map((ch) => (ch === '%' ? '.*' : ch === '_' ? '.' : ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`, 'is');
}
