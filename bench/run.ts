import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * `npm run bench [-- NAME…]`: runs every bench/*.bench.ts (or those named), prints the figures and
 * writes them to bench/results/<name>.json. Uses DATABASE_URL's server, else 127.0.0.1:5432, else PGlite;
 * KAFKA_BROKERS, else 127.0.0.1:9092. `--option value` pairs after the names stay in process.argv for
 * the benches that read it (e.g. `chaos --cycles 5`) and also reach them as BENCH_OPTION.
 */
async function main(): Promise<void> {
  process.env.TEST_DATABASE_URL ??= process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  // The broker scripts/kafka-local.sh starts, unless told otherwise (the pipeline bench needs one).
  process.env.KAFKA_BROKERS ??= `127.0.0.1:${process.env.KAFKA_PORT ?? 9092}`;
  const only = namesAndFlags(process.argv.slice(2));
  const resultsDir = path.resolve(__dirname, '..', '..', 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const benches = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.js'))
    .map((f) => f.replace(/\.bench\.js$/, ''));
  for (const name of benches.filter((b) => only.length === 0 || only.includes(b))) {
    console.log(`bench ${name} …`);
    const mod = (await import(path.join(__dirname, `${name}.bench.js`))) as { run(): Promise<Record<string, unknown>> };
    const result = { bench: name, at: new Date().toISOString(), ...(await mod.run()) };
    console.log(JSON.stringify(result, null, 2));
    writeFileSync(path.join(resultsDir, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  }
}

/** Bench names; `--some-flag value` becomes BENCH_SOME_FLAG=value for the benches to read. */
function namesAndFlags(args: readonly string[]): string[] {
  const names: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const flag = /^--([a-z][a-z0-9-]*)(?:=(.*))?$/.exec(args[i]!);
    if (!flag) names.push(args[i]!);
    else process.env[`BENCH_${flag[1]!.replace(/-/g, '_').toUpperCase()}`] = flag[2] ?? args[++i] ?? '';
  }
  return names;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
