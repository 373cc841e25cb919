import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/client';
import { FieldValue, GOLDEN_FIELDS, OVERRIDABLE_FIELDS, WarehouseDetail } from '../api/types';
import { useSession } from '../auth/session';
import { StatusBadge, SyncBadge, Badge } from '../components/badges';
import { TASK_PAGE, TASK_TONE } from '../components/task-types';
import { HistoryTimeline } from '../components/history';
import { LifecycleButton } from '../components/lifecycle-dialog';
import { OverrideDialog, OverrideRequest } from '../components/override-dialog';
import { ErrorBox, KeyValues, Notice, Panel, Spinner } from '../components/ui';
import { useAsync, useInterval } from '../components/use-async';
import { FieldValueText, SourceText } from '../components/values';
import { useI18n } from '../i18n/i18n';
import { MessageKey } from '../i18n/messages';
import { Link, navigate, useLocation, withQuery } from '../router';
import { AsOfPicker } from './AsOfPicker';
import { latestSourceValues, SourceValues } from '../components/source-values';
import { usePageTitle } from '../components/use-page-title';

type Flash = { tone: 'success' | 'warn'; text: string } | null;
const REFRESH_MS = 10_000;

export function WarehouseDetailPage({ id }: { id: string }) {
  const { t } = useI18n();
  const { api } = useSession();
  const { params } = useLocation();
  const asOf = params.get('asOf') ?? undefined;
  const detail = useAsync(() => api.warehouse(id, asOf), [api, id, asOf]);
  const history = useAsync(() => api.history(id), [api, id]);
  const [flash, setFlash] = useState<Flash>(null);
  // The record a steward's change answered with, shown while the reload (which waits for the read
  // models to reach that change, ?minPosition=) is under way.
  const [fresh, setFresh] = useState<WarehouseDetail | null>(null);
  const shown = fresh && !asOf && fresh.goldenId === id && fresh.version > (detail.data?.version ?? 0) ? fresh : detail.data;
  const reloadAll = useCallback(
    (changed?: WarehouseDetail) => {
      setFresh(changed ?? null);
      detail.reload();
      history.reload();
    },
    [detail.reload, history.reload],
  );
  const version = detail.data?.version;
  // Kingdee sync results and WDT syncs change the record too: keep the page current while it is open.
  useInterval(detail.reload, asOf ? null : REFRESH_MS);
  useEffect(() => history.reload(), [version, history.reload]);

  usePageTitle(shown ? `${shown.record.name} ${shown.record.warehouseNo}`.trim() : null);
  const notFound = detail.error instanceof ApiError && detail.error.status === 404 && !detail.data;
  return (
    <div className="page">
      <div className="breadcrumbs">
        <Link to="/warehouses">{t('nav.warehouses')}</Link> <span className="muted">/</span>{' '}
        <span data-testid="breadcrumb-current" title={id}>
          {shown ? `${shown.record.name} (${shown.record.warehouseNo})` : <span className="mono">{id}</span>}
        </span>
      </div>
      {notFound ? <Notice tone="warn">{t('detail.notFound')}</Notice> : <ErrorBox error={detail.error} onRetry={detail.reload} />}
      {flash ? (
        <Notice tone={flash.tone} onClose={() => setFlash(null)}>
          {flash.text}
        </Notice>
      ) : null}
      {shown ? (
        <DetailBody
          record={shown}
          sources={latestSourceValues(history.data, shown.record.warehouseNo)}
          asOf={asOf}
          loading={detail.loading}
          onChanged={reloadAll}
          setFlash={setFlash}
        />
      ) : detail.loading ? (
        <Spinner />
      ) : null}
      <Panel title={t('detail.history')} actions={history.loading ? <Spinner /> : null}>
        <ErrorBox error={history.error} onRetry={history.reload} />
        {history.data ? <HistoryTimeline events={history.data} /> : null}
      </Panel>
    </div>
  );
}

