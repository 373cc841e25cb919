import { useState } from 'react';
import { JobRunner } from '../components/job-runner';
import { useI18n } from '../i18n/i18n';
import { StatusDashboard } from './StatusPage';

/** Admin actions with live progress, above the self-refreshing status dashboard. */
export function OperationsPage() {
  const { t } = useI18n();
  const [projection, setProjection] = useState('');
  const [from, setFrom] = useState('');
  const [resyncAll, setResyncAll] = useState(true);
  const [ids, setIds] = useState('');
  const [settled, setSettled] = useState(0);
  const refresh = () => setSettled((n) => n + 1);
  return (
    <div className="page">
      <div className="page-header">
        <h1>{t('ops.title')}</h1>
      </div>
      <div className="ops-grid">
        <JobRunner
          kind="sync-wdt"
          testId="op-sync-wdt"
          title={t('ops.syncWdt')}
          hint={t('ops.syncWdtHint')}
          body={() => ({})}
          onSettled={refresh}
        />
        <JobRunner
          kind="replay"
          testId="op-replay"
          onSettled={refresh}
          title={t('ops.replay')}
          hint={t('ops.replayHint')}
          body={() => ({ ...(projection.trim() ? { projection: projection.trim() } : {}), ...(from.trim() ? { from: from.trim() } : {}) })}
        >
          <div className="field-row">
            <label className="field">
              <span>{t('ops.replayProjection')}</span>
              <input value={projection} onChange={(e) => setProjection(e.target.value)} />
            </label>
            <label className="field">
              <span>{t('ops.replayFrom')}</span>
              <input value={from} inputMode="numeric" onChange={(e) => setFrom(e.target.value)} />
            </label>
          </div>
        </JobRunner>
        <JobRunner
          kind="resync-kingdee"
          testId="op-resync"
          onSettled={refresh}
          title={t('ops.resync')}
          hint={t('ops.resyncHint')}
          body={() => (resyncAll ? { all: true } : { ids: ids.split(/[\s,，]+/).filter(Boolean) })}
        >
          <label className="checkbox">
            <input type="checkbox" checked={resyncAll} onChange={(e) => setResyncAll(e.target.checked)} /> {t('ops.resyncAll')}
          </label>
          {resyncAll ? null : (
            <label className="field">
              <span>{t('ops.resyncIds')}</span>
              <input value={ids} onChange={(e) => setIds(e.target.value)} />
            </label>
          )}
        </JobRunner>
      </div>
      <StatusDashboard refreshKey={settled} />
    </div>
  );
}
