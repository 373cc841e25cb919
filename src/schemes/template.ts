import type { Template, TemplatePart } from '../contracts/integration-scheme';

/**
 * Mapping templates: literal text with `{{variable}}` placeholders. A template that is exactly one
 * placeholder yields the variable's raw value (so a boolean or number survives to the typing step);
 * anything else is string concatenation with null/undefined as "".
 */

export class TemplateSyntaxError extends Error {
  override readonly name = 'TemplateSyntaxError';
}

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/;

export function parseTemplate(source: string): Template {
  const parts: TemplatePart[] = [];
  let rest = source;
  while (rest.length > 0) {
    const open = rest.indexOf('{{');
    if (open < 0) {
      parts.push({ kind: 'text', text: rest });
      break;
    }
    if (open > 0) parts.push({ kind: 'text', text: rest.slice(0, open) });
    const close = rest.indexOf('}}', open + 2);
    if (close < 0) throw new TemplateSyntaxError(`unclosed "{{" in template "${source}"`);
    const name = rest.slice(open + 2, close).trim();
    if (!VARIABLE_NAME.test(name)) throw new TemplateSyntaxError(`"{{${name}}}" is not a valid variable name in template "${source}"`);
    parts.push({ kind: 'var', name });
    rest = rest.slice(close + 2);
  }
  return { source, parts };
}

export function templateVariables(template: Template): string[] {
  return template.parts.flatMap((p) => (p.kind === 'var' ? [p.name] : []));
}

/** Renders with `lookup` (which throws for unknown variables). */
export function renderTemplate(template: Template, lookup: (name: string) => unknown): unknown {
  const [only] = template.parts;
  if (template.parts.length === 1 && only?.kind === 'var') return lookup(only.name);
  return template.parts.map((p) => (p.kind === 'text' ? p.text : stringify(lookup(p.name)))).join('');
}

function stringify(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
