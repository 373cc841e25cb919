import assert from 'node:assert/strict';
import type { MessageLog } from '../../../src/log/message-log.port';
import { DLQ_EVENT_SOURCE, DLQ_EVENT_TYPE } from '../../../src/publishing/cloud-events';
import { waitFor } from '../../support/wait-for';
import { ADMIN_KEY, assertMappedStocks, HubApi, readTopic, Simulators, stockIds } from './pipeline-harness';

/**
 * Issue 5's main scenario, step by step, for any hub (Kafka + PostgreSQL, or the embedded
 * defaults): WDT simulator → hub → golden topic → sink → Kingdee simulator.
 */
export interface PipelineContext {
  readonly api: HubApi;
  readonly sims: Simulators;
  /** Where the hub's DLQ can be read (the hub's own log, or a Kafka client of the test's). */
  readonly log: MessageLog;
  readonly dlqTopic: string;
  /** The FNumber the Kingdee simulator rejects on the first pass. */
  readonly rejected: string;
  readonly warehouses: number;
}

/** First sync: every warehouse but the rejected one lands in Kingdee; that one is dead-lettered with a task. */
export async function firstSyncOneRejected(ctx: PipelineContext): Promise<void> {
  const { api, sims, warehouses, rejected } = ctx;
  sims.kingdee.admin.rejectNumber(rejected);
  const run = await api.sync();
  assert.equal(run.status, 'succeeded', run.error);
  assert.equal(run.seen, warehouses);
  await waitFor(
    async () => sims.kingdee.admin.stocks().length === warehouses - 1 && (await api.syncFailureTasks('open')).length === 1,
    `${warehouses - 1} records in Kingdee and one sync-failure task`,
    300_000,
    250,
  );
  const [task] = await api.syncFailureTasks('open');
  assert.equal(task.details.code, 'kingdee_validation_failed');
  assert.match(task.details.message, new RegExp(`仓库编码\\[${rejected}\\]未通过校验`));
  const [letter] = await readTopic(ctx.log, ctx.dlqTopic, 1);
  const value = JSON.parse(letter!.value!);
  assert.equal(letter!.headers?.reason, 'kingdee_validation_failed');
  // The CloudEvents binary binding, as read back from the log the hub wrote (a Kafka broker in pipeline.e2e).
  const h = letter!.headers ?? {};
  assert.deepEqual(
    [h.ce_specversion, h.ce_type, h.ce_source, h.ce_subject, h['content-type']],
    ['1.0', DLQ_EVENT_TYPE, DLQ_EVENT_SOURCE, task.record.goldenId, 'application/json'],
  );
  assert.ok(h.ce_id && Number.isFinite(Date.parse(h.ce_time ?? '')), JSON.stringify(h));
  assert.equal(letter!.key, task.record.goldenId);
  assert.deepEqual(
    [value.message.record.warehouseNo, value.reason.code, value.goldenId],
    [rejected, 'kingdee_validation_failed', task.record.goldenId],
  );
  assert.equal(sims.kingdee.admin.stock(rejected), undefined);
  await waitFor(async () => (await api.countWarehouses('synced')) === warehouses - 1, 'the sync status read model', 60_000, 250);
  // Call economy: one look-up per chunk of new numbers, not one per record.
  const calls = sims.kingdee.admin.callCounts();
  assert.ok((calls.ExecuteBillQuery ?? 0) < warehouses / 5, `${calls.ExecuteBillQuery} ExecuteBillQuery calls for ${warehouses} records`);
  const status = await api.call('GET', '/status');
  assert.equal(status.sink?.healthy, true, `the sink is a consuming member: ${JSON.stringify(status.sink)}`);
  const metrics = await (await fetch(`${api.url}/metrics`, { headers: { authorization: `Bearer ${ADMIN_KEY}` } })).text();
  assert.match(metrics, /^mdm_sink_healthy 1$/m);
}

/** Kingdee is fixed, the steward retries the task: every warehouse is in Kingdee once, mapped and audited. */
export async function retryAfterFix(ctx: PipelineContext): Promise<void> {
  const { api, sims, warehouses } = ctx;
  sims.kingdee.admin.clearFaults();
  const [task] = await api.syncFailureTasks('open');
  await api.call('POST', `/stewardship/tasks/${task.taskId}/resolve`, { action: 'retry', reason: 'Kingdee validation fixed' });
  await waitFor(async () => (await api.countWarehouses('synced')) === warehouses, `all ${warehouses} synced`, 120_000, 250);
  await api.readModelsAtHead(); // the tasks read model, asserted below, may trail the sync status
  assertMappedStocks(sims.kingdee.admin.stocks(), sims.wdt.admin.listWarehouses());
  assert.deepEqual(await api.syncFailureTasks('open'), []);
}

/** Ten names edited in WDT: the next sync updates those ten records in place and creates nothing. */
export async function tenEditsInPlace(ctx: PipelineContext): Promise<void> {
  const { api, sims } = ctx;
  const before = sims.kingdee.admin.stocks();
  const edited = sims.wdt.admin
    .listWarehouses()
    .filter((_, i) => i % 97 === 5)
    .slice(0, 10);
  for (const w of edited) sims.wdt.admin.editWarehouse(w.warehouse_no, { name: `${w.name}(改)` });
  const run = await api.sync();
  assert.equal(run.status, 'succeeded', run.error);
  assert.equal(run.changed, 10);
  const renamed = () => edited.filter((w) => sims.kingdee.admin.stock(w.warehouse_no)?.FName === `${w.name}(改)`).length;
  await waitFor(() => renamed() === 10, 'the ten new names in Kingdee', 120_000, 250);
  const after = sims.kingdee.admin.stocks();
  assert.deepEqual(stockIds(after), stockIds(before), 'same FStockIds, nothing created');
  const changed = after
    .filter((s, i) => s.FName !== before[i]!.FName)
    .map((s) => s.FNumber)
    .sort();
  assert.deepEqual(changed, edited.map((w) => w.warehouse_no).sort());
  assertMappedStocks(after, sims.wdt.admin.listWarehouses());
}
