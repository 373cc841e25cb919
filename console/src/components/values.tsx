import { FieldValue, SourceKey } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { wdtTypeLabel } from '../i18n/wdt-types';

/** A golden-field value as a steward reads it: type codes labelled, booleans and coordinates spelled out. */
export function FieldValueText({ field, value }: { field: string; value: FieldValue | undefined }) {
  const { t, tx, lang } = useI18n();
  if (value === null || value === undefined || value === '') return <span className="muted">—</span>;
  if (field === 'typeCode' && typeof value === 'number') {
    return (
      <span>
        {wdtTypeLabel(value, lang)} <span className="muted">({value})</span>
      </span>
    );
  }
  if (field === 'status' && typeof value === 'string') return <span>{tx(`status.${value}`, value)}</span>;
  if (typeof value === 'boolean') return <span>{value ? t('common.yes') : t('common.no')}</span>;
  if (typeof value === 'object')
    return (
      <span className="mono">
        {value.x}, {value.y}
      </span>
    );
  return <span>{String(value)}</span>;
}

export function SourceText({ source }: { source: SourceKey | null | undefined }) {
  const { tx } = useI18n();
  if (!source) return <span className="muted">—</span>;
  return (
    <span className={`source source-${source.system}`}>
      <span className="source-system">{tx(`system.${source.system}`, source.system)}</span>
      {source.key ? <span className="mono source-key">{source.key}</span> : null}
    </span>
  );
}

export function valueToText(value: FieldValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return `${value.x}, ${value.y}`;
  return String(value);
}
