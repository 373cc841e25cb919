import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** One relative import between two source files under src/ (paths relative to the repository). */
export interface ImportEdge {
  readonly from: string;
  readonly to: string;
  /** `import type` / `export type`: erased at compile time, so it cannot make a load-order cycle. */
  readonly typeOnly: boolean;
}

const IMPORT =
  /^\s*(import|export)\s+(type\s+)?[^;'"]*?\bfrom\s+['"](\.[^'"]+)['"]|^\s*import\s+['"](\.[^'"]+)['"]|\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/gm;

/** Every relative import between production files (specs excluded) under `<root>/src`. */
export function importEdges(root: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const file of sourceFiles(path.join(root, 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[3] ?? m[4] ?? m[5];
      const target = spec === undefined ? undefined : resolve(path.resolve(path.dirname(file), spec));
      if (target === undefined) continue;
      edges.push({ from: path.relative(root, file), to: path.relative(root, target), typeOnly: m[2] !== undefined });
    }
  }
  return edges;
}

/** Every production file (specs excluded) under `<root>/src`, relative to the repository. */
export function productionFiles(root: string): string[] {
  return sourceFiles(path.join(root, 'src')).map((file) => path.relative(root, file));
}

/** `src/<folder>/...` → `<folder>`; a file directly in src/ is its own node. */
export function featureFolder(file: string): string {
  const parts = file.split(path.sep);
  return parts.length > 2 ? parts[1]! : parts.slice(1).join('/');
}

/** The strongly connected components of more than one node (Tarjan): each is a cycle. */
export function cycles(edges: readonly (readonly [string, string])[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const [a, b] of edges) if (a !== b) (next.get(a) ?? next.set(a, new Set()).get(a)!).add(b);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of next.keys()) if (!index.has(v)) visit(v);
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return full.endsWith('.ts') && !full.endsWith('.spec.ts') ? [full] : [];
  });
}

function resolve(base: string): string | undefined {
  return [`${base}.ts`, path.join(base, 'index.ts')].find((candidate) => {
    try {
      return statSync(candidate).isFile();
    } catch {
      return false;
    }
  });
}
