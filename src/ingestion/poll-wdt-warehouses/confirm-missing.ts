import { SqlExecutor } from '../../event-store/stored-event';
import { WdtClient } from '../wdt-client/wdt-client';
import { WdtWarehouse } from '../wdt-client/wdt-warehouse';

/**
 * The last complete pull's warehouse_nos. A pull can pass every count check and still miss a row (a
 * warehouse deleted on an already-read page and another created on an unread one, between the same
 * two page reads, cancel out), so before anything is flagged missing the runner looks up each
 * previously seen warehouse_no this pull lacks.
 */
export class LastSeenWarehouses {
  constructor(private readonly db: SqlExecutor) {}

  async absentFrom(seen: ReadonlySet<string>): Promise<string[]> {
    const rows = (await this.db.query(
      `SELECT warehouse_no FROM wdt_last_seen WHERE NOT (warehouse_no = ANY($1::text[])) ORDER BY warehouse_no`,
      [[...seen]],
    )) as { warehouse_no: string }[];
    return rows.map((r) => r.warehouse_no);
  }

  /** One statement, so the set is replaced atomically. */
  async replace(seen: ReadonlySet<string>): Promise<void> {
    await this.db.query(
      `WITH gone AS (DELETE FROM wdt_last_seen WHERE NOT (warehouse_no = ANY($1::text[])))
       INSERT INTO wdt_last_seen (warehouse_no) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`,
      [[...seen]],
    );
  }
}

/**
 * Looks each candidate up by warehouse_no (WDT's only other query), enabled first, then disabled.
 * Returns the ones WDT still has. At most `limit` candidates are looked up: many absentees at once means
 * real deletions, and the pass-count check already vouches for the pull.
 */
export async function lookUpAbsentees(client: WdtClient, candidates: readonly string[], limit: number): Promise<WdtWarehouse[]> {
  const found: WdtWarehouse[] = [];
  for (const warehouseNo of candidates.slice(0, limit)) {
    for (const isDisabled of [false, true]) {
      const page = await client.fetchPage(0, { warehouseNo, isDisabled });
      const match = page.warehouses.find((w) => w.warehouseNo === warehouseNo);
      if (match) {
        found.push(match);
        break;
      }
    }
  }
  return found;
}
