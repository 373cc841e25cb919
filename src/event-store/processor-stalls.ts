import { BatchFailure, messageOf } from './processor-batch';
import { SqlExecutor } from './stored-event';

/**
 * A processor that cannot get past an event: kept in `processor_stalls` (not in memory) so that
 * every hub instance's status, metrics and the skip command see it, whichever instance is leader.
 */
export interface ProcessorStall {
  readonly name: string;
  readonly stalledSince: string;
  /** The event it fails on (narrowed to one event when it could be); null when no event was read (database down). */
  readonly failingTransactionId: string | null;
  readonly failingPosition: string | null;
  /** True when the failing event was applied alone and failed: skipping it is what unblocks the processor. */
  readonly narrowed: boolean;
  readonly error: string;
  readonly attempts: number;
  readonly nextAttemptAt: string;
}

export interface StallUpdate {
  readonly failingTransactionId: string | null;
  readonly failingPosition: string | null;
  readonly narrowed: boolean;
  readonly error: string;
  readonly attempts: number;
  readonly retryInMs: number;
}

/** What a failed attempt tells: the failing event when the batch got that far. */
export function stallUpdateOf(error: unknown, attempts: number, retryInMs: number): StallUpdate {
  const event = error instanceof BatchFailure ? error.event : undefined;
  return {
    failingTransactionId: event?.transactionId ?? null,
    failingPosition: event?.globalPosition ?? null,
    narrowed: error instanceof BatchFailure && error.narrowed,
    error: messageOf(error instanceof BatchFailure ? error.cause : error),
    attempts,
    retryInMs,
  };
}

/** The stall as reported when it could not be recorded (the database is down). */
export function unrecordedStall(name: string, update: StallUpdate, now: Date): ProcessorStall {
  const { failingTransactionId, failingPosition, narrowed, error, attempts } = update;
  const nextAttemptAt = new Date(now.getTime() + update.retryInMs).toISOString();
  return { name, stalledSince: now.toISOString(), failingTransactionId, failingPosition, narrowed, error, attempts, nextAttemptAt };
}

const COLUMNS = `name, stalled_since, failing_transaction_id::text AS failing_transaction_id, failing_position::text AS failing_position,
  narrowed, error, attempts, next_attempt_at`;

/** Records a failed attempt; `stalled_since` stays the first failure's time while the failing position stays the same. */
export async function recordStall(db: SqlExecutor, name: string, update: StallUpdate): Promise<ProcessorStall> {
  const [row] = await db.query(
    `INSERT INTO processor_stalls AS s (name, stalled_since, failing_transaction_id, failing_position, narrowed, error, attempts, next_attempt_at, updated_at)
     VALUES ($1, now(), $2::text::xid8, $3::bigint, $4, $5, $6, now() + $7 * interval '1 millisecond', now())
     ON CONFLICT (name) DO UPDATE SET
       stalled_since = CASE WHEN s.failing_position IS NOT DISTINCT FROM EXCLUDED.failing_position THEN s.stalled_since ELSE EXCLUDED.stalled_since END,
       failing_transaction_id = EXCLUDED.failing_transaction_id, failing_position = EXCLUDED.failing_position, narrowed = EXCLUDED.narrowed,
       error = EXCLUDED.error, attempts = EXCLUDED.attempts, next_attempt_at = EXCLUDED.next_attempt_at, updated_at = now()
     RETURNING ${COLUMNS}`,
    [
      name,
      update.failingTransactionId,
      update.failingPosition,
      update.narrowed,
      update.error.slice(0, 2000),
      update.attempts,
      update.retryInMs,
    ],
  );
  return toStall(row);
}

export async function clearStall(db: SqlExecutor, name: string): Promise<void> {
  await db.query(`DELETE FROM processor_stalls WHERE name = $1`, [name]);
}

export async function loadStalls(db: SqlExecutor): Promise<Map<string, ProcessorStall>> {
  const rows: Record<string, unknown>[] = await db.query(`SELECT ${COLUMNS} FROM processor_stalls`);
  return new Map(rows.map((r) => [String(r.name), toStall(r)]));
}

function toStall(r: Record<string, unknown>): ProcessorStall {
  return {
    name: String(r.name),
    stalledSince: new Date(r.stalled_since as Date).toISOString(),
    failingTransactionId: (r.failing_transaction_id as string | null) ?? null,
    failingPosition: (r.failing_position as string | null) ?? null,
    narrowed: r.narrowed === true,
    error: String(r.error),
    attempts: Number(r.attempts),
    nextAttemptAt: new Date(r.next_attempt_at as Date).toISOString(),
  };
}
