import { lazy, ReactNode, Suspense } from 'react';
import { arr, num, obj, str } from '../api/read';
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
  const s = obj(status.data);
  return (
    <Panel
      title={t('status.title')}
      className="status-dashboard"
      actions={
        <span className="muted" data-testid="status-updated">
          {status.loading ? <Spinner /> : null} {str(s.at) ? t('common.updatedAt', { time: dateTime(str(s.at)) }) : null} ·{' '}
          {t('common.autoRefresh', { seconds: REFRESH_SECONDS })}
        </span>
      }
    >
      <ErrorBox error={status.error} onRetry={status.reload} />
      {status.data ? <StatusBody s={s} /> : null}
    </Panel>
  );
}

function StatusBody({ s }: { s: Record<string, unknown> }) {
  const { t, tx, dateTime } = useI18n();
  const processors = arr(s.processors).map(obj);
  const sink = obj(s.kingdeeSink);
  const dlq = obj(s.dlq);
  const stewardship = obj(s.stewardship);
  const maxLag = Math.max(0, ...processors.map((p) => num(p.lagEvents) ?? 0));
  const tiles: { label: MessageKey; value: ReactNode; warn?: boolean; title?: string }[] = [
    {
      label: 'status.events',
      value: fmt(num(obj(s.events).count)),
      title: t('status.head', { position: str(obj(s.events).headPosition) ?? '' }),
    },
    { label: 'status.processorLag', value: fmt(maxLag), warn: maxLag > 0 },
    { label: 'status.consumerLag', value: fmt(num(sink.lag)), warn: (num(sink.lag) ?? 0) > 0, title: str(sink.error) ?? undefined },
    { label: 'status.dlq', value: fmt(num(dlq.messages)), warn: (num(dlq.messages) ?? 0) > 0, title: str(dlq.topic) ?? undefined },
    {
      label: 'status.openTasks',
      value: fmt(num(stewardship.open)),
      title: Object.entries(obj(stewardship.byType))
        .map(([type, n]) => `${tx(`taskType.${type}`, type)}: ${String(n)}`)
        .join(' · '),
    },
    { label: 'status.jobsRunning', value: fmt(arr(s.jobsRunning).length) },
  ];
  // A sync that would have flagged too many warehouses missing flagged none: a steward should look at WDT.
  const truncated = num(obj(stewardship.byType).wdt_listing_truncated) ?? 0;
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
                <tr key={str(p.name) ?? ''}>
                  <td className="mono">{str(p.name)}</td>
                  <td>{tx(`processorKind.${str(p.kind)}`, str(p.kind) ?? '—')}</td>
                  <td className="num mono">{str(p.position)}</td>
                  <td className="num">
                    {(num(p.lagEvents) ?? 0) > 0 ? (
                      <Badge tone="amber">
                        {num(p.lagEvents)} · {Math.round(num(p.lagSeconds) ?? 0)}s
                      </Badge>
                    ) : (
                      <Badge tone="green">0</Badge>
                    )}
                  </td>
                  <td className="muted nowrap">{dateTime(str(p.updatedAt))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="status-section">
          <h3>
            {t('status.consumers')}: <span className="mono">{str(sink.group)}</span> → <span className="mono">{str(sink.topic)}</span>
          </h3>
          {str(sink.error) ? <div className="notice notice-warn">{str(sink.error)}</div> : null}
          <DataView value={sink.partitions} />
          <h3 className="spaced">
            {t('status.dlq')}: <span className="mono">{str(dlq.topic)}</span>
          </h3>
          <span className="mono">{fmt(num(dlq.messages))}</span>{' '}
          {str(dlq.error) ? <span className="error-text">{str(dlq.error)}</span> : null}
        </section>
        <section className="status-section wide">
          <h3>{t('status.lastRuns')}</h3>
          <SyncRuns runs={arr(s.wdtSyncRuns).map(obj)} />
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

function SyncRuns({ runs }: { runs: Record<string, unknown>[] }) {
  const { t, tx, dateTime } = useI18n();
  if (runs.length === 0) return <span className="muted">—</span>;
  const tone = (status: string | null) =>
    status === 'succeeded' ? 'green' : status === 'failed' || status === 'abandoned' ? 'red' : 'amber';
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
          <tr key={str(r.id) ?? ''} title={str(r.error) ?? undefined}>
            <td className="nowrap">{dateTime(str(r.startedAt))}</td>
            <td>{tx(`trigger.${str(r.trigger)}`, str(r.trigger) ?? '—')}</td>
            <td>
              <Badge tone={tone(str(r.status))}>{tx(`run.${str(r.status)}`, str(r.status) ?? '?')}</Badge>
            </td>
            {RUN_COUNTS.map((name) => (
              <td key={name} className="num mono">
                {fmt(num(r[name]))}
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
