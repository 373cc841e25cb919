import { useSession } from '../auth/session';
import { Badge } from '../components/badges';
import { TASK_PAGE, TASK_TONE, TaskType } from '../components/task-types';
import { EmptyRow, ErrorBox, Spinner } from '../components/ui';
import { useAsync } from '../components/use-async';
import { useI18n } from '../i18n/i18n';
import { reconciliationApi } from '../reconciliation/reconciliation-api';
import { Link } from '../router';

interface InboxRow {
  readonly taskId: string;
  readonly type: TaskType;
  readonly goldenId: string | null;
  readonly code: string | null;
  readonly name: string | null;
  readonly openedAt: string;
}

/**
 * 待办: every open stewardship task in one list, newest first, with a count per type and a link to the
 * page that handles it. Unknown Kingdee records are not tasks of a golden record, so they come from the
 * reconciliation findings.
 */
export function InboxPage() {
  const { t, tx, dateTime } = useI18n();
  const { api } = useSession();
  const rows = useAsync(async (): Promise<InboxRow[]> => {
    const [tasks, findings] = await Promise.all([api.tasks(undefined, 'open'), reconciliationApi(api).findings()]);
    const fromTasks = tasks.map((task) => ({
      taskId: task.taskId,
      type: task.type,
      goldenId: task.record?.goldenId ?? null,
      code: task.record?.warehouseNo ?? null,
      name: task.record?.name ?? null,
      openedAt: task.openedAt,
    }));
    const unknown = findings.tasks
      .filter((task) => task.type === 'kingdee_unknown')
      .map((task) => {
        const kingdee = 'FNumber' in task.details ? task.details : null;
        return {
          taskId: task.taskId,
          type: task.type,
          goldenId: null,
          code: kingdee?.FNumber ?? null,
          name: kingdee?.FName ?? null,
          openedAt: task.openedAt,
        };
      });
    return [...fromTasks, ...unknown].sort((a, b) => b.openedAt.localeCompare(a.openedAt));
  }, [api]);
  const counts = new Map<TaskType, number>();
  for (const row of rows.data ?? []) counts.set(row.type, (counts.get(row.type) ?? 0) + 1);

  return (
    <div className="page" data-testid="inbox">
      <div className="page-header">
        <h1>{t('inbox.title')}</h1>
        {rows.loading ? <Spinner /> : null}
        <button className="btn btn-small btn-ghost" onClick={rows.reload}>
          {t('common.refresh')}
        </button>
      </div>
      <ErrorBox error={rows.error} onRetry={rows.reload} />
      {counts.size > 0 ? (
        <p className="muted" data-testid="inbox-counts">
          {[...counts].map(([type, n]) => `${tx(`taskType.${type}`, type)} ${n}`).join(' · ')}
        </p>
      ) : null}
      {rows.data ? (
        <table className="table">
          <thead>
            <tr>
              <th>{t('inbox.type')}</th>
              <th>{t('field.warehouseNo')}</th>
              <th>{t('field.name')}</th>
              <th>{t('inbox.opened')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.data.map((row) => (
              <tr key={row.taskId}>
                <td className="nowrap">
                  <Badge tone={TASK_TONE[row.type]}>{tx(`taskType.${row.type}`, row.type)}</Badge>
                </td>
                <td className="mono">
                  {row.goldenId ? (
                    <Link to={`/warehouses/${encodeURIComponent(row.goldenId)}`}>{row.code ?? row.goldenId}</Link>
                  ) : (
                    (row.code ?? '—')
                  )}
                </td>
                <td>{row.name ?? '—'}</td>
                <td className="nowrap muted">{dateTime(row.openedAt)}</td>
                <td className="nowrap">
                  <Link to={TASK_PAGE[row.type]}>{t('inbox.handle')}</Link>
                </td>
              </tr>
            ))}
            {rows.data.length === 0 ? <EmptyRow columns={5}>{t('inbox.empty')}</EmptyRow> : null}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
