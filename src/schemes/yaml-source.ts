import { Document, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

/** A parsed YAML file that remembers where every node came from, so errors can say line:column. */
export interface YamlSource {
  readonly doc: Document;
  readonly lineCounter: LineCounter;
}

export interface Position {
  readonly line: number;
  readonly col: number;
}

export interface YamlSyntaxIssue extends Position {
  readonly message: string;
}

export function parseYamlSource(text: string): { source: YamlSource; syntaxIssues: YamlSyntaxIssue[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  // With prettyErrors off the errors carry only offsets (`pos`), no `linePos`: the line counter turns them into line:col.
  const syntaxIssues = doc.errors.map((e) => {
    const pos = e.linePos?.[0] ?? lineCounter.linePos(e.pos[0]);
    return { line: pos.line, col: pos.col, message: e.message.split('\n')[0]! };
  });
  return { source: { doc, lineCounter }, syntaxIssues };
}

/**
 * The document as plain data. Unlike `doc.toJS()`, a plain scalar that YAML reads as a number but
 * writes differently (`02`, `1.50`) keeps its text: in a mapping `FGroup: {FNumber: 02}` means the
 * group numbered "02", and turning it into 2 would silently point at another group.
 */
export function toPlain(source: YamlSource): unknown {
  return plain(source.doc.contents, source.doc);
}

function plain(node: unknown, doc: Document): unknown {
  if (isAlias(node)) return plain(node.resolve(doc), doc);
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    for (const pair of node.items) out[String(isScalar(pair.key) ? pair.key.value : pair.key)] = plain(pair.value, doc);
    return out;
  }
  if (isSeq(node)) return node.items.map((item) => plain(item, doc));
  if (isScalar(node)) {
    const keepText =
      typeof node.value === 'number' && node.type === 'PLAIN' && node.source !== undefined && node.source !== String(node.value);
    return keepText ? node.source : node.value;
  }
  return null;
}

/**
 * Where `path` is written: the value when it is a scalar, the key when the value is a block (its
 * key line is what a reader looks for) or `atKey`, or the nearest existing parent for a missing entry.
 */
export function locate(source: YamlSource, path: readonly (string | number)[], atKey = false): Position {
  let node: unknown = source.doc.contents;
  let best: Node | undefined = isMap(node) || isSeq(node) ? undefined : (node as Node | undefined);
  for (const segment of path) {
    const found = child(node, segment);
    if (!found) break;
    const wantValue = (!atKey && found.value && isScalar(found.value)) || !found.key;
    best = wantValue ? (found.value as Node) : found.key;
    node = found.value;
  }
  const offset = best?.range?.[0];
  return offset === undefined ? { line: 1, col: 1 } : source.lineCounter.linePos(offset);
}

function child(node: unknown, segment: string | number): { key: Node | undefined; value: unknown } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((p) => isPair(p) && String(isScalar(p.key) ? p.key.value : p.key) === String(segment));
    return pair ? { key: pair.key as Node, value: pair.value } : undefined;
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment];
    return item === undefined ? undefined : { key: undefined, value: item };
  }
  return undefined;
}
