import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * `npm run bench [-- NAME…]`: runs every bench/*.bench.ts (or those named), prints the figures and
 * writes them to bench/results/<name>.json. Uses DATABASE_URL's server, else 127.0.0.1:5432, else PGlite.
 * `--option value` pairs after the names are left for the benches to read (e.g. `chaos --cycles 5`).
 */
async function main(): Promise<void> {
  process.env.TEST_DATABASE_URL ??= process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const args = process.argv.slice(2);
  const only = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
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

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
