/** Correlation, causation, actor and time: carried by every event. */
export interface EventMetadata {
  readonly correlationId: string;
  readonly causationId?: string;
  readonly actor: string;
  readonly occurredAt: string;
  readonly [key: string]: unknown;
}

export interface NewEvent {
  readonly type: string;
  readonly data: unknown;
  readonly schemaVersion?: number;
  readonly eventId?: string;
}

export interface StoredEvent<TData = unknown> {
  readonly globalPosition: string;
  readonly transactionId: string;
  readonly eventId: string;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: TData;
  readonly metadata: EventMetadata;
  readonly occurredAt: Date;
  readonly recordedAt: Date;
}

/** A position in commit order: (writing transaction, global position). */
export interface Checkpoint {
  readonly transactionId: string;
  readonly globalPosition: string;
}
export const START: Checkpoint = { transactionId: '0', globalPosition: '0' };

/** Anything that runs SQL: a DataSource, an EntityManager inside a transaction, a QueryRunner. */
export interface SqlExecutor {
  query(sql: string, parameters?: unknown[]): Promise<any>;
}

/** `number` = the stream's version the writer decided on (0 = the stream must not exist yet). */
export type ExpectedVersion = number | 'any';
