import { ReactNode } from 'react';
import { FieldValue, HistoryEvent, SourceKey } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { MessageKey } from '../i18n/messages';
import { localiseReason } from '../i18n/reasons';
import { Link } from '../router';
import { FieldValueText, SourceText } from './values';

const TONE: Record<string, string> = {
  WarehouseObservedInWdt: 'blue',
  WarehouseMissingInWdt: 'amber',
  FieldOverridden: 'violet',
  FieldOverrideRemoved: 'violet',
  SuspectedDuplicateDetected: 'amber',
  DuplicateDismissed: 'grey',
  GoldenRecordMerged: 'green',
  GoldenRecordRetired: 'grey',
  GoldenRecordRestored: 'green',
  KingdeeSyncSucceeded: 'green',
  KingdeeStockForbidden: 'grey',
  KingdeeStockAbsent: 'grey',
  KingdeeSyncFailed: 'red',
  KingdeeResyncRequested: 'blue',
};

/** A record's events, newest first, each with what it changed and why. */
export function HistoryTimeline({ events }: { events: readonly HistoryEvent[] }) {
  const { t, tx, dateTime } = useI18n();
  if (events.length === 0) return <p className="muted">{t('history.empty')}</p>;
  return (
    <ol className="timeline" data-testid="history">
      {[...events].reverse().map((event, i) => (
        <li key={event.eventId || i} className={`timeline-item tone-${TONE[event.type] ?? 'grey'}`}>
          <div className="timeline-dot" />
          <div className="timeline-card">
            <div className="timeline-head">
              <strong>{tx(`event.${event.type}`, event.type)}</strong>
              <span className="muted">{dateTime(event.occurredAt)}</span>
              <span className="chip">v{event.version}</span>
              {event.actor ? <span className="muted">{t('history.by', { actor: event.actor })}</span> : null}
            </div>
            <EventBody event={event} />
            <details className="raw">
              <summary>
                {t('history.showRaw')} · <span className="mono">{event.eventId}</span>
              </summary>
              <pre>{JSON.stringify(event.data, null, 2)}</pre>
            </details>
          </div>
        </li>
      ))}
    </ol>
  );
}

/**
 * The event fields the timeline shows. An event's `data` depends on its type and the OpenAPI
 * document describes it only as an object, so these are optional and read as the events write them.
 */
interface EventData {
  readonly reason?: string | null;
  readonly syncRunId?: string;
  readonly otherGoldenId?: string;
  readonly otherWarehouseNo?: string;
  readonly score?: number;
  readonly reasons?: readonly string[];
  readonly mergedGoldenId?: string;
  readonly mergedInto?: string;
  readonly fNumber?: string;
  readonly fStockId?: string | null;
  readonly code?: string;
  readonly message?: string;
  readonly goldenChanges?: readonly GoldenChange[];
  readonly goldenChange?: GoldenChange | null;
}

interface GoldenChange {
  readonly field: string;
  readonly old: FieldValue;
  readonly new: FieldValue;
  readonly source?: SourceKey | null;
}

function EventBody({ event }: { event: HistoryEvent }) {
  const i18n = useI18n();
  const { t } = i18n;
  const d = event.data as EventData;
  const lines: ReactNode[] = [];
  const add = (label: string, value: ReactNode) =>
    lines.push(
      <div key={lines.length} className="timeline-line">
        <span className="muted">{label}</span> {value}
      </div>,
    );
  if (d.reason) add(`${t('common.reason')}:`, d.reason);
  if (d.syncRunId) add(`${t('history.syncRun')}:`, <span className="mono">{d.syncRunId}</span>);
  if (d.otherGoldenId) add('↔', <RecordLink id={d.otherGoldenId} label={d.otherWarehouseNo} />);
  if (typeof d.score === 'number')
    add(t('dup.score', { score: pct(d.score) }), (d.reasons ?? []).map((r) => localiseReason(r, i18n)).join(t('history.listSeparator')));
  if (d.mergedGoldenId) add('⇐', <RecordLink id={d.mergedGoldenId} />);
  if (d.mergedInto) add('⇒', <RecordLink id={d.mergedInto} />);
  if (d.fNumber || d.fStockId)
    add(
      `${t('system.kingdee')}:`,
      <span className="mono">
        FNumber {d.fNumber} · FStockId {d.fStockId}
      </span>,
    );
  if (event.type === 'KingdeeSyncFailed') add(d.code ?? '', <span className="error-text">{d.message}</span>);
  const changes = [...(d.goldenChanges ?? []), ...(d.goldenChange ? [d.goldenChange] : [])];
  return (
    <div className="timeline-body">
      {lines}
      {changes.length > 0 ? (
        <table className="table table-compact changes">
          <tbody>
            {changes.map((change, i) => {
              const field = change.field;
              return (
                <tr key={i}>
                  <td className="nowrap">{t(`field.${field}` as MessageKey)}</td>
                  <td className="old">
                    <FieldValueText field={field} value={change.old} />
                  </td>
                  <td className="arrow">→</td>
                  <td className="new">
                    <FieldValueText field={field} value={change.new} />
                  </td>
                  <td className="nowrap">
                    <SourceText source={change.source} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}

function RecordLink({ id, label }: { id: string; label?: string | null }) {
  return (
    <Link to={`/warehouses/${encodeURIComponent(id)}`} className="mono">
      {label ? `${label} (${id})` : id}
    </Link>
  );
}

export function pct(score: number): string {
  return score <= 1 ? `${Math.round(score * 100)}%` : String(score);
}