function DetailBody({
  record,
  sources,
  asOf,
  loading,
  onChanged,
  setFlash,
}: {
  record: WarehouseDetail;
  sources: SourceValues | null;
  asOf: string | undefined;
  loading: boolean;
  onChanged(changed?: WarehouseDetail): void;
  setFlash(flash: Flash): void;
}) {
  const { t, tx, dateTime } = useI18n();
  const { api, can } = useSession();
  const [editing, setEditing] = useState<OverrideRequest | null>(null);
  const editable = can('steward') && !asOf && record.record.status !== 'retired';
  // The link goes where {id} stands in the sentence (before the 。 in Chinese, the full stop in English).
  const [mergedBefore, mergedAfter] = t('detail.mergedInto', { id: '\u0000' }).split('\u0000');

  const submit = async (value: FieldValue, reason: string) => {
    if (!editing) return;
    const changed =
      editing.mode === 'set'
        ? await api.putOverride(record.goldenId, editing.field, value, reason, editing.version)
        : await api.removeOverride(record.goldenId, editing.field, reason, editing.version);
    setFlash({ tone: 'success', text: t(editing.mode === 'set' ? 'detail.overrideSaved' : 'detail.overrideRemoved') });
    setEditing(null);
    onChanged(changed);
  };
  // The 412 carried X-Mdm-Position, so the reload shows the other steward's change.
  const conflict = () => {
    setEditing(null);
    setFlash({ tone: 'warn', text: t('detail.conflict') });
    onChanged();
  };

  return (
    <>
      <div className="page-header detail-header">
        <div>
          <h1>
            {record.record.name}
            <span className="mono subtle">{record.record.warehouseNo}</span>
          </h1>
          <div className="header-badges">
            <StatusBadge status={record.record.status} />
            <SyncBadge status={record.kingdeeSync.status} detail={record} />
            <span className="chip" data-testid="record-version">
              {t('common.version')} {record.version}
            </span>
            {record.dataQuality.missingInWdt ? <Badge tone="amber">{t('list.missing')}</Badge> : null}
            {record.openTasks.map((task) => (
              <Link key={task.taskId} to={TASK_PAGE[task.type]}>
                <Badge tone={TASK_TONE[task.type]}>{t('detail.openTask', { type: tx(`taskType.${task.type}`, task.type) })}</Badge>
              </Link>
            ))}
            {loading ? <Spinner /> : null}
          </div>
        </div>
        <div className="header-actions">
          {can('steward') && !asOf ? (
            <LifecycleButton
              record={record}
              onChanged={(changed) => onChanged(changed)}
              onFlash={(tone, text) => setFlash({ tone, text })}
            />
          ) : null}
          <AsOfPicker
            asOf={asOf}
            onChange={(next) => navigate(withQuery(`/warehouses/${encodeURIComponent(record.goldenId)}`, { asOf: next }))}
          />
        </div>
      </div>
      {asOf ? <Notice tone="info">{t('detail.asOfBanner', { time: dateTime(asOf) })}</Notice> : null}
      {record.record.mergedInto ? (
        <Notice tone="warn">
          {mergedBefore}
          <Link to={`/warehouses/${encodeURIComponent(record.record.mergedInto)}`} className="mono">
            {record.record.mergedInto}
          </Link>
          {mergedAfter}
        </Notice>
      ) : null}
      <div className="detail-grid">
        <Panel title={t('detail.fields')} className="span-2">
          <FieldsTable record={record} sources={sources} editable={editable} onEdit={setEditing} />
        </Panel>
        <div className="stack">
          <Panel title={t('detail.xref')}>
            <XrefPanel record={record} />
          </Panel>
          <Panel title={t('detail.kingdee')}>
            <KingdeePanel record={record} />
          </Panel>
        </div>
      </div>
      {editing ? <OverrideDialog request={editing} onSubmit={submit} onClose={() => setEditing(null)} onConflict={conflict} /> : null}
    </>
  );
}

