import { ReactNode, useState } from 'react';
import { Job } from '../api/types';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { Badge } from './badges';
import { DataView, humanise } from './data-view';
import { ErrorBox } from './ui';
import { useInterval } from './use-async';

/** One operator action: a form, a run button, then live progress polled from GET /jobs/{id} until it ends. */
export function JobRunner({
  kind,
  title,
  hint,
  children,
  body,
  testId,
  onSettled,
}: {
  kind: Job['kind'];
  title: string;
  hint: string;
  children?: ReactNode;
  body(): Record<string, unknown>;
  testId: string;
  /** Called when the job ends either way (the dashboard below refreshes). */
  onSettled?: () => void;
}) {
  const { t } = useI18n();
  const { api } = useSession();
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [starting, setStarting] = useState(false);
  const running = job?.status === 'running';

  useInterval(
    () => {
      if (!job) return;
      api.job(job).then((next) => {
        setJob(next);
        if (next.status !== 'running') onSettled?.();
      }, setError);
    },
    running ? 1000 : null,
  );

  const start = async () => {
    if (!window.confirm(t('ops.confirm', { action: title }))) return;
    setStarting(true);
    setError(null);
    try {
      setJob(await api.startJob(kind, body()));
    } catch (e) {
      setError(e);
    } finally {
      setStarting(false);
    }
  };

  return (
    <section className="panel job" data-testid={testId}>
      <header className="panel-header">
        <h2>{title}</h2>
        {job ? <JobBadge job={job} /> : null}
      </header>
      <div className="panel-body">
        <p className="muted">{hint}</p>
        {children}
        <button className="btn btn-primary" onClick={start} disabled={starting || running}>
          {running || starting ? t('ops.running') : t('ops.run')}
        </button>
        <ErrorBox error={error} />
        {job ? <JobProgress job={job} /> : null}
      </div>
    </section>
  );
}

function JobBadge({ job }: { job: Job }) {
  const { t } = useI18n();
  if (job.status === 'succeeded') return <Badge tone="green">{t('ops.succeeded')}</Badge>;
  if (job.status === 'failed' || job.status === 'abandoned') return <Badge tone="red">{t('ops.failed')}</Badge>;
  return <Badge tone="amber">{t('ops.running')}</Badge>;
}

function JobProgress({ job }: { job: Job }) {
  const { t, tx, dateTime } = useI18n();
  const fraction = job.total ? Math.min(1, (job.done ?? 0) / job.total) : job.status === 'succeeded' ? 1 : null;
  return (
    <div className="job-progress" data-status={job.status}>
      <div className={`progress ${fraction === null ? 'indeterminate' : ''} ${job.status}`}>
        <div className="progress-bar" style={{ width: fraction === null ? undefined : `${Math.round(fraction * 100)}%` }} />
      </div>
      <div className="job-meta muted">
        {job.done !== null ? (
          <span className="mono">
            {job.kind === 'sync-wdt' ? t('ops.pages', { pages: job.done }) : `${job.done}${job.total !== null ? ` / ${job.total}` : ''}`}
          </span>
        ) : null}
        {job.startedAt ? <span>{t('ops.started', { time: dateTime(job.startedAt) })}</span> : null}
        <span className="mono">#{job.id}</span>
      </div>
      {job.error ? <div className="notice notice-error">{job.error}</div> : null}
      {job.summary && Object.keys(job.summary).length > 0 ? (
        <div className="job-summary">
          <h3>{t('ops.summary')}</h3>
          <DataView value={job.summary} label={(name) => tx(`run.${name}`, humanise(name))} />
        </div>
      ) : null}
    </div>
  );
}
