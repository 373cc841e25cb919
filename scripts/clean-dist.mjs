#!/usr/bin/env node
// Removes the server build's output folders before SWC writes them again, but keeps dist/console
// (the Vite-built console), which is rebuilt only when console/ changes (scripts/build-console.mjs).
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
for (const folder of ['src', 'test', 'migrations', 'bench']) rmSync(path.join(dist, folder), { recursive: true, force: true });
