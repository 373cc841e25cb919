import { lazy, ReactNode, Suspense } from 'react';
import { HubStatus } from '../api/types';
import { useSession } from '../auth/session';
import { Badge } from '../components/badges';
import { DataView } from '../components/data-view';
import { ErrorBox, Panel, Spinner } from '../components/ui';
import { useAsync, useInterval } from '../components/use-async';
import { useI18n } from '../i18n/i18n';
import { MessageKey } from '../i18n/messages';

const REFRESH_SECONDS = 5;
const StatusCharts = lazy(() => import('./StatusCharts'));

export function StatusPage() {
  const { t } = useI18n();
  return (
    <div className="page">
      <div className="page-header">
        <h1>{t('status.title')}</h1>
      </div>
      <Panel title={t('charts.title')}>
        <Suspense fallback={<Spinner />}>
          <StatusCharts />
        </Suspense>
      </Panel>
      <StatusDashboard />
    </div>
  );
}

/** GET /status (HubStatus) every few seconds: headline tiles, then processors, the Kingdee sink, sync runs, jobs. */
export function StatusDashboard({ refreshKey = 0 }: { refreshKey?: number }) {
  const { t, dateTime } = useI18n();
  const { api } = useSession();
  const status = useAsync(() => api.status(), [api, refreshKey]);
  useInterval(status.reload, REFRESH_SECONDS * 1000);
  return (
    <Panel
      title={t('status.title')}
      className="status-dashboard"
      actions={
        <span className="muted" data-testid="status-updated">
          {status.loading ? <Spinner /> : null} {status.data ? t('common.updatedAt', { time: dateTime(status.data.at) }) : null} ·{' '}
          {t('common.autoRefresh', { seconds: REFRESH_SECONDS })}
        </span>
      }
    >
      <ErrorBox error={status.error} onRetry={status.reload} />
      {status.data ? <StatusBody s={status.data} /> : null}
    </Panel>
  );
}

function StatusBody({ s }: { s: HubStatus }) {
  const { t, tx, dateTime } = useI18n();
  const { processors, kingdeeSink: sink, dlq } = s;
  const byType = s.stewardship?.byType ?? {};
  const maxLag = Math.max(0, ...processors.map((p) => p.lagEvents));
  const tiles: { label: MessageKey; value: ReactNode; warn?: boolean; title?: string }[] = [
    {
      label: 'status.events',
      value: fmt(s.events.count),
      title: t('status.head', { position: s.events.headPosition }),
    },
    { label: 'status.processorLag', value: fmt(maxLag), warn: maxLag > 0 },
    { label: 'status.consumerLag', value: fmt(sink.lag), warn: (sink.lag ?? 0) > 0, title: sink.error },
    { label: 'status.dlq', value: fmt(dlq.messages), warn: (dlq.messages ?? 0) > 0, title: dlq.topic },
    {
      label: 'status.openTasks',
      value: fmt(s.stewardship?.open ?? null),
      title: Object.entries(byType)
        .map(([type, n]) => `${tx(`taskType.${type}`, type)}: ${String(n)}`)
        .join(' · '),
    },
    { label: 'status.jobsRunning', value: fmt(s.jobsRunning.length) },
  ];
  // A sync that would have flagged too many warehouses missing flagged none: a steward should look at WDT.
  const truncated = byType.wdt_listing_truncated ?? 0;
  if (truncated > 0) tiles.push({ label: 'task.wdtListingTruncated', value: fmt(truncated), warn: true });
  return (
    <>
      <div className="tiles" data-testid="status-tiles">
        {tiles.map((tile) => (
          <div key={tile.label} className={`tile ${tile.warn ? 'tile-warn' : ''}`} title={tile.title}>
            <div className="tile-value">{tile.value}</div>
            <div className="tile-label">{t(tile.label)}</div>
          </div>
        ))}
      </div>
      <div className="status-sections">
        <section className="status-section">
          <h3>{t('status.processors')}</h3>
          <table className="table table-compact">
            <thead>
              <tr>
                <th>{t('status.processor')}</th>
                <th>{t('status.kind')}</th>
                <th className="num">{t('status.position')}</th>
                <th className="num">{t('status.lag')}</th>
                <th>{t('common.updatedAt', { time: '' })}</th>
              </tr>
            </thead>
            <tbody>
              {processors.map((p) => (
                <tr key={p.name}>
                  <td className="mono">{p.name}</td>
                  <td>{tx(`processorKind.${p.kind}`, p.kind)}</td>
                  <td className="num mono">{p.position}</td>
                  <td className="num">
                    {p.lagEvents > 0 ? (
                      <Badge tone="amber">
                        {p.lagEvents} · {Math.round(p.lagSeconds)}s
                      </Badge>
                    ) : (
                      <Badge tone="green">0</Badge>
                    )}
                  </td>
                  <td className="muted nowrap">{dateTime(p.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="status-section">
          <h3>
            {t('status.consumers')}: <span className="mono">{sink.group}</span> → <span className="mono">{sink.topic}</span>
          </h3>
          {sink.error ? <div className="notice notice-warn">{sink.error}</div> : null}
          <DataView value={sink.partitions} />
          <h3 className="spaced">
            {t('status.dlq')}: <span className="mono">{dlq.topic}</span>
          </h3>
          <span className="mono">{fmt(dlq.messages)}</span> {dlq.error ? <span className="error-text">{dlq.error}</span> : null}
        </section>
        <section className="status-section wide">
          <h3>{t('status.lastRuns')}</h3>
          <SyncRuns runs={s.wdtSyncRuns ?? []} />
        </section>
        <section className="status-section">
          <h3>{t('status.jobs')}</h3>
          <DataView value={s.jobsRunning} />
          <h3 className="spaced">{t('status.schemes')}</h3>
          <DataView value={s.schemes} />
        </section>
      </div>
    </>
  );
}

function SyncRuns({ runs }: { runs: NonNullable<HubStatus['wdtSyncRuns']> }) {
  const { t, tx, dateTime } = useI18n();
  if (runs.length === 0) return <span className="muted">—</span>;
  const tone = (status: string) => (status === 'succeeded' ? 'green' : status === 'failed' || status === 'abandoned' ? 'red' : 'amber');
  return (
    <table className="table table-compact">
      <thead>
        <tr>
          <th>{t('status.started')}</th>
          <th>{t('status.trigger')}</th>
          <th>{t('field.status')}</th>
          {RUN_COUNTS.map((name) => (
            <th key={name} className="num">
              {t(`run.${name}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {runs.map((r) => (
          <tr key={r.id} title={r.error ?? undefined}>
            <td className="nowrap">{dateTime(r.startedAt)}</td>
            <td>{tx(`trigger.${r.trigger}`, r.trigger)}</td>
            <td>
              <Badge tone={tone(r.status)}>{tx(`run.${r.status}`, r.status)}</Badge>
            </td>
            {RUN_COUNTS.map((name) => (
              <td key={name} className="num mono">
                {fmt(r[name])}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const RUN_COUNTS = ['pages', 'seen', 'created', 'changed', 'unchanged', 'missing', 'failed'] as const;

function fmt(n: number | null): string {
  return n === null ? '—' : n.toLocaleString();
}
