import { FormEvent, useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n';

/**
 * A typed `YYYY-MM-DD HH:mm:ss` in local time rather than `<input type=datetime-local>`: the native
 * picker follows the browser's locale (mm/dd/yyyy in an English Chrome), not the console's language.
 */
function toLocalText(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 19).replace('T', ' ');
}

const LOCAL = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** The instant a local `YYYY-MM-DD[ HH:mm[:ss]]` names, or null when it is not one. */
export function parseLocal(text: string): Date | null {
  const m = LOCAL.exec(text.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((part) => Number(part ?? 0));
  const date = new Date(year!, month! - 1, day!, hour!, minute!, second!);
  return date.getMonth() === month! - 1 && date.getDate() === day! ? date : null;
}

export function AsOfPicker({ asOf, onChange }: { asOf: string | undefined; onChange(asOf: string | undefined): void }) {
  const { t } = useI18n();
  const [value, setValue] = useState(toLocalText(asOf));
  useEffect(() => setValue(toLocalText(asOf)), [asOf]);
  const parsed = parseLocal(value);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange(parsed ? parsed.toISOString() : undefined);
  };
  return (
    <form className="asof" onSubmit={submit}>
      <label>
        {t('detail.asOf')}
        <input
          name="asOf"
          className="mono"
          placeholder={t('detail.asOfFormat')}
          aria-invalid={value !== '' && !parsed}
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
      </label>
      <button className="btn btn-small" type="submit" disabled={!parsed}>
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
