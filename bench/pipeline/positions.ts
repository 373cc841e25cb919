import type { DataSource } from 'typeorm';
import { HubApi } from '../../test/e2e/support/pipeline-harness';

/** Where the hub's event log and its processors stand: the positions the stage end times are derived from. */
export interface Positions {
  readonly head: bigint;
  /** The lowest checkpoint among the projections (read models); undefined while there are none. */
  readonly projections: bigint | undefined;
  /** The lowest checkpoint among the publishers (leaving the hub). */
  readonly publisher: bigint | undefined;
}

export type PositionReader = () => Promise<Positions>;

interface StatusProcessor {
  name: string;
  kind: string;
  position: string;
}

const lowest = (values: bigint[]): bigint | undefined => (values.length === 0 ? undefined : values.reduce((a, b) => (b < a ? b : a)));

function fold(head: bigint, processors: readonly StatusProcessor[]): Positions {
  const of = (kind: string) => lowest(processors.filter((p) => p.kind === kind).map((p) => BigInt(p.position)));
  return { head, projections: of('projection'), publisher: of('publisher') };
}

/**
 * On a PostgreSQL server the bench reads the checkpoints itself (two cheap queries); the hub's
 * status endpoint, which also counts lag per processor and asks Kafka, is used only to learn which
 * processors the hub runs and of what kind. With embedded PGlite the database lives inside the hub
 * process, so the status endpoint is the only way in.
 */
export async function positionReader(api: HubApi, db: DataSource | undefined): Promise<PositionReader> {
  const status = async () => (await api.call('GET', '/status')) as { events: { headPosition: string }; processors: StatusProcessor[] };
  if (!db) {
    return async () => {
      const s = await status();
      return fold(BigInt(s.events.headPosition), s.processors);
    };
  }
  const kinds = new Map((await status()).processors.map((p) => [p.name, p.kind]));
  return async () => {
    const [{ head }] = (await db.query(`SELECT coalesce(max(global_position), 0)::text AS head FROM events`)) as [{ head: string }];
    const rows = (await db.query(`SELECT name, global_position::text AS position FROM processor_checkpoints`)) as {
      name: string;
      position: string;
    }[];
    const known = [...kinds].map(([name, kind]) => ({
      name,
      kind,
      position: rows.find((r) => r.name === name)?.position ?? '0',
    }));
    return fold(BigInt(head), known);
  };
}
