import { waitFor } from '../../../support/wait-for';
import { FaultRig } from './fault-rig';
import { assertLaterEditDelivered, settledViolations, tally } from './invariants';
import { SeededRandom } from './seeded-random';

export interface ChaosOptions {
  readonly cycles: number;
  readonly warehouses: number;
  readonly seed: number;
  readonly log?: (line: string) => void;
}

export interface ChaosResult {
  readonly seed: number;
  readonly warehouses: number;
  readonly cycles: number;
  /** WDT sync runs requested (the first load and the edits between kills). */
  readonly runs: number;
  /** Syncs not accepted within SYNC_ACCEPT_LIMIT_MS (409 for a dead hub's run). */
  readonly syncsRefused: number;
  readonly faultsInjected: number;
  readonly recordsLost: number;
  readonly duplicatesCreated: number;
  /** SIGKILL → the restarted hub writing to Kingdee again (or listening, when nothing was left to write). */
  readonly longestRecoveryMs: number;
  readonly laterEditDelivered: boolean;
  readonly violations: readonly string[];
  readonly seconds: number;
}

/**
 * K SIGKILL-and-restart cycles at seeded random points of a pipeline (PostgreSQL + Kafka, a child-process
 * hub): the first load of every warehouse, then WDT edits and syncs between kills. At the end the hub
 * must settle with every warehouse in Kingdee once, at its latest name.
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosResult> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const random = new SeededRandom(options.seed);
  const rig = await FaultRig.start({ label: 'chaos', warehouses: options.warehouses, random });
  let runs = 0;
  let faults = 0;
  let longestRecoveryMs = 0;
  let syncsRefused = 0;
  /** What went wrong on the way; the run goes on, so the figures cover every cycle. */
  const problems: string[] = [];
  const startSync = async (when: string) => {
    runs++;
    const refusal = await requestAccepted(rig);
    if (refusal) {
      syncsRefused++;
      problems.push(`${when}: ${refusal}`);
    }
  };
  try {
    const { wdt, kingdee } = rig.sims;
    // Slow enough that the first load spans several kills.
    kingdee.admin.slowResponses(random.int(40, 80));
    let hub = await rig.startHub();
    await startSync('first load');
    for (let cycle = 1; cycle <= options.cycles; cycle++) {
      if (cycle > 1 && random.next() < 0.6) {
        for (let i = random.int(3, 20); i > 0; i--) {
          const w = random.pick(wdt.admin.listWarehouses());
          wdt.admin.editWarehouse(w.warehouse_no, { name: `${w.name.replace(/改\d+$/, '')}改${cycle}` });
        }
        wdt.admin.slowPages(random.int(0, 200));
        await startSync(`cycle ${cycle}`);
      }
      // The random point: somewhere in the sync, the sink, or idle.
      await new Promise((r) => setTimeout(r, random.int(200, 4000)));
      const before = kingdee.admin.calls().filter((c) => c.service === 'BatchSave').length;
      const killedAt = Date.now();
      await rig.kill(hub);
      faults++;
      hub = await rig.startHub();
      await waitFor(
        async () => kingdee.admin.calls().filter((c) => c.service === 'BatchSave').length > before || (await idle(rig)),
        `the restarted hub to write to Kingdee again, or to have nothing left to write`,
        RECOVERY_LIMIT_MS,
        100,
      ).catch((error: Error) => problems.push(`cycle ${cycle}: ${error.message}`));
      const recovery = Date.now() - killedAt;
      longestRecoveryMs = Math.max(longestRecoveryMs, recovery);
      log(
        `cycle ${cycle}/${options.cycles}: killed, back in ${recovery} ms, ${kingdee.admin.stocks().length}/${options.warehouses} in Kingdee`,
      );
    }
    wdt.admin.slowPages(0);
    kingdee.admin.slowResponses(0);
    // A sync the killed runs may have left undone, as an operator would start one.
    await startSync('final sync');
    await waitFor(
      async () => (await rig.api().call('GET', '/sync/wdt/runs?limit=1'))[0]?.status !== 'running',
      'the last sync',
      120_000,
      250,
    ).catch((error: Error) => problems.push(`final sync: ${error.message}`));
    const violations = [...problems, ...(await settledViolations(rig, 150_000))];
    const { lost, duplicates } = tally(kingdee.admin.stocks(), wdt.admin.listWarehouses());
    const laterEditDelivered = await assertLaterEditDelivered(rig, rig.api()).then(
      () => true,
      (error: Error) => (log(`later edit: ${error.message}`), false),
    );
    return {
      seed: options.seed,
      warehouses: options.warehouses,
      cycles: options.cycles,
      runs,
      syncsRefused,
      faultsInjected: faults,
      recordsLost: lost,
      duplicatesCreated: duplicates,
      longestRecoveryMs,
      laterEditDelivered,
      violations,
      seconds: Math.round((Date.now() - started) / 1000),
    };
  } catch (error) {
    throw new Error(`${(error as Error).message} [chaos seed ${options.seed}]`, { cause: error });
  } finally {
    await rig.close();
  }
}

/** How long a restarted hub may take to accept a sync, or to write again. */
const SYNC_ACCEPT_LIMIT_MS = 30_000;
const RECOVERY_LIMIT_MS = 120_000;

/** POST /sync/wdt until accepted (a killed hub's run may hold it a few seconds); the refusal, if it never is. */
async function requestAccepted(rig: FaultRig): Promise<string | undefined> {
  let last = '';
  return waitFor(
    async () => {
      const answer = await rig.requestSync();
      last = `${answer.status} ${JSON.stringify(answer.body)}`;
      return answer.status === 202;
    },
    'POST /api/v1/sync/wdt to answer 202',
    SYNC_ACCEPT_LIMIT_MS,
    500,
  ).then(
    () => undefined,
    (error: Error) => `${error.message}; the last answer was ${last}`,
  );
}

/** Nothing left to do: every processor at the head and the sink group's lag 0. */
async function idle(rig: FaultRig): Promise<boolean> {
  const status = await rig.api().call('GET', '/status');
  return status.kingdeeSink.lag === 0 && (status.processors as { lagEvents: number }[]).every((p) => p.lagEvents === 0);
}
