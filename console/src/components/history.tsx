import { ReactNode } from 'react';
import { toSource } from '../api/normalise';
import { arr, num, obj, str } from '../api/read';
import { FieldValue, HistoryEvent } from '../api/types';
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
              {event.version !== null ? <span className="chip">v{event.version}</span> : null}
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

function EventBody({ event }: { event: HistoryEvent }) {
  const i18n = useI18n();
  const { t } = i18n;
  const d = event.data;
  const lines: ReactNode[] = [];
  const add = (label: string, value: ReactNode) =>
    lines.push(
      <div key={lines.length} className="timeline-line">
        <span className="muted">{label}</span> {value}
      </div>,
    );
  if (str(d.reason)) add(`${t('common.reason')}:`, str(d.reason));
  if (str(d.syncRunId)) add(`${t('history.syncRun')}:`, <span className="mono">{str(d.syncRunId)}</span>);
  if (str(d.otherGoldenId)) add('↔', <RecordLink id={str(d.otherGoldenId)!} label={str(d.otherWarehouseNo)} />);
  if (num(d.score) !== null)
    add(
      t('dup.score', { score: pct(num(d.score)!) }),
      arr(d.reasons)
        .map((r) => localiseReason(String(r), i18n))
        .join(t('history.listSeparator')),
    );
  if (str(d.mergedGoldenId)) add('⇐', <RecordLink id={str(d.mergedGoldenId)!} />);
  if (str(d.mergedInto)) add('⇒', <RecordLink id={str(d.mergedInto)!} />);
  if (str(d.fNumber) || str(d.fStockId))
    add(
      `${t('system.kingdee')}:`,
      <span className="mono">
        FNumber {str(d.fNumber)} · FStockId {str(d.fStockId)}
      </span>,
    );
  if (event.type === 'KingdeeSyncFailed') add(`${str(d.code) ?? ''}`, <span className="error-text">{str(d.message)}</span>);
  const changes = [...arr(d.goldenChanges), ...(d.goldenChange ? [d.goldenChange] : [])].map(obj);
  return (
    <div className="timeline-body">
      {lines}
      {changes.length > 0 ? (
        <table className="table table-compact changes">
          <tbody>
            {changes.map((change, i) => {
              const field = str(change.field) ?? '?';
              return (
                <tr key={i}>
                  <td className="nowrap">{t(`field.${field}` as MessageKey)}</td>
                  <td className="old">
                    <FieldValueText field={field} value={change.old as FieldValue} />
                  </td>
                  <td className="arrow">→</td>
                  <td className="new">
                    <FieldValueText field={field} value={change.new as FieldValue} />
                  </td>
                  <td className="nowrap">
                    <SourceText source={toSource(change.source)} />
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
