import { randomUUID } from 'node:crypto';
import { CommandPipeline, PipelineOptions } from '../../event-store/command-pipeline';
import { EventStore } from '../../event-store/event-store';
import type { IntegrationScheme } from '../../contracts/integration-scheme';
import { mappingHash } from './mapping-hash';
import type { MappingRecorded } from './scheme-commands';
import { SchemeEvent, SchemeRuntimeState, evolveScheme, initialSchemeState, schemeStreamId } from './scheme-events';

export interface SchemeStateOptions {
  /** How long a read answer is reused: the sink asks per batch, other instances' switches show within this. */
  readonly cacheMs?: number;
  readonly clock?: () => Date;
  readonly pipeline?: PipelineOptions;
}

/**
 * Whether a scheme is enabled, switched at runtime and recorded as events on `scheme-<name>`. The
 * Kingdee sink asks `isEnabled(scheme.name)` before each BatchSave and leaves the batch uncommitted
 * (to retry later) while it is disabled. Its changes run through the command pipeline; the
 * command handlers (scheme-command.handlers.ts) are how the app asks for them.
 */
export class SchemeState {
  private readonly cache = new Map<string, { at: number; state: Promise<SchemeRuntimeState> }>();
  private readonly pipeline: CommandPipeline;

  constructor(
    private readonly store: EventStore,
    private readonly options: SchemeStateOptions = {},
  ) {
    this.pipeline = new CommandPipeline(store, options.pipeline);
  }

  async isEnabled(name: string): Promise<boolean> {
    return (await this.read(name)).enabled;
  }

  read(name: string): Promise<SchemeRuntimeState> {
    const hit = this.cache.get(name);
    if (hit && Date.now() - hit.at < (this.options.cacheMs ?? 2000)) return hit.state;
    const state = this.load(name);
    this.cache.set(name, { at: Date.now(), state });
    state.catch(() => this.cache.delete(name));
    return state;
  }

  enable(name: string, actor: string, reason?: string): Promise<SchemeRuntimeState> {
    return this.decide(name, actor, (s) => (s.enabled ? [] : [{ type: 'SchemeEnabled', data: { name, reason: reason ?? null } }]));
  }

  disable(name: string, actor: string, reason?: string): Promise<SchemeRuntimeState> {
    return this.decide(name, actor, (s) => (s.enabled ? [{ type: 'SchemeDisabled', data: { name, reason: reason ?? null } }] : []));
  }

  /** Records the loaded scheme's mapping when it differs from the last one recorded (an auditable change). */
  async recordMapping(scheme: IntegrationScheme, actor: string): Promise<MappingRecorded> {
    const hash = mappingHash(scheme);
    let previousHash: string | null = null;
    const state = await this.decide(scheme.name, actor, (s) => {
      previousHash = s.mappingHash;
      return s.mappingHash === hash
        ? []
        : [
            {
              type: 'SchemeMappingChanged',
              data: { name: scheme.name, version: scheme.version, mappingHash: hash, previousHash: s.mappingHash, file: scheme.file },
            },
          ];
    });
    return { changed: previousHash !== hash, previousHash, state };
  }

  private async decide(name: string, actor: string, decide: (state: SchemeRuntimeState) => SchemeEvent[]): Promise<SchemeRuntimeState> {
    const streamId = schemeStreamId(name);
    const after = await this.pipeline.run<SchemeRuntimeState, SchemeRuntimeState>({
      keys: [streamId],
      load: async () => new Map([[streamId, await this.load(name)]]),
      decide: (loaded) => {
        const state = loaded.get(streamId)!;
        const events = decide(state);
        const occurredAt = (this.options.clock?.() ?? new Date()).toISOString();
        return {
          appends: [{ streamId, expectedVersion: state.version, events, metadata: { correlationId: randomUUID(), actor, occurredAt } }],
          result: events.reduce((s, e, i) => evolveScheme(s, e, { version: state.version + i + 1, occurredAt }), state),
        };
      },
    });
    this.cache.delete(name);
    return after;
  }

  private async load(name: string): Promise<SchemeRuntimeState> {
    const events = await this.store.readStream<SchemeEvent['data']>(schemeStreamId(name));
    return events.reduce(
      (state, e) =>
        evolveScheme(state, { type: e.type, data: e.data } as SchemeEvent, {
          version: e.streamVersion,
          occurredAt: e.occurredAt.toISOString(),
        }),
      initialSchemeState(name),
    );
  }
}
