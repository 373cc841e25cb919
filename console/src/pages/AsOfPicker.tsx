import { FormEvent, useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n';

/** `<input type=datetime-local>` speaks local time; the API wants an ISO instant. */
function toLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 19);
}

export function AsOfPicker({ asOf, onChange }: { asOf: string | undefined; onChange(asOf: string | undefined): void }) {
  const { t } = useI18n();
  const [value, setValue] = useState(toLocalInput(asOf));
  useEffect(() => setValue(toLocalInput(asOf)), [asOf]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const date = new Date(value);
    onChange(value && !Number.isNaN(date.getTime()) ? date.toISOString() : undefined);
  };
  return (
    <form className="asof" onSubmit={submit}>
      <label>
        {t('detail.asOf')}
        <input name="asOf" type="datetime-local" step={1} value={value} onChange={(e) => setValue(e.target.value)} />
      </label>
      <button className="btn btn-small" type="submit" disabled={!value}>
        {t('detail.asOfApply')}
      </button>
      {asOf ? (
        <button className="btn btn-small btn-ghost" type="button" onClick={() => onChange(undefined)}>
          {t('detail.asOfNow')}
        </button>
      ) : null}
    </form>
  );
}
