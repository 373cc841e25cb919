import { useEffect, useState } from 'react';
import { GOLDEN_FIELDS, RecordRef, StewardshipTask, WarehouseDetail } from '../api/types';
import { useSession } from '../auth/session';
import { Badge, StatusBadge, SyncBadge } from '../components/badges';
import { pct } from '../components/history';
import { ErrorBox, Modal, Notice, Panel, Spinner } from '../components/ui';
import { useAsync } from '../components/use-async';
import { FieldValueText, valueToText } from '../components/values';
import { useI18n } from '../i18n/i18n';
import { MessageKey } from '../i18n/messages';
import { localiseReason } from '../i18n/reasons';
import { Link } from '../router';

type Decision = { action: 'merge'; survivor: WarehouseDetail; loser: WarehouseDetail } | { action: 'dismiss' };

/** A duplicate's similarity and why (the task's details, by its type). */
function similarity(task: StewardshipTask): { score: number; reasons: readonly string[] } | null {
  return 'score' in task.details ? task.details : null;
}

/** The suspected-duplicates queue: pick a pair, compare side by side, merge into one or dismiss. */
export function DuplicatesPage() {
  const { t } = useI18n();
  const { api } = useSession();
  const tasks = useAsync(() => api.tasks('duplicate', 'open'), [api]);
  const [selected, setSelected] = useState<string | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  // A duplicate always names both records (only a truncated WDT listing has none).
  const open = tasks.data?.filter((task) => task.status === 'open' && task.record) ?? [];
  const current = open.find((task) => task.taskId === selected) ?? open[0];

  return (
    <div className="page">
      <div className="page-header">
        <h1>{t('dup.title')}</h1>
        {tasks.loading ? <Spinner /> : null}
        <button className="btn btn-small btn-ghost" onClick={tasks.reload}>
          {t('common.refresh')}
        </button>
      </div>
      <p className="muted">{t('dup.intro')}</p>
      <ErrorBox error={tasks.error} onRetry={tasks.reload} />
      {flash ? (
        <Notice tone="success" onClose={() => setFlash(null)}>
          {flash}
        </Notice>
      ) : null}
      {tasks.data && open.length === 0 ? <div className="empty-state">{t('dup.empty')}</div> : null}
      {current ? (
        <div className="queue-layout">
          <ul className="queue" data-testid="duplicate-queue">
            {open.map((task) => (
              <li key={task.taskId}>
                <button
                  className={task.taskId === current.taskId ? 'queue-item active' : 'queue-item'}
                  onClick={() => setSelected(task.taskId)}
                >
                  <span className="queue-title">
                    <span className="mono nowrap">
                      {task.record?.warehouseNo ?? task.record?.goldenId} ↔ {task.otherRecord?.warehouseNo ?? task.otherRecord?.goldenId}
                    </span>
                    <span className="queue-sub muted">
                      {task.record?.name} · {task.otherRecord?.name}
                    </span>
                  </span>
                  <span className="queue-meta">{similarity(task) ? <Badge tone="amber">{pct(similarity(task)!.score)}</Badge> : null}</span>
                </button>
              </li>
            ))}
          </ul>
          <DuplicateCompare
            key={current.taskId}
            task={current}
            onResolved={(text) => {
              setFlash(text);
              setSelected(null);
              tasks.reload();
            }}
          />
        </div>
      ) : null}
    </div>
  );
}

