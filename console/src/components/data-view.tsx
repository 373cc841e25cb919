import { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

/**
 * Renders any JSON readably: arrays of objects as tables, objects as key/value lists, times formatted.
 * Property names are labels too: `data.<name>` in the dictionary unless `label` says otherwise.
 */
export function DataView({ value, label }: { value: unknown; label?: (name: string) => string }): ReactNode {
  const { dateTime, tx } = useI18n();
  label ??= (name) => tx(`data.${name}`, humanise(name));
  if (value === null || value === undefined) return <span className="muted">—</span>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="muted">—</span>;
    if (value.every((v) => typeof v === 'object' && v !== null && !Array.isArray(v)))
      return <ObjectTable rows={value as Record<string, unknown>[]} label={label} />;
    return <span>{value.map((v) => scalar(v, dateTime)).join(', ')}</span>;
  }
  if (typeof value === 'object') {
    return (
      <dl className="kv">
        {Object.entries(value as Record<string, unknown>).map(([name, v]) => (
          <div className="kv-row" key={name}>
            <dt>{label(name)}</dt>
            <dd>
              <DataView value={v} label={label} />
            </dd>
          </div>
        ))}
      </dl>
    );
  }
  return <span className={typeof value === 'number' ? 'mono' : undefined}>{scalar(value, dateTime)}</span>;
}

function ObjectTable({ rows, label }: { rows: Record<string, unknown>[]; label: (name: string) => string }) {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  return (
    <table className="table table-compact">
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c}>{label(c)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            {columns.map((c) => (
              <td key={c}>
                <DataView value={row[c]} label={label} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function scalar(value: unknown, dateTime: (iso: string) => string): string {
  if (typeof value === 'string' && ISO.test(value)) return dateTime(value);
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

/** `processorLag` → `processor lag`; keeps names recognisable in both languages. */
export function humanise(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
}
