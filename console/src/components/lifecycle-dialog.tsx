import { FormEvent, useState } from 'react';
import { ApiError } from '../api/client';
import { WarehouseDetail } from '../api/types';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { Modal } from './ui';

export type LifecycleAction = 'retire' | 'restore';

/**
 * Retire or restore a golden record, with a reason for the audit trail. Retiring forbids its
 * warehouse in Kingdee (禁用); restoring enables it again. 412 goes back to the page (reload + notice).
 */
export function LifecycleDialog({
  action,
  onSubmit,
  onClose,
  onConflict,
}: {
  action: LifecycleAction;
  onSubmit(reason: string): Promise<void>;
  onClose(): void;
  onConflict(): void;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim() === '') return setError(t('common.reasonRequired'));
    setBusy(true);
    setError(null);
    try {
      await onSubmit(reason.trim());
    } catch (e) {
      setBusy(false);
      if (e instanceof ApiError && e.status === 412) return onConflict();
      setError(e instanceof ApiError ? `${e.code}: ${e.message}` : String(e));
    }
  };

  return (
    <Modal
      title={t(action === 'retire' ? 'lifecycle.retireTitle' : 'lifecycle.restoreTitle')}
      onClose={onClose}
      footer={
        <>
          <button className="btn" type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button
            className={action === 'retire' ? 'btn btn-danger' : 'btn btn-primary'}
            type="submit"
            form="lifecycle-form"
            disabled={busy}
          >
            {t(action === 'retire' ? 'lifecycle.retire' : 'lifecycle.restore')}
          </button>
        </>
      }
    >
      <form id="lifecycle-form" className="form" onSubmit={submit}>
        <p className="muted">{t(action === 'retire' ? 'lifecycle.retireHint' : 'lifecycle.restoreHint')}</p>
        <label className="field">
          <span>{t('common.reason')} *</span>
          <textarea name="reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
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

/** The retire / restore button for a steward on a record's page (a merged-away record cannot be restored). */
export function LifecycleButton({
  record,
  onChanged,
  onFlash,
}: {
  record: WarehouseDetail;
  onChanged(changed?: WarehouseDetail): void;
  onFlash(tone: 'success' | 'warn', text: string): void;
}) {
  const { t } = useI18n();
  const { api } = useSession();
  const [open, setOpen] = useState(false);
  const retired = record.record.status === 'retired';
  if (retired && record.record.mergedInto) return null;
  const action: LifecycleAction = retired ? 'restore' : 'retire';
  const submit = async (reason: string) => {
    const changed = await api.lifecycle(record.goldenId, action, reason, record.version);
    setOpen(false);
    onFlash('success', t(action === 'retire' ? 'lifecycle.retired' : 'lifecycle.restored'));
    onChanged(changed);
  };
  const conflict = () => {
    setOpen(false);
    onFlash('warn', t('detail.conflict'));
    onChanged();
  };
  return (
    <>
      <button className={retired ? 'btn' : 'btn btn-danger'} data-testid={`lifecycle-${action}`} onClick={() => setOpen(true)}>
        {t(action === 'retire' ? 'lifecycle.retire' : 'lifecycle.restore')}
      </button>
      {open ? <LifecycleDialog action={action} onSubmit={submit} onClose={() => setOpen(false)} onConflict={conflict} /> : null}
    </>
  );
}
