import { useState } from 'react';
import { useSession } from '../auth/session';
import { Badge } from '../components/badges';
import { TASK_TONE } from '../components/task-types';
import { EmptyRow, ErrorBox, KeyValues, Notice, Panel, Spinner } from '../components/ui';
import { useAsync } from '../components/use-async';
import { useI18n } from '../i18n/i18n';
import { MessageKey } from '../i18n/messages';
import { reconciliationApi, ReconciliationTask } from '../reconciliation/reconciliation-api';
import { Link } from '../router';

const TYPES: ReadonlyArray<ReconciliationTask['type']> = ['kingdee_drift', 'kingdee_missing', 'kingdee_unknown'];
const show = (v: unknown): string => (v === null || v === undefined || v === '' ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

/** 对账: the last reconciliation with Kingdee, open findings with both values side by side, and the stewards' actions. */
export function ReconciliationPage() {
  const { t, dateTime } = useI18n();
  const { api, can } = useSession();
  const rc = reconciliationApi(api);
  const findings = useAsync(() => rc.findings(), [api]);
  const [busy, setBusy] = useState<string | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const act = async (key: string, work: () => Promise<unknown>, done: MessageKey) => {
    setBusy(key);
    setError(null);
    try {
      await work();
      setFlash(t(done));
      findings.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  const runNow = () =>
    act(
      'run',
      async () => {
        const job = await rc.start();
        for (;;) {
          const now = await rc.job(job.id);
          if (now.status !== 'running') {
            if (now.status === 'failed') throw new Error(now.error?.message ?? 'reconciliation failed');
            return;
          }
          await new Promise((r) => setTimeout(r, 500));
        }
      },
      'rc.ran',
    );

  const data = findings.data;
  const last = data?.lastRun;
  return (
    <div className="page" data-testid="reconciliation">
      <div className="page-header">
        <h1>{t('rc.title')}</h1>
        {findings.loading || busy ? <Spinner /> : null}
        {can('admin') ? (
          <button className="btn btn-small btn-primary" disabled={busy !== null} onClick={runNow}>
            {t('rc.runNow')}
          </button>
        ) : null}
        <button className="btn btn-small btn-ghost" onClick={findings.reload}>
          {t('common.refresh')}
        </button>
      </div>
      <ErrorBox error={findings.error ?? error} onRetry={findings.reload} />
      {flash ? (
        <Notice tone="success" onClose={() => setFlash(null)}>
          {flash}
        </Notice>
      ) : null}
      {data ? (
        <Panel title={t('rc.lastRun')}>
          <KeyValues
            rows={[
              [t('rc.finishedAt'), last?.finishedAt ? dateTime(last.finishedAt) : t('rc.never')],
              [t('rc.compared'), data.report ? `${data.report.checked} / ${data.report.kingdeeRecords}` : '—'],
              [t('rc.calls'), last?.kingdeeCalls ?? '—'],
              ...TYPES.map((type) => [t(`rc.type.${type}`), <span data-testid={`rc-count-${type}`}>{data.open[type]}</span>] as const),
              ...(data.lastAttempt?.status === 'failed' ? ([[t('rc.lastFailed'), data.lastAttempt.error ?? '']] as const) : []),
            ]}
          />
        </Panel>
      ) : null}
      {data ? (
        <table className="table" data-testid="rc-tasks">
          <thead>
            <tr>
              <th>{t('rc.finding')}</th>
              <th>{t('field.warehouseNo')}</th>
              <th>{t('rc.field')}</th>
              <th>{t('rc.kingdee')}</th>
              <th>{t('rc.golden')}</th>
              <th>{t('fail.opened')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {data.tasks.flatMap((task) =>
              rowsOf(task).map((row, i) => (
                <tr key={`${task.taskId}-${i}`}>
                  <td>{i === 0 ? <Badge tone={TASK_TONE[task.type]}>{t(`rc.type.${task.type}`)}</Badge> : null}</td>
                  <td className="mono">
                    {i === 0 && task.goldenId ? (
                      <Link to={`/warehouses/${encodeURIComponent(task.goldenId)}`}>{task.warehouseNo ?? task.goldenId}</Link>
                    ) : null}
                    {i === 0 && task.type === 'kingdee_unknown' && task.goldenId ? (
                      <span className="muted"> ({t('rc.candidate')})</span>
                    ) : null}
                  </td>
                  <td className="mono">{row.field}</td>
                  <td>{row.kingdee}</td>
                  <td>{row.golden}</td>
                  <td className="nowrap muted">{i === 0 ? dateTime(task.openedAt) : null}</td>
                  <td className="nowrap">
                    {i === 0 && can('steward')
                      ? task.actions.map((action) => (
                          <button
                            key={action}
                            className="btn btn-small"
                            disabled={busy !== null || (action === 'adopt' && !task.goldenId)}
                            onClick={() => act(task.taskId, () => rc.resolve(task.taskId, action), 'rc.done')}
                          >
                            {t(`rc.action.${action}` as MessageKey)}
                          </button>
                        ))
                      : null}
                  </td>
                </tr>
              )),
            )}
            {data.tasks.length === 0 ? <EmptyRow columns={7}>{t('rc.empty')}</EmptyRow> : null}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}

/** Each drifted field on its own line, Kingdee's value beside the golden one. */
function rowsOf(task: ReconciliationTask): { field: string; kingdee: string; golden: string }[] {
  const d = task.details;
  if ('fields' in d) return d.fields.map((f) => ({ field: f.field, kingdee: show(f.kingdee), golden: show(f.golden) }));
  if ('fStockId' in d) return [{ field: 'FStockId', kingdee: '—', golden: show(d.fStockId) }];
  return [{ field: 'FNumber', kingdee: `${show(d.FNumber)} · ${show(d.FName)} (${show(d.FStockId)})`, golden: show(task.name) }];
}
