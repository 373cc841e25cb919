import { startHub } from '../hub';
import { CliCommand } from './commands';

export const startCommand: CliCommand = {
  path: ['start'],
  summary: 'run the API, the console and all workers (what npm start runs)',
  async run() {
    await startHub();
    // Keeps running until SIGINT/SIGTERM (shutdown hooks close everything).
    await new Promise<void>(() => undefined);
  },
};
