import { ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { StatusHistory } from '../api/types';
import { useSession } from '../auth/session';
import { ErrorBox } from '../components/ui';
import { useAsync, useInterval } from '../components/use-async';
import { useI18n } from '../i18n/i18n';

const REFRESH_MS = 15_000;
const COLORS = { blue: '#2f6fde', amber: '#d98a00', green: '#2f9e5b', red: '#d64545', violet: '#7a5ad8' };

/**
 * The status page's trends, from the samples the hub keeps (GET /status/history): lag, throughput
 * and the WDT → Kingdee delay over the last hour, and the WDT sync runs of the last days. Loaded
 * lazily: the chart library is only fetched by people who open this page.
 */
export default function StatusCharts() {
  const { t } = useI18n();
  const { api } = useSession();
  const history = useAsync(() => api.statusHistory(), [api]);
  useInterval(history.reload, REFRESH_MS);
  const data = history.data;
  return (
    <div className="charts" data-testid="status-charts">
      <ErrorBox error={history.error} onRetry={history.reload} />
      {data ? (
        <>
          {data.samples.length < 2 ? <p className="muted">{t('charts.collecting')}</p> : null}
          <div className="chart-grid">
            <Chart title={t('charts.lag')} testId="chart-lag">
              <SampleChart
                data={data}
                series={[
                  { key: 'processorLagEvents', label: t('charts.processorLag'), color: COLORS.amber },
                  { key: 'sinkLag', label: t('charts.sinkLag'), color: COLORS.violet },
                ]}
              />
            </Chart>
            <Chart title={t('charts.throughput')} testId="chart-throughput">
              <SampleChart
                data={data}
                perMinute
                series={[
                  { key: 'eventsAppended', label: t('charts.events'), color: COLORS.blue },
                  { key: 'kingdeeSaves', label: t('charts.kingdeeSaves'), color: COLORS.green },
                ]}
              />
            </Chart>
            <Chart title={t('charts.latency')} testId="chart-latency">
              <SampleChart
                data={data}
                series={[
                  { key: 'wdtToKingdeeAvgSeconds', label: t('charts.latencyAvg'), color: COLORS.blue },
                  { key: 'wdtToKingdeeMaxSeconds', label: t('charts.latencyMax'), color: COLORS.red },
                ]}
              />
            </Chart>
            <Chart title={t('charts.syncRuns')} testId="chart-sync-runs">
              <SyncRunsChart runs={data.syncRuns ?? []} />
            </Chart>
          </div>
        </>
      ) : null}
    </div>
  );
}

function Chart({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <section className="chart" data-testid={testId}>
      <h3>{title}</h3>
      <ResponsiveContainer width="100%" height={200}>
        {children as React.ReactElement}
      </ResponsiveContainer>
    </section>
  );
}

type SampleKey = 'processorLagEvents' | 'sinkLag' | 'eventsAppended' | 'kingdeeSaves' | 'wdtToKingdeeAvgSeconds' | 'wdtToKingdeeMaxSeconds';

/** Samples over time; `perMinute` turns counts since the previous sample into a rate. */
function SampleChart({
  data,
  series,
  perMinute = false,
}: {
  data: StatusHistory;
  series: { key: SampleKey; label: string; color: string }[];
  perMinute?: boolean;
}) {
  const { lang } = useI18n();
  const first = data.samples[0];
  const last = data.samples.at(-1);
  // Seconds on the axis while the samples span only a few minutes (a hub just started).
  const short = first && last ? Date.parse(last.at) - Date.parse(first.at) < 10 * 60_000 : true;
  const time = new Intl.DateTimeFormat(lang, {
    hour: '2-digit',
    minute: '2-digit',
    ...(short ? { second: '2-digit' } : {}),
    hour12: false,
  });
  const points = data.samples.map((sample, i) => {
    const previous = data.samples[i - 1];
    const minutes = previous ? (Date.parse(sample.at) - Date.parse(previous.at)) / 60_000 : null;
    const point: Record<string, number | null> = { t: Date.parse(sample.at) };
    for (const { key } of series) {
      const value = sample[key];
      point[key] = !perMinute ? value : minutes && value !== null ? round(value / minutes) : null;
    }
    return point;
  });
  return (
    <LineChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
      <CartesianGrid strokeDasharray="3 3" stroke="#e5e8ef" />
      <XAxis dataKey="t" type="number" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={(v: number) => time.format(v)} />
      <YAxis allowDecimals={false} width={48} />
      <Tooltip labelFormatter={(v) => time.format(Number(v))} />
      <Legend />
      {series.map((s) => (
        <Line
          key={s.key}
          dataKey={s.key}
          name={s.label}
          stroke={s.color}
          dot={(dot: LoneDotProps) => loneDot(dot, points, s.key, s.color)}
          isAnimationActive={false}
          connectNulls={false}
        />
      ))}
    </LineChart>
  );
}

interface LoneDotProps {
  readonly cx?: number;
  readonly cy?: number;
  readonly index: number;
}

/**
 * Gaps are not bridged (no saves in a minute is not an average), so a value between two gaps has
 * no line to sit on: it gets a dot, or a single WDT → Kingdee delay would not show at all.
 */
function loneDot({ cx, cy, index }: LoneDotProps, points: Record<string, number | null>[], key: string, color: string) {
  const lone = points[index]?.[key] != null && points[index - 1]?.[key] == null && points[index + 1]?.[key] == null;
  if (!lone || cx === undefined || cy === undefined) return <g key={`${key}-${index}`} />;
  return <circle key={`${key}-${index}`} className="lone-point" cx={cx} cy={cy} r={3} fill={color} stroke={color} />;
}

function SyncRunsChart({ runs }: { runs: NonNullable<StatusHistory['syncRuns']> }) {
  const { t, lang } = useI18n();
  const day = new Intl.DateTimeFormat(lang, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
  const points = runs.map((r) => ({ t: day.format(Date.parse(r.startedAt)), created: r.created, changed: r.changed, failed: r.failed }));
  return (
    <BarChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
      <CartesianGrid strokeDasharray="3 3" stroke="#e5e8ef" />
      <XAxis dataKey="t" />
      <YAxis allowDecimals={false} width={48} />
      <Tooltip />
      <Legend />
      <Bar dataKey="created" name={t('run.created')} stackId="run" fill={COLORS.green} isAnimationActive={false} />
      <Bar dataKey="changed" name={t('run.changed')} stackId="run" fill={COLORS.blue} isAnimationActive={false} />
      <Bar dataKey="failed" name={t('run.failed')} stackId="run" fill={COLORS.red} isAnimationActive={false} />
    </BarChart>
  );
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
