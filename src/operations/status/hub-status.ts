import type { ReconciliationStatus } from './reconciliation-status';
import type { SinkHealthStatus } from './sink-health';

/** What `GET /api/v1/status` and `mdm status` show (and the gauges of `/metrics` are read from). */
export interface ProcessorStatus {
  readonly name: string;
  /** projection (a read model), publisher (leaves the hub), replay (a shadow rebuild in progress), other. */
  readonly kind: 'projection' | 'publisher' | 'replay' | 'other';
  readonly position: string;
  /** Committed events it has not applied yet. */
  readonly lagEvents: number;
  /** Now minus the recording time of the oldest event it has not applied (0 when caught up). */
  readonly lagSeconds: number;
  readonly updatedAt: string | null;
  /** Set while it fails on an event and backs off (see `mdm processor skip`); null when it runs. */
  readonly stalled: ProcessorStallStatus | null;
}

export interface ProcessorStallStatus {
  readonly since: string;
  /** The event it fails on (transaction id + global position); null when it could not even read events. */
  readonly failingTransactionId: string | null;
  readonly failingPosition: string | null;
  /** True when that event failed applied alone (so it is the one to skip), false when it is the first of a failing batch. */
  readonly narrowed: boolean;
  readonly error: string;
  readonly attempts: number;
  readonly nextAttemptAt: string;
}

export interface ConsumerStatus {
  readonly group: string;
  readonly topic: string;
  readonly lag: number | null;
  readonly partitions: readonly { readonly partition: number; readonly committed: string; readonly end: string; readonly lag: number }[];
  readonly error?: string;
}

export interface SyncRunStatus {
  readonly id: string;
  readonly trigger: string;
  readonly status: string;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly pages: number;
  readonly seen: number;
  readonly changed: number;
  readonly unchanged: number;
  readonly created: number;
  readonly missing: number;
  readonly failed: number;
  readonly error: string | null;
}

export interface HubStatus {
  readonly at: string;
  readonly events: { readonly count: number; readonly headPosition: string };
  readonly processors: readonly ProcessorStatus[];
  readonly kingdeeSink: ConsumerStatus;
  /** Whether this hub's Kingdee sink is a consuming member of its group; null when this process runs no sink. */
  readonly sink: SinkHealthStatus | null;
  readonly dlq: { readonly topic: string; readonly messages: number | null; readonly error?: string };
  /** Newest first; null when WDT ingestion is not installed. */
  readonly wdtSyncRuns: readonly SyncRunStatus[] | null;
  /** Open stewardship tasks by type; null when the warehouses read models are not installed. */
  readonly stewardship: { readonly open: number; readonly byType: Readonly<Record<string, number>> } | null;
  readonly jobsRunning: readonly { readonly id: string; readonly kind: string; readonly done: number; readonly total: number | null }[];
  readonly schemes: readonly { readonly name: string; readonly enabled: boolean; readonly mappingHash: string | null }[];
  /** Reconciliation with Kingdee; null when the feature is not installed. */
  readonly reconciliation?: ReconciliationStatus | null;
}

export const KINGDEE_SINK_GROUP = 'mdm-kingdee-sink';
