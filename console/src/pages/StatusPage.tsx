import { arr, first, num, obj } from '../api/read';
import { useSession } from '../auth/session';
import { DataView, humanise } from '../components/data-view';
import { ErrorBox, Panel, Spinner } from '../components/ui';
import { useAsync, useInterval } from '../components/use-async';
import { useI18n } from '../i18n/i18n';

const REFRESH_SECONDS = 5;

export function StatusPage() {
  const { t } = useI18n();
  return (
    <div className="page">
      <div className="page-header"><h1>{t('status.title')}</h1></div>
      <StatusDashboard />
    </div>
  );
}

/** GET /status every few seconds: headline numbers as tiles, the rest (processors, consumers, runs) as tables. */
export function StatusDashboard() {
  const { t, dateTime } = useI18n();
  const { api } = useSession();
  const status = useAsync(async () => ({ body: await api.status(), at: new Date().toISOString() }), [api]);
  useInterval(status.reload, REFRESH_SECONDS * 1000);
  const body = obj(status.data?.body);
  const tiles = headline(body);
  const sections = Object.entries(body).filter(([name]) => !tiles.some((tile) => tile.name === name));
  return (
    <Panel
      title={t('status.title')}
      className="status-dashboard"
      actions={
        <span className="muted">
          {status.loading ? <Spinner /> : null} {status.data ? t('common.updatedAt', { time: dateTime(status.data.at) }) : null} · {t('common.autoRefresh', { seconds: REFRESH_SECONDS })}
        </span>
      }
    >
      <ErrorBox error={status.error} onRetry={status.reload} />
      {tiles.length > 0 ? (
        <div className="tiles" data-testid="status-tiles">
          {tiles.map((tile) => (
            <div key={tile.name} className={`tile ${tile.warn ? 'tile-warn' : ''}`}>
              <div className="tile-value">{tile.value.toLocaleString()}</div>
              <div className="tile-label">{labelOf(tile.name, t)}</div>
            </div>
          ))}
        </div>
      ) : null}
      <div className="status-sections">
        {sections.map(([name, value]) => (
          <section key={name} className="status-section">
            <h3>{labelOf(name, t)}</h3>
            <DataView value={value} />
          </section>
        ))}
      </div>
    </Panel>
  );
}

type T = ReturnType<typeof useI18n>['t'];

const LABELS: Record<string, Parameters<T>[0]> = {
  events: 'status.events', eventCount: 'status.events', processors: 'status.processors', consumers: 'status.consumers',
  consumerLag: 'status.consumers', lastRuns: 'status.lastRuns', lastSyncRuns: 'status.lastRuns', dlq: 'status.dlq',
  dlqSize: 'status.dlq', openTasks: 'status.openTasks', tasks: 'status.openTasks',
};

function labelOf(name: string, t: T): string {
  const key = LABELS[name];
  return key ? t(key) : humanise(name);
}

/** Top-level numbers (and `{size}`/`{total}`/`{open}` objects) become tiles; a non-zero DLQ or lag is flagged. */
function headline(body: Record<string, unknown>): { name: string; value: number; warn: boolean }[] {
  return Object.entries(body).flatMap(([name, value]) => {
    const n = num(value) ?? (arr(value).length === 0 ? num(first(obj(value), 'size', 'total', 'open', 'count')) : null);
    if (n === null || typeof value === 'boolean') return [];
    return [{ name, value: n, warn: n > 0 && /dlq|lag|fail/i.test(name) }];
  });
}