function DuplicateCompare({ task, onResolved }: { task: StewardshipTask; onResolved(text: string): void }) {
  const i18n = useI18n();
  const { t, dateTime } = i18n;
  const { api } = useSession();
  const pair = useAsync(
    () =>
      Promise.all([
        task.record ? api.warehouse(task.record.goldenId) : Promise.reject(new Error('no record')),
        task.otherRecord ? api.warehouse(task.otherRecord.goldenId) : Promise.reject(new Error('no other record')),
      ]),
    [api, task.record?.goldenId, task.otherRecord?.goldenId],
  );
  const [decision, setDecision] = useState<Decision | null>(null);
  const score = similarity(task)?.score ?? null;
  const reasons = similarity(task)?.reasons ?? [];
  return (
    <Panel
      className="compare-panel"
      title={
        <>
          {task.record ? refText(task.record) : '?'} ↔ {task.otherRecord ? refText(task.otherRecord) : '?'}{' '}
          {score !== null ? <Badge tone="amber">{t('dup.score', { score: pct(score) })}</Badge> : null}
        </>
      }
      actions={<span className="muted">{t('dup.opened', { time: dateTime(task.openedAt) })}</span>}
    >
      {reasons.length > 0 ? (
        <p className="reasons">
          <span className="muted">{t('dup.reasons')}:</span>{' '}
          {reasons.map((r) => (
            <span className="chip" key={r} title={r}>
              {localiseReason(r, i18n)}
            </span>
          ))}
        </p>
      ) : null}
      <ErrorBox error={pair.error} onRetry={pair.reload} />
      {pair.loading && !pair.data ? <Spinner /> : null}
      {pair.data ? (
        <>
          <SideBySide left={pair.data[0]} right={pair.data[1]} />
          <div className="compare-actions">
            <button
              className="btn btn-primary"
              data-testid="merge-left"
              onClick={() => setDecision({ action: 'merge', survivor: pair.data![0], loser: pair.data![1] })}
            >
              ← {t('dup.mergeInto')}
            </button>
            <button className="btn" data-testid="dismiss" onClick={() => setDecision({ action: 'dismiss' })}>
              {t('dup.dismiss')}
            </button>
            <button
              className="btn btn-primary"
              data-testid="merge-right"
              onClick={() => setDecision({ action: 'merge', survivor: pair.data![1], loser: pair.data![0] })}
            >
              {t('dup.mergeInto')} →
            </button>
          </div>
        </>
      ) : null}
      {decision ? <ResolveDialog task={task} decision={decision} onClose={() => setDecision(null)} onResolved={onResolved} /> : null}
    </Panel>
  );
}

function SideBySide({ left, right }: { left: WarehouseDetail; right: WarehouseDetail }) {
  const { t } = useI18n();
  const header = (record: WarehouseDetail, label: MessageKey) => (
    <th className="compare-head">
      <div className="muted">{t(label)}</div>
      <Link to={`/warehouses/${encodeURIComponent(record.goldenId)}`} className="mono">
        {record.record.warehouseNo}
      </Link>
      <div className="header-badges">
        <StatusBadge status={record.record.status} />
        <SyncBadge status={record.kingdeeSync.status} detail={record} />
      </div>
    </th>
  );
  return (
    <table className="table compare" data-testid="compare">
      <thead>
        <tr>
          <th />
          {header(left, 'dup.left')}
          {header(right, 'dup.right')}
        </tr>
      </thead>
      <tbody>
        {GOLDEN_FIELDS.map((field) => {
          const differs = valueToText(left.record[field]) !== valueToText(right.record[field]);
          return (
            <tr key={field} className={differs ? 'differs' : undefined}>
              <th scope="row">
                {t(`field.${field}` as MessageKey)}
                {differs ? (
                  <span className="diff-mark" title={t('dup.diff')}>
                    ≠
                  </span>
                ) : null}
              </th>
              <td>
                <FieldValueText field={field} value={left.record[field]} />
              </td>
              <td>
                <FieldValueText field={field} value={right.record[field]} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function ResolveDialog({
  task,
  decision,
  onClose,
  onResolved,
}: {
  task: StewardshipTask;
  decision: Decision;
  onClose(): void;
  onResolved(text: string): void;
}) {
  const { t } = useI18n();
  const { api } = useSession();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => setError(null), [reason]);
  const confirm = async () => {
    setBusy(true);
    try {
      if (decision.action === 'merge') {
        await api.resolveTask(task.taskId, {
          action: 'merge',
          survivorId: decision.survivor.goldenId,
          ...(reason.trim() ? { reason: reason.trim() } : {}),
        });
        onResolved(t('dup.merged'));
      } else {
        await api.resolveTask(task.taskId, { action: 'dismiss', ...(reason.trim() ? { reason: reason.trim() } : {}) });
        onResolved(t('dup.dismissed'));
      }
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  const text =
    decision.action === 'merge'
      ? t('dup.mergeConfirm', { loser: no(decision.loser), survivor: no(decision.survivor) })
      : t('dup.dismissConfirm');
  return (
    <Modal
      title={decision.action === 'merge' ? t('dup.mergeInto') : t('dup.dismiss')}
      onClose={onClose}
      footer={
        <>
          <button className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button className="btn btn-primary" data-testid="confirm" onClick={confirm} disabled={busy}>
            {t('common.confirm')}
          </button>
        </>
      }
    >
      <p>{text}</p>
      <label className="field">
        <span>{t('common.reason')}</span>
        <textarea name="reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <ErrorBox error={error} />
    </Modal>
  );
}

function refText(ref: RecordRef): string {
  return `${ref.warehouseNo ?? ref.goldenId} ${ref.name ?? ''}`.trim();
}

function no(record: WarehouseDetail): string {
  return `${record.record.warehouseNo} ${record.record.name}`.trim();
}
