import { ADMIN_ENDPOINTS } from './admin-routes';
import { startKingdeeSimulator, type KingdeeSimulator } from './server';

export interface CliOutput {
  log(line: string): void;
}

/**
 * `mdm sim kingdee [--port 4002] [--host H] [--session-idle 20m]`: starts the simulator and prints
 * its URL and the settings that point the hub at it. Returns the running simulator; the caller keeps
 * the process alive and calls `stop()` on exit.
 */
export async function runKingdeeSimulatorCli(args: readonly string[], out: CliOutput = console): Promise<KingdeeSimulator> {
  const flags = parseFlags(args);
  const sim = await startKingdeeSimulator({ port: flags.port ?? 4002, host: flags.host, sessionIdleMs: flags.sessionIdleMs });
  for (const line of describeKingdeeSimulator(sim)) out.log(line);
  return sim;
}

export function describeKingdeeSimulator(sim: KingdeeSimulator): string[] {
  const u = sim.user;
  return [
    `Kingdee K/3 Cloud simulator listening on ${sim.url} (BD_STOCK: ${sim.admin.stocks().length} records)`,
    `  services: POST ${sim.url}Kingdee.BOS.WebApi.ServicesStub.{AuthService,DynamicFormService}.<Name>.common.kdsvc`,
    `  admin:    ${sim.origin}/__admin (${ADMIN_ENDPOINTS.length} endpoints: /__admin/stocks, /__admin/calls, /__admin/faults/…, /__admin/reset)`,
    '',
    'Point the hub at it (password login):',
    `  KINGDEE_BASE_URL=${sim.url} KINGDEE_ACCT_ID=${u.acctId} KINGDEE_USERNAME=${u.username} KINGDEE_PASSWORD=${u.password}`,
    'or (app login):',
    `  KINGDEE_BASE_URL=${sim.url} KINGDEE_ACCT_ID=${u.acctId} KINGDEE_USERNAME=${u.username} KINGDEE_APP_ID=${u.appId} KINGDEE_APP_SECRET=${u.appSecret}`,
  ];
}

interface Flags {
  port?: number;
  host?: string;
  sessionIdleMs?: number;
}

export function parseFlags(args: readonly string[]): Flags {
  const flags: Flags = {};
  for (let i = 0; i < args.length; i++) {
    const [name, inline] = args[i]!.split('=', 2) as [string, string | undefined];
    const value = () => inline ?? args[++i] ?? '';
    if (name === '--port') flags.port = whole(value(), '--port', 0, 65535);
    else if (name === '--host') flags.host = value();
    else if (name === '--session-idle') flags.sessionIdleMs = minutesOrSeconds(value());
    else throw new Error(`mdm sim kingdee: unknown option ${name} (use --port, --host, --session-idle)`);
  }
  return flags;
}

function whole(value: string, flag: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max)
    throw new Error(`mdm sim kingdee: ${flag} must be a whole number from ${min} to ${max}, got "${value}"`);
  return n;
}

function minutesOrSeconds(value: string): number {
  const match = /^(\d+)(s|m)$/.exec(value);
  if (!match) throw new Error(`mdm sim kingdee: --session-idle must look like 20m or 90s, got "${value}"`);
  return Number(match[1]) * (match[2] === 'm' ? 60_000 : 1000);
}
