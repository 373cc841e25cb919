import { startHub } from '../hub';
import { CliCommand } from './commands';

export const startCommand: CliCommand = {
  path: ['start'],
  usage: 'start                      run the API, the console and all workers',
  async run() {
    await startHub();
    // Keeps running until SIGINT/SIGTERM (shutdown hooks close everything).
    await new Promise<void>(() => undefined);
  },
};
