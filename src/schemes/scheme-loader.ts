import { readFile } from 'node:fs/promises';
import { buildScheme } from './build-scheme';
import { compileMapping } from './compile-mapping';
import type { IntegrationScheme } from '../contracts/integration-scheme';
import { SchemeValidationError, type SchemeIssue } from './scheme-errors';
import { validateSchemeShape, type PathIssue } from './validate-dto';
import { locate, parseYamlSource, toPlain, type YamlSource } from './yaml-source';

/** Reads and validates a scheme file; `displayName` is how errors name it (default: the path given). */
export async function loadSchemeFile(filePath: string, displayName: string = filePath): Promise<IntegrationScheme> {
  return parseScheme(await readFile(filePath, 'utf8'), displayName);
}

/** Parses, validates and compiles scheme YAML; throws SchemeValidationError listing every problem. */
export function parseScheme(text: string, file: string): IntegrationScheme {
  const { source, syntaxIssues } = parseYamlSource(text);
  if (syntaxIssues.length > 0) {
    throw new SchemeValidationError(
      file,
      syntaxIssues.map((i) => ({ file, line: i.line, col: i.col, path: '', message: i.message })),
    );
  }
  const { dto, issues } = validateSchemeShape(toPlain(source));
  const mappingIsMap = typeof dto.mapping === 'object' && dto.mapping !== null && !Array.isArray(dto.mapping);
  const compiled = mappingIsMap && dto.target ? compileMapping(String(dto.target.formId ?? ''), dto.mapping) : { fields: [], issues: [] };
  const all = [...issues, ...compiled.issues];
  if (all.length === 0) {
    const built = buildScheme(dto, compiled.fields, file);
    if (built.issues.length === 0) return built.scheme;
    all.push(...built.issues);
  }
  throw new SchemeValidationError(file, all.map((i) => located(source, file, i)).sort(byPosition));
}

function located(source: YamlSource, file: string, issue: PathIssue): SchemeIssue {
  const { line, col } = locate(source, issue.path, issue.atKey);
  return { file, line, col, path: issue.path.join('.'), message: issue.message };
}

const byPosition = (a: SchemeIssue, b: SchemeIssue): number => a.line - b.line || a.col - b.col;
