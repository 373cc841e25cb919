import { FormEvent, useState } from 'react';
import { ApiError } from '../api/client';
import { FieldValue } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { WDT_TYPES, wdtTypeLabel } from '../i18n/wdt-types';
import { MessageKey } from '../i18n/messages';
import { Modal } from './ui';
import { FieldValueText, valueToText } from './values';

export interface OverrideRequest {
  readonly field: string;
  readonly mode: 'set' | 'remove';
  readonly current: FieldValue;
  /** The record version the steward was looking at when opening the dialog: sent as If-Match. */
  readonly version: number;
}

/** Set or remove a steward override; a reason is always asked for. 412 goes back to the page (reload + notice). */
export function OverrideDialog({
  request,
  onSubmit,
  onClose,
  onConflict,
}: {
  request: OverrideRequest;
  onSubmit(value: FieldValue, reason: string): Promise<void>;
  onClose(): void;
  /** 412: `actual` is the version the record is really at (the error's details), when the hub says. */
  onConflict(actual: number | null): void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(() => initialDraft(request.field, request.current));
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fieldName = t(`field.${request.field}` as MessageKey);
  const removing = request.mode === 'remove';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim() === '') return setError(t('common.reasonRequired'));
    const value = removing ? null : parseDraft(request.field, draft);
    if (value === undefined) return setError(`${fieldName}?`);
    setBusy(true);
    setError(null);
    try {
      await onSubmit(value, reason.trim());
    } catch (e) {
      setBusy(false);
      if (e instanceof ApiError && e.status === 412) return onConflict(actualVersion(e.details));
      setError(e instanceof ApiError ? `${e.code}: ${e.message}` : String(e));
    }
  };

  return (
    <Modal
      title={t(removing ? 'override.removeTitle' : 'override.title', { field: fieldName })}
      onClose={onClose}
      footer={
        <>
          <button className="btn" type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button className={removing ? 'btn btn-danger' : 'btn btn-primary'} type="submit" form="override-form" disabled={busy}>
            {removing ? t('detail.removeOverride') : t('common.save')}
          </button>
        </>
      }
    >
      <form id="override-form" className="form" onSubmit={submit}>
        <div className="field">
          <span>{t('override.current')}</span>
          <div className="readonly-value">
            <FieldValueText field={request.field} value={request.current} />
          </div>
        </div>
        {removing ? (
          <p className="muted">{t('override.removeHint')}</p>
        ) : (
          <ValueEditor field={request.field} draft={draft} onChange={setDraft} />
        )}
        <label className="field">
          <span>{t('common.reason')} *</span>
          <textarea name="reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus={removing} />
        </label>
        {error ? (
          <div className="notice notice-error" role="alert">
            {error}
          </div>
        ) : null}
      </form>
    </Modal>
  );
}

function actualVersion(details: unknown): number | null {
  const actual = (details as { actual?: unknown } | undefined)?.actual;
  return typeof actual === 'number' ? actual : null;
}

type Draft = { text: string; x: string; y: string };

function initialDraft(field: string, value: FieldValue): Draft {
  if (field === 'coordinates' && value && typeof value === 'object') return { text: '', x: String(value.x), y: String(value.y) };
  return { text: valueToText(value), x: '', y: '' };
}

/** undefined = not a valid value for the field. */
function parseDraft(field: string, draft: Draft): FieldValue | undefined {
  switch (field) {
    case 'typeCode':
      return draft.text === '' ? null : Number(draft.text);
    case 'isDefect':
      return draft.text === 'true';
    case 'coordinates': {
      if (draft.x.trim() === '' && draft.y.trim() === '') return null;
      const x = Number(draft.x);
      const y = Number(draft.y);
      return Number.isFinite(x) && Number.isFinite(y) ? { x, y } : undefined;
    }
    default:
      return draft.text.trim() === '' ? null : draft.text.trim();
  }
}

function ValueEditor({ field, draft, onChange }: { field: string; draft: Draft; onChange(draft: Draft): void }) {
  const { t, lang } = useI18n();
  const set = (patch: Partial<Draft>) => onChange({ ...draft, ...patch });
  const label = <span>{t('override.newValue')}</span>;
  if (field === 'typeCode') {
    return (
      <label className="field">
        {label}
        <select name="value" value={draft.text} onChange={(e) => set({ text: e.target.value })}>
          {WDT_TYPES.map((type) => (
            <option key={type.code} value={type.code}>
              {wdtTypeLabel(type.code, lang)} ({type.code})
            </option>
          ))}
        </select>
      </label>
    );
  }
  if (field === 'status' || field === 'isDefect') {
    const options =
      field === 'status'
        ? [
            ['active', t('status.active')],
            ['disabled', t('status.disabled')],
          ]
        : [
            ['true', t('common.yes')],
            ['false', t('common.no')],
          ];
    return (
      <label className="field">
        {label}
        <select name="value" value={draft.text} onChange={(e) => set({ text: e.target.value })}>
          {options.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      </label>
    );
  }
  if (field === 'coordinates') {
    return (
      <div className="field-row">
        <label className="field">
          <span>{t('override.x')}</span>
          <input name="x" inputMode="decimal" value={draft.x} onChange={(e) => set({ x: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('override.y')}</span>
          <input name="y" inputMode="decimal" value={draft.y} onChange={(e) => set({ y: e.target.value })} />
        </label>
      </div>
    );
  }
  return (
    <label className="field">
      {label}
      <input name="value" value={draft.text} onChange={(e) => set({ text: e.target.value })} autoFocus />
    </label>
  );
}
