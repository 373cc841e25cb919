import 'reflect-metadata';
import { startHub } from './hub';

startHub().catch((error: unknown) => {
  // One clear line on stderr (ConfigError names the variable), non-zero exit.
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
