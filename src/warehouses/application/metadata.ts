import { randomUUID } from 'node:crypto';
import { EventMetadata } from '../../event-store/stored-event';
import { CommandMetadata } from '../../shared/domain/decider';

/** Who asked, when and in which flow: what a handler passes to the domain. */
export function commandMetadata(
  actor: string,
  options: { now?: Date; correlationId?: string; causationId?: string } = {},
): CommandMetadata {
  return { now: options.now ?? new Date(), actor, correlationId: options.correlationId ?? randomUUID(), causationId: options.causationId };
}

/** The command's metadata as stored beside its events (plus any flow-specific keys, e.g. syncRunId). */
export function eventMetadata(meta: CommandMetadata, extra: Record<string, unknown> = {}): EventMetadata {
  return {
    correlationId: meta.correlationId,
    ...(meta.causationId ? { causationId: meta.causationId } : {}),
    actor: meta.actor,
    occurredAt: meta.now.toISOString(),
    ...extra,
  };
}
