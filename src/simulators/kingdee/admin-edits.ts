import { saveRecord } from './save-record';
import type { SimContext } from './sim-context';
import type { SimStock } from './stock-store';

/** Status fields a person changes with Kingdee's own buttons (禁用, 审核), not through a save. */
const STATUS_KEYS = new Map([
  ['fforbidstatus', 'FForbidStatus'],
  ['fdocumentstatus', 'FDocumentStatus'],
]);

/**
 * Edits made in the Kingdee client behind the hub's back (reconciliation tests and demos): the
 * record is found by number (within `useOrg` when given). Field values are validated and typed as
 * a save would (so FName stays text, FGroup a reference); FForbidStatus/FDocumentStatus are set as given.
 */
export function editStock(ctx: SimContext, number: string, changes: Record<string, unknown>, useOrg?: string): SimStock {
  const existing = ctx.stocks.findByNumber(useOrg, number);
  if (!existing) throw new Error(`no stock numbered ${number}`);
  const saved: Record<string, unknown> = {};
  const statuses: Record<string, string> = {};
  for (const [key, value] of Object.entries(changes)) {
    const status = STATUS_KEYS.get(key.toLowerCase());
    if (status) statuses[status] = String(value);
    else saved[key] = value;
  }
  const rules = {
    store: ctx.stocks,
    autoAudit: false,
    needUpDateFields: new Set<string>(),
    rejectNumbers: new Map<string, string>(),
    rejectAutoAuditOnUpdate: false,
    rejectAuditedUpdate: false,
  };
  const result = saveRecord({ ...saved, FStockId: existing.FStockId }, rules);
  if (!result.ok) throw new Error(`cannot edit stock ${number}: ${result.errors.map((e) => e.Message).join('; ')}`);
  return ctx.stocks.replace({ ...result.stock, ...statuses });
}

/** Deletes the record numbered `number` (as a person with the right could in Kingdee); false if there is none. */
export function deleteStock(ctx: SimContext, number: string, useOrg?: string): boolean {
  const existing = ctx.stocks.findByNumber(useOrg, number);
  return existing ? ctx.stocks.remove(existing.FStockId) : false;
}
