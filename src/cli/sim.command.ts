import { runKingdeeSimulatorCli } from '../simulators/kingdee';
import { runWdtSimulatorCli } from '../simulators/wdt';
import { ParsedArgs } from './args';
import { CliCommand } from './commands';

/** The simulators parse their own flags: hand them back the command line as it was written. */
export function toArgv(args: ParsedArgs): string[] {
  const options = Object.entries(args.options).flatMap(([name, value]) =>
    value === true ? [`--${name}`] : (Array.isArray(value) ? value : [value as string]).flatMap((v) => [`--${name}`, v]),
  );
  return [...args.positional, ...options];
}

/** Resolves on Ctrl-C or SIGTERM; the simulator runs until then. */
export function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
}

export const simWdtCommand: CliCommand = {
  path: ['sim', 'wdt'],
  summary: 'run the WDT simulator on its own (企业版 openapi2 and 企业奇门) until Ctrl-C',
  flags: [
    { name: 'port', value: 'PORT', description: 'listen port (default 4001; 0 = any free port)' },
    { name: 'host', value: 'HOST', description: 'listen address (default 127.0.0.1)' },
    { name: 'warehouses', value: 'N', description: 'seed N generated warehouses instead of the shipped data set' },
    { name: 'seed', value: 'S', description: 'random seed of the generated data' },
    { name: 'accept-byte-lengths', description: 'also accept signatures computed over UTF-8 byte lengths' },
  ],
  async run(args) {
    const sim = await runWdtSimulatorCli(toArgv(args));
    await untilSignal();
    await sim.stop();
  },
};

export const simKingdeeCommand: CliCommand = {
  path: ['sim', 'kingdee'],
  summary: 'run the Kingdee K/3 Cloud simulator on its own until Ctrl-C',
  flags: [
    { name: 'port', value: 'PORT', description: 'listen port (default 4002; 0 = any free port)' },
    { name: 'host', value: 'HOST', description: 'listen address (default 127.0.0.1)' },
    { name: 'session-idle', value: 'DURATION', description: 'session idle timeout, e.g. 20m or 90s' },
  ],
  async run(args) {
    const sim = await runKingdeeSimulatorCli(toArgv(args));
    await untilSignal();
    await sim.stop();
  },
};
