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
  usage: 'sim wdt [--port 4001] [--warehouses N] [--seed S]   run the WDT simulator on its own',
  async run(args) {
    const sim = await runWdtSimulatorCli(toArgv(args));
    await untilSignal();
    await sim.stop();
  },
};

export const simKingdeeCommand: CliCommand = {
  path: ['sim', 'kingdee'],
  usage: 'sim kingdee [--port 4002] [--session-idle 20m]  run the Kingdee simulator on its own',
  async run(args) {
    const sim = await runKingdeeSimulatorCli(toArgv(args));
    await untilSignal();
    await sim.stop();
  },
};
