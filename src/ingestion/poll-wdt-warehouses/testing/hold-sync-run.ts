/**
 * A WDT sync run in a process of its own, so a test can SIGKILL the hub that owns the run. Started
 * by the lease's integration test as `node hold-sync-run.js '<json HoldArgs>'` (the database and the
 * simulator's address and credentials); prints `running <runId>` once the run holds its lease
 * and is recorded, then keeps pulling (the test makes the simulator slow) until it is killed.
 */
import { openDatabase } from '../../../platform/database/data-source';
import { CallBudget } from '../../wdt-client/call-budget';
import { openapiProtocol } from '../../wdt-client/openapi-protocol';
import { WdtClient } from '../../wdt-client/wdt-client';
import { AdvisoryRunOwnership } from '../run-ownership';
import { WdtSyncRunner } from '../wdt-sync-runner';

export interface HoldArgs {
  readonly databaseUrl: string;
  readonly wdt: { readonly baseUrl: string; readonly sid: string; readonly appkey: string; readonly appsecret: string };
}

async function main(): Promise<void> {
  const args = JSON.parse(process.argv[2] ?? '{}') as HoldArgs;
  const url = args.databaseUrl;
  const db = await openDatabase({ url, embedded: false });
  const client = new WdtClient(openapiProtocol(args.wdt), { pageSize: 20, budget: new CallBudget(100_000) });
  const recorder = {
    recordObservations: async () => [],
    flagMissing: async () => [],
    previewMissing: async () => ({ codes: [], known: 0 }),
    reportListingCheck: async () => undefined,
  };
  const runner = new WdtSyncRunner({ client, recorder, db, ownership: new AdvisoryRunOwnership(url) });
  const { runId, completion } = await runner.start('cli');
  process.stdout.write(`running ${runId}\n`);
  await completion;
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
