import { I18n } from './i18n';

/**
 * Match reasons are recorded in the SuspectedDuplicateDetected event as English sentences (the
 * events are the record; old ones stay as written). The console reads them back by shape and
 * shows them in the chosen language; an unknown shape is shown as recorded and reported untranslated.
 */
const SHAPES: readonly { readonly key: string; readonly pattern: RegExp; readonly vars: readonly string[] }[] = [
  { key: 'reason.sameRegion', pattern: /^same 省\/市: (.*)\/(.*)$/, vars: ['province', 'city'] },
  { key: 'reason.nameSimilarity', pattern: /^name similarity ([\d.]+) \((.*) ~ (.*)\)$/, vars: ['score', 'a', 'b'] },
  { key: 'reason.addressSimilarity', pattern: /^address similarity ([\d.]+) \((.*) ~ (.*)\)$/, vars: ['score', 'a', 'b'] },
  { key: 'reason.noAddress', pattern: /^no address to compare$/, vars: [] },
];

export function localiseReason(reason: string, { tx }: Pick<I18n, 'tx'>): string {
  for (const shape of SHAPES) {
    const match = shape.pattern.exec(reason);
    if (!match) continue;
    const vars: Record<string, string> = {};
    shape.vars.forEach((name, i) => (vars[name] = name === 'score' ? percent(match[i + 1] ?? '') : (match[i + 1] ?? '')));
    return tx(shape.key, reason, vars);
  }
  return tx(`reason.${reason}`, reason);
}

function percent(score: string): string {
  const n = Number(score);
  return Number.isFinite(n) && n <= 1 ? `${Math.round(n * 100)}%` : score;
}
