#!/usr/bin/env node
// `npm test [-- FILTER...]`: builds, provisions PostgreSQL and Kafka unless DATABASE_URL / KAFKA_BROKERS
// are given, runs every compiled *.spec.js (or those whose path contains a FILTER) with node's test
// runner, and ends with one plain line `N passed, N failed`.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { fileURLToPath } from 'node:url';
import { buildConsole } from './build-console.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const filters = process.argv.slice(2);

function canConnect(host, port, timeoutMs = 1500) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function provisionPostgres() {
  if (process.env.TEST_DATABASE_URL || process.env.DATABASE_URL) {
    process.env.TEST_DATABASE_URL ??= process.env.DATABASE_URL;
    return `PostgreSQL from ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'TEST_DATABASE_URL'}`;
  }
  if (await canConnect('127.0.0.1', 5432)) {
    process.env.TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
    return 'PostgreSQL on 127.0.0.1:5432';
  }
  return 'embedded PGlite per test file (no PostgreSQL server answered on 127.0.0.1:5432)';
}

async function provisionKafka() {
  if (process.env.KAFKA_BROKERS) return `Kafka from KAFKA_BROKERS=${process.env.KAFKA_BROKERS}`;
  const script = path.join(root, 'scripts', 'kafka-local.sh');
  const started = spawnSync('bash', [script, 'start'], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (started.status === 0) {
    process.env.KAFKA_BROKERS = `127.0.0.1:${process.env.KAFKA_PORT ?? 9092}`;
    return `Kafka broker from scripts/kafka-local.sh on ${process.env.KAFKA_BROKERS}`;
  }
  process.env.MDM_TEST_KAFKA_UNAVAILABLE =
    'no Kafka broker: set KAFKA_BROKERS, or install Java 17+ and Maven so scripts/kafka-local.sh can start one';
  return process.env.MDM_TEST_KAFKA_UNAVAILABLE;
}

function specFiles(dir) {
  const found = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) found.push(...specFiles(full));
    else if (entry.endsWith('.spec.js')) found.push(full);
  }
  return found.sort();
}

execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
// The console's browser tests need dist/console; rebuilt only when console/ changed, never for unit runs.
if (filters.length === 0 || !filters.every((f) => f.includes('unit'))) await buildConsole({ ifStale: true });
console.log(`database: ${await provisionPostgres()}`);
const wantsKafka = filters.length === 0 || !filters.every((f) => f.includes('unit'));
if (wantsKafka) console.log(`kafka: ${await provisionKafka()}`);

const files = [...specFiles(path.join(root, 'dist', 'src')), ...specFiles(path.join(root, 'dist', 'test'))].filter(
  (file) => filters.length === 0 || filters.some((f) => path.relative(root, file).includes(f)),
);
if (files.length === 0) {
  console.error(`no test files match ${filters.join(' ') || '*.spec.js'}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

// Child test processes inherit this: stack traces point at the TypeScript sources.
process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --enable-source-maps`.trim();
let passed = 0;
let failed = 0;
const stream = run({
  files,
  concurrency: Number(process.env.TEST_CONCURRENCY ?? 2),
  timeout: Number(process.env.TEST_FILE_TIMEOUT_MS ?? 15 * 60_000),
});
stream.on('test:pass', (event) => {
  if (event.details?.type !== 'suite') passed += 1;
});
stream.on('test:fail', (event) => {
  if (event.details?.type !== 'suite') failed += 1;
});
stream.compose(spec).pipe(process.stdout);
stream.once('end', () => {
  // Let the reporter flush before the summary line.
  setImmediate(() => {
    console.log(`\n${passed} passed, ${failed} failed`);
    process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
  });
});