function FieldsTable({
  record,
  sources,
  editable,
  onEdit,
}: {
  record: WarehouseDetail;
  sources: SourceValues | null;
  editable: boolean;
  onEdit(request: OverrideRequest): void;
}) {
  const { t, tx, dateTime } = useI18n();
  return (
    <table className="table fields-table" data-testid="fields">
      <thead>
        <tr>
          <th>{t('detail.field')}</th>
          <th>{t('detail.value')}</th>
          <th>{t('detail.source')}</th>
          <th>{t('detail.rule')}</th>
          <th>{t('detail.when')}</th>
          {editable ? <th>{t('detail.actions')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {GOLDEN_FIELDS.map((field) => {
          const lineage = record.lineage[field];
          const override = record.overrides[field];
          const value = record.record[field];
          const flags = record.dataQuality.flags.filter((f) => f.field === field);
          return (
            <tr key={field} data-field={field} className={override ? 'overridden' : undefined}>
              <th scope="row">{t(`field.${field}` as MessageKey)}</th>
              <td className="value-cell">
                <FieldValueText field={field} value={value} />
                {flags.map((flag) => (
                  <span key={flag.code} className="quality-flag" title={flag.message}>
                    ⚠ {flag.code}
                  </span>
                ))}
                {override ? (
                  <div className="override-note">
                    <Badge tone="violet">{t('detail.overridden')}</Badge>
                    <span className="muted">{t('detail.overrideBy', { actor: override.actor, reason: override.reason })}</span>
                  </div>
                ) : null}
                {override && sources && field in sources.values ? (
                  <div className="source-value" data-testid="source-value">
                    <span className="muted">{t('detail.sourceValue', { system: tx(`system.${sources.system}`, sources.system) })}</span>{' '}
                    <FieldValueText field={field} value={sources.values[field]} />
                  </div>
                ) : null}
              </td>
              <td>
                <SourceText source={lineage?.source} />
              </td>
              <td>
                {lineage?.rule ? <span className={`rule rule-${lineage.rule}`}>{tx(`rule.${lineage.rule}`, lineage.rule)}</span> : '—'}
              </td>
              <td className="nowrap muted">{dateTime(lineage?.at)}</td>
              {editable ? (
                <td className="nowrap actions">
                  {OVERRIDABLE_FIELDS.includes(field) ? (
                    <button
                      className="btn btn-small"
                      onClick={() => onEdit({ field, mode: 'set', current: value, version: record.version })}
                    >
                      {override ? t('detail.editOverride') : t('detail.override')}
                    </button>
                  ) : null}
                  {override ? (
                    <button
                      className="btn btn-small btn-danger-ghost"
                      onClick={() => onEdit({ field, mode: 'remove', current: value, version: record.version })}
                    >
                      {t('detail.removeOverride')}
                    </button>
                  ) : null}
                </td>
              ) : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function XrefPanel({ record }: { record: WarehouseDetail }) {
  const { t } = useI18n();
  const wdt = record.crossReference.wdt;
  const kingdee = record.crossReference.kingdee;
  return (
    <div data-testid="xref">
      <KeyValues
        rows={[
          [t('field.goldenId'), <span className="mono">{record.goldenId}</span>],
          ...wdt.flatMap(
            (x) =>
              [
                [
                  t('detail.wdtNo'),
                  <span className="mono">
                    {x.warehouseNo}
                    {x.system !== 'wdt' ? ` (${x.system})` : ''}
                    {x.active ? '' : ' ✕'}
                  </span>,
                ],
                [t('detail.wdtId'), <span className="mono">{x.warehouseId ?? '—'}</span>],
              ] as const,
          ),
          [t('detail.kdId'), <span className="mono">{kingdee?.fStockId ?? '—'}</span>],
          [t('detail.kdNumber'), <span className="mono">{kingdee?.fNumber ?? '—'}</span>],
        ]}
      />
    </div>
  );
}

function KingdeePanel({ record }: { record: WarehouseDetail }) {
  const { t, dateTime } = useI18n();
  const s = record.kingdeeSync;
  return (
    <KeyValues
      rows={[
        [t('field.syncStatus'), <SyncBadge status={s.status} detail={record} />],
        // Record versions, the numbering of the 版本 chip: Kingdee's own results never move them.
        [
          t('detail.syncedVersion'),
          <span className="mono" data-testid="synced-version">
            {s.syncedVersion ?? '—'}
          </span>,
        ],
        [t('detail.publishedVersion'), <span className="mono">{s.publishedVersion}</span>],
        [t('detail.lastAttempt'), dateTime(s.lastAttemptAt)],
        [
          t('detail.lastError'),
          s.lastError ? (
            <span className="error-text">
              <code>{s.lastError.code}</code> {s.lastError.message}
            </span>
          ) : (
            <span className="muted">{t('common.none')}</span>
          ),
        ],
      ]}
    />
  );
}
