import { WdtSimulator, startWdtSimulator } from './server';

export interface CliOutput {
  log(line: string): void;
}

/**
 * `mdm sim wdt [--port 4001] [--warehouses N] [--seed S] [--host H] [--accept-byte-lengths]`: starts
 * the simulator and prints its URLs and the settings to point the hub at it. Returns the running
 * simulator; the caller keeps the process alive and calls `stop()` on exit.
 */
export async function runWdtSimulatorCli(args: readonly string[], out: CliOutput = console): Promise<WdtSimulator> {
  const flags = parseFlags(args);
  const sim = await startWdtSimulator({
    port: flags.port ?? 4001,
    host: flags.host,
    warehouses: flags.warehouses,
    seed: flags.seed,
    acceptByteLengthSignatures: flags.acceptByteLengths,
  });
  for (const line of describeSimulator(sim)) out.log(line);
  return sim;
}

export function describeSimulator(sim: WdtSimulator): string[] {
  const c = sim.credentials;
  return [
    `WDT simulator listening on ${sim.url} (${sim.admin.listWarehouses().length} warehouses)`,
    `  企业版 (openapi2): POST ${sim.openapiBaseUrl}/warehouse_query.php`,
    `  企业奇门:          GET|POST ${sim.qimenUrl}`,
    `  admin:            ${sim.url}/__admin/warehouses, /__admin/faults, /__admin/calls, /__admin/reset`,
    '',
    'Point the hub at it (企业版):',
    `  WDT_MODE=openapi WDT_BASE_URL=${sim.openapiBaseUrl} WDT_SID=${c.sid} WDT_APPKEY=${c.appkey} WDT_APPSECRET=${c.appsecret}`,
    'or (企业奇门):',
    `  WDT_MODE=qimen WDT_QIMEN_URL=${sim.qimenUrl} WDT_QIMEN_APP_KEY=${c.qimenAppKey} WDT_QIMEN_SECRET=${c.qimenSecret} WDT_QIMEN_TARGET_APP_KEY=${c.qimenTargetAppKey} WDT_SID=${c.sid}`,
  ];
}

interface Flags {
  port?: number;
  host?: string;
  warehouses?: number;
  seed?: number;
  acceptByteLengths?: boolean;
}

export function parseFlags(args: readonly string[]): Flags {
  const flags: Flags = {};
  for (let i = 0; i < args.length; i++) {
    const [name, inline] = args[i]!.split('=', 2) as [string, string | undefined];
    const value = () => inline ?? args[++i] ?? '';
    if (name === '--port') flags.port = whole(value(), '--port', 0, 65535);
    else if (name === '--warehouses') flags.warehouses = whole(value(), '--warehouses', 0, 1_000_000);
    else if (name === '--seed') flags.seed = whole(value(), '--seed', 0, 2 ** 32 - 1);
    else if (name === '--host') flags.host = value();
    else if (name === '--accept-byte-lengths') flags.acceptByteLengths = true;
    else throw new Error(`mdm sim wdt: unknown option ${name} (use --port, --warehouses, --seed, --host, --accept-byte-lengths)`);
  }
  return flags;
}

function whole(value: string, flag: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max)
    throw new Error(`mdm sim wdt: ${flag} must be a whole number from ${min} to ${max}, got "${value}"`);
  return n;
}
