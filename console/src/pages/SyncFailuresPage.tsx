import { useState } from 'react';
import { StewardshipTask } from '../api/types';
import { useSession } from '../auth/session';
import { Badge } from '../components/badges';
import { EmptyRow, ErrorBox, Notice, Spinner } from '../components/ui';
import { useAsync } from '../components/use-async';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';

/** Kingdee sync failures: what failed, why, and a retry that republishes the record. */
export function SyncFailuresPage() {
  const { t, dateTime } = useI18n();
  const { api } = useSession();
  const [showResolved, setShowResolved] = useState(false);
  const tasks = useAsync(() => api.tasks('sync_failure', showResolved ? undefined : 'open'), [api, showResolved]);
  const [busy, setBusy] = useState<string | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const retry = async (task: StewardshipTask) => {
    setBusy(task.taskId);
    setError(null);
    try {
      await api.resolveTask(task.taskId, { action: 'retry' });
      setFlash(t('fail.retried'));
      tasks.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="page">
      <div className="page-header">
        <h1>{t('fail.title')}</h1>
        {tasks.loading ? <Spinner /> : null}
        <label className="checkbox">
          <input type="checkbox" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} /> {t('task.showResolved')}
        </label>
        <button className="btn btn-small btn-ghost" onClick={tasks.reload}>
          {t('common.refresh')}
        </button>
      </div>
      <ErrorBox error={tasks.error ?? error} onRetry={tasks.reload} />
      {flash ? (
        <Notice tone="success" onClose={() => setFlash(null)}>
          {flash}
        </Notice>
      ) : null}
      {tasks.data ? (
        <table className="table" data-testid="sync-failures">
          <thead>
            <tr>
              <th>{t('field.warehouseNo')}</th>
              <th>{t('field.name')}</th>
              <th className="num">{t('common.version')}</th>
              <th>{t('fail.code')}</th>
              <th>{t('fail.message')}</th>
              <th>{t('fail.opened')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {tasks.data.map((task) => {
              const failure = 'code' in task.details ? task.details : null;
              return (
                <tr key={task.taskId}>
                  <td className="mono">
                    {task.record ? (
                      <Link to={`/warehouses/${encodeURIComponent(task.record.goldenId)}`}>
                        {task.record.warehouseNo ?? task.record.goldenId}
                      </Link>
                    ) : null}
                  </td>
                  <td>{task.record?.name ?? task.title}</td>
                  <td className="num mono">{failure?.version ?? '—'}</td>
                  <td>
                    <code className="code">{failure?.code ?? '—'}</code>
                  </td>
                  <td className="error-text">{failure?.message ?? ''}</td>
                  <td className="nowrap muted">{dateTime(task.openedAt)}</td>
                  <td className="nowrap">
                    {task.status === 'open' ? (
                      <button className="btn btn-small btn-primary" disabled={busy === task.taskId} onClick={() => retry(task)}>
                        {t('fail.retry')}
                      </button>
                    ) : (
                      <Badge tone="grey">{t('task.resolved')}</Badge>
                    )}
                  </td>
                </tr>
              );
            })}
            {tasks.data.length === 0 ? <EmptyRow columns={7}>{t('fail.empty')}</EmptyRow> : null}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
