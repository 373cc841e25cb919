import { FormEvent, useState } from 'react';
import { ApiError } from '../api/client';
import { useSessionState } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { LangSwitch } from './Layout';

export function SignIn() {
  const { t } = useI18n();
  const { signIn, endedReason } = useSessionState();
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(key.trim());
    } catch (e) {
      setError(e instanceof ApiError && e.status === 401 ? t('auth.invalid') : e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };

  return (
    <div className="signin-page">
      <div className="signin-lang">
        <LangSwitch />
      </div>
      <form className="signin-card" onSubmit={submit}>
        <div className="brand brand-large">
          <span className="brand-mark">MDM</span>
          <div>
            <div className="brand-title">{t('app.title')}</div>
            <div className="brand-subtitle">{t('app.subtitle')}</div>
          </div>
        </div>
        <h1>{t('auth.title')}</h1>
        <p className="muted">{t('auth.intro')}</p>
        {endedReason === 'expired' ? <div className="notice notice-warn">{t('auth.expired')}</div> : null}
        <label className="field">
          <span>{t('auth.key')}</span>
          <input name="apiKey" type="password" autoComplete="off" autoFocus required value={key} onChange={(e) => setKey(e.target.value)} />
        </label>
        {error ? (
          <div className="notice notice-error" role="alert">
            {error}
          </div>
        ) : null}
        <button className="btn btn-primary btn-block" type="submit" disabled={busy || key.trim() === ''}>
          {busy ? t('auth.signingIn') : t('auth.submit')}
        </button>
      </form>
    </div>
  );
}
