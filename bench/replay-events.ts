import { SqlExecutor } from '../src/event-store/stored-event';
import { meta, observe, wdtWarehouse } from '../src/warehouses/testing/fixtures';
import { evolve } from '../src/warehouses/domain/evolve';
import { initialState } from '../src/warehouses/domain/state';
import { warehouseDecider } from '../src/warehouses/domain/warehouse-decider';

// Placeholders the SQL generator replaces per stream and version.
const ID = 'wh_TPLID';
const NUMBER = 'TPLNO00';
const NAME = 'TPLNAME';

/** A creation and an update event exactly as the warehouses decider makes them (placeholders inside). */
export function eventTemplates(): { created: string; updated: string } {
  const first = warehouseDecider.decide(
    observe(wdtWarehouse({ warehouseNo: NUMBER, name: `上海${NAME}号仓` }), ID),
    initialState(),
    meta(0),
  );
  const state = first.reduce(evolve, initialState());
  const second = warehouseDecider.decide(
    observe(wdtWarehouse({ warehouseNo: NUMBER, name: `上海青浦${NAME}号仓`, address: `华新镇${NAME}号` }), ID, 'run-2'),
    state,
    meta(1),
  );
  const only = (events: readonly { type: string; data: unknown }[]) => {
    const observed = events.find((e) => e.type === 'WarehouseObservedInWdt');
    if (!observed) throw new Error('the decider made no observation event');
    return JSON.stringify(observed.data);
  };
  return { created: only(first), updated: only(second) };
}

/**
 * STREAMS warehouses observed VERSIONS times, one multi-row INSERT … SELECT generate_series per
 * sync round (so rounds interleave streams in commit order as periodic syncs do).
 */
export async function generateEvents(
  sql: SqlExecutor,
  templates: { created: string; updated: string },
  streams: number,
  versions: number,
  /** Golden ids are `<prefix><n>`. */
  prefix = 'wh_b',
): Promise<void> {
  for (let v = 1; v <= versions; v++) {
    await sql.query(
      `INSERT INTO events (event_id, stream_id, stream_version, type, schema_version, data, metadata, occurred_at)
       SELECT gen_random_uuid(), 'warehouse-' || $5 || s, $2, 'WarehouseObservedInWdt', 1,
              replace(replace(replace($1, '${ID}', $5 || s), '${NUMBER}', 'WH' || lpad(s::text, 7, '0')), '${NAME}', (s * 100 + $2)::text)::jsonb,
              jsonb_build_object('correlationId', 'bench-run-' || $2, 'actor', 'wdt-sync', 'occurredAt', to_char($3::timestamptz + make_interval(mins => $2), 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
              $3::timestamptz + make_interval(mins => $2)
         FROM generate_series(1, $4::int) s`,
      [v === 1 ? templates.created : templates.updated, v, '2026-01-01T00:00:00Z', streams, prefix],
    );
  }
}
