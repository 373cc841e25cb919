import { SqlExecutor } from '../../event-store/stored-event';
import { codeOf } from '../../shared/domain/warehouse-code';
import { WdtClient } from '../wdt-client/wdt-client';
import { WdtWarehouse } from '../../contracts/wdt-warehouse';

/** A warehouse a complete pull did not list, to be looked up by warehouse_no before it may be flagged. */
export interface Absentee {
  readonly code: string;
  /** The warehouse_no as WDT last spelled it (WDT's filter is exact, so the look-up must send this). */
  readonly spelling: string;
}

/**
 * The last complete pull's codes, with WDT's spelling of each. A pull can pass every count check and
 * still miss a row (a warehouse deleted on an already-read page and another created on an unread
 * one, between the same two page reads, cancel out), so what this table remembers is looked up by
 * warehouse_no before anything is flagged missing.
 */
export class LastSeenWarehouses {
  constructor(private readonly db: SqlExecutor) {}

  /** Code → last spelling of every code remembered. Rows written before codes were canonical are read through codeOf. */
  async spellings(): Promise<Map<string, string>> {
    const rows = (await this.db.query(`SELECT warehouse_no, spelling FROM wdt_last_seen ORDER BY warehouse_no`)) as {
      warehouse_no: string;
      spelling: string | null;
    }[];
    return new Map(rows.map((r) => [codeOf(r.warehouse_no), r.spelling ?? r.warehouse_no]));
  }

  /** One statement, so the set is replaced atomically. */
  async replace(seen: ReadonlyMap<string, string>): Promise<void> {
    await this.db.query(
      `WITH gone AS (DELETE FROM wdt_last_seen WHERE NOT (warehouse_no = ANY($1::text[])))
       INSERT INTO wdt_last_seen (warehouse_no, spelling) SELECT * FROM unnest($1::text[], $2::text[])
       ON CONFLICT (warehouse_no) DO UPDATE SET spelling = EXCLUDED.spelling`,
      [[...seen.keys()], [...seen.values()]],
    );
  }
}

/**
 * Looks every absentee up by warehouse_no (WDT's only other query, one code per call), enabled
 * first, then disabled; `concurrency` look-ups at a time, all of them (the client's call budget
 * paces them). A spelling that differs from the code is tried as typed, then as the code.
 * Returns the warehouses WDT still has.
 */
export async function lookUpAbsentees(client: WdtClient, absentees: readonly Absentee[], concurrency: number): Promise<WdtWarehouse[]> {
  const found: WdtWarehouse[] = [];
  let next = 0;
  const worker = async () => {
    while (next < absentees.length) {
      const match = await lookUp(client, absentees[next++]!);
      if (match) found.push(match);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, absentees.length)) }, worker));
  return found;
}

async function lookUp(client: WdtClient, absentee: Absentee): Promise<WdtWarehouse | undefined> {
  for (const warehouseNo of new Set([absentee.spelling, absentee.code])) {
    for (const isDisabled of [false, true]) {
      const page = await client.fetchPage(0, { warehouseNo, isDisabled });
      const match = page.warehouses.find((w) => codeOf(w.warehouseNo) === absentee.code);
      if (match) return match;
    }
  }
  return undefined;
}
