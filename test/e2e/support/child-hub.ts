import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../../src/config/config';
import { waitFor } from '../../support/wait-for';

/** A hub running as `node dist/src/main.js` in its own process, so a test can SIGKILL it. */
export interface ChildHub {
  readonly url: string;
  readonly process: ChildProcess;
  /** Its log lines (JSON) and anything else it wrote, for diagnostics. */
  readonly output: string[];
  /** SIGKILL: no shutdown hooks, no commits, no goodbyes. */
  kill(): Promise<void>;
  /** SIGTERM and wait for a clean exit (SIGKILL after `timeoutMs`). */
  stop(timeoutMs?: number): Promise<void>;
}

/**
 * Starts a hub with exactly `env` (plus PATH), in an empty working directory so no `.env` file
 * joins in. Resolves once it logs "mdm-hub is listening" (LOG_LEVEL must be info or lower).
 */
export async function spawnHub(env: Record<string, string>, timeoutMs = 120_000, nodeArgs: readonly string[] = []): Promise<ChildHub> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await spawnOnce(env, timeoutMs, nodeArgs);
    } catch (error) {
      // Another `npm test` or `npm run build` in the same checkout may be rewriting dist/ right now.
      if (!(error instanceof DistMissing) || attempt >= 3) throw error;
      await new Promise((r) => setTimeout(r, 3000));
    }
  }
}

class DistMissing extends Error {}

async function spawnOnce(env: Record<string, string>, timeoutMs: number, nodeArgs: readonly string[]): Promise<ChildHub> {
  const cwd = mkdtempSync(path.join(tmpdir(), 'mdm-child-hub-'));
  const child = spawn(process.execPath, ['--enable-source-maps', ...nodeArgs, path.join(projectRoot(), 'dist', 'src', 'main.js')], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  let url: string | undefined;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
      output.push(line);
      if (line.includes('mdm-hub is listening')) url = (JSON.parse(line) as { url: string }).url;
    }
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  await waitFor(() => url ?? (child.exitCode !== null ? 'exited' : undefined), 'the child hub to listen', timeoutMs, 100);
  if (!url && output.some((l) => l.includes('Cannot find module'))) throw new DistMissing('dist/ changed under the hub');
  if (!url) throw new Error(`the hub exited with ${child.exitCode}: ${output.slice(-40).join('\n')}`);
  const kill = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return {
    url: url!,
    process: child,
    output,
    kill: () => kill('SIGKILL'),
    async stop(timeout = 30_000) {
      const timer = setTimeout(() => child.kill('SIGKILL'), timeout);
      await kill('SIGTERM');
      clearTimeout(timer);
    },
  };
}
