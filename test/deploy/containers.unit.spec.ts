import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { projectRoot } from '../../src/config/config';

const root = projectRoot();
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const compose = parse(read('docker-compose.yml')) as { services: Record<string, any> };
const hub = compose.services.hub;

/** The variable names of the README's configuration table (the first column, `NAME` in backticks). */
function readmeVariables(): string[] {
  const section = read('README.md')
    .split(/^## /m)
    .find((s) => s.startsWith('Configuration'))!;
  const firstColumns = section
    .split('\n')
    .filter((l) => /^\| `/.test(l))
    .map((l) => l.split('|')[1]!);
  return [...new Set(firstColumns.flatMap((c) => [...c.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]!)))];
}

/** Every variable the config module reads (it is the one reader of the environment). */
function configVariables(): string[] {
  const source = read('src/config/config.ts');
  return [...new Set([...source.matchAll(/read\('([A-Z][A-Z0-9_]+)'\)/g)].map((m) => m[1]!))];
}

describe('container setup (Dockerfile, docker-compose.yml, .dockerignore)', () => {
  it('runs PostgreSQL, Kafka and the hub image; the hub waits for both to be healthy and restarts', () => {
    assert.deepEqual(Object.keys(compose.services).sort(), ['hub', 'kafka', 'postgres']);
    for (const name of ['postgres', 'kafka']) {
      const healthcheck = compose.services[name].healthcheck;
      assert.ok(Array.isArray(healthcheck?.test) && healthcheck.test.length > 1, `${name} has a health check`);
      assert.equal(hub.depends_on[name]?.condition, 'service_healthy', `hub waits for ${name} to be healthy`);
    }
    for (const [name, service] of Object.entries(compose.services))
      assert.match(service.restart ?? '', /always|unless-stopped|on-failure/, `${name} restarts`);
    assert.equal(hub.build, '.', 'the hub is built from the Dockerfile, not node:20 with a bind mount');
    assert.equal(
      hub.volumes?.some((v: string) => v.startsWith('.:')),
      false,
      'no bind-mounted repository',
    );
    assert.match(hub.environment.DATABASE_URL, /@postgres:5432\//);
  });

  it('the broker advertises a listener for containers (the hub uses it) and one for the host, published', () => {
    const kafka = compose.services.kafka.environment;
    const advertised = String(kafka.KAFKA_ADVERTISED_LISTENERS).split(',');
    const internal = advertised.find((l) => l.includes('//kafka:'));
    const host = advertised.find((l) => /\/\/(localhost|127\.0\.0\.1):/.test(l));
    assert.ok(internal && host, `both listeners in ${kafka.KAFKA_ADVERTISED_LISTENERS}`);
    assert.equal(hub.environment.KAFKA_BROKERS, internal.split('//')[1]);
    const hostPort = host.split(':').at(-1);
    assert.ok(compose.services.kafka.ports.includes(`${hostPort}:${hostPort}`), `port ${hostPort} is published`);
    for (const name of String(kafka.KAFKA_LISTENER_SECURITY_PROTOCOL_MAP)
      .split(',')
      .map((p) => p.split(':')[0]))
      assert.ok(String(kafka.KAFKA_LISTENERS).includes(`${name}://`), `${name} is a listener`);
  });

  it('wires every configuration variable the README documents and the config module reads', () => {
    const documented = readmeVariables();
    assert.ok(
      documented.length >= 30 && documented.includes('KINGDEE_APP_SECRET') && documented.includes('WDT_QIMEN_URL'),
      documented.join(),
    );
    const wired = Object.keys(hub.environment);
    assert.deepEqual(
      [...documented, ...configVariables()].filter((v) => !wired.includes(v)),
      [],
      'variables missing from the hub service',
    );
    const secrets = ['WDT_APPSECRET', 'WDT_QIMEN_SECRET', 'KINGDEE_PASSWORD', 'KINGDEE_APP_SECRET', 'MDM_API_KEYS'];
    for (const s of secrets) assert.equal(hub.environment[s], `\${${s}:-}`, `${s} comes from the environment, never the file`);
  });

  it('the Dockerfile builds in one stage and runs dist/ with production dependencies as a non-root user, with a health check', () => {
    const dockerfile = read('Dockerfile');
    const stages = [...dockerfile.matchAll(/^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/gim)].map((m) => m[2]);
    assert.deepEqual(stages, ['build', 'runtime']);
    const runtime = dockerfile.split(/^FROM .* AS runtime$/m)[1]!;
    assert.match(dockerfile.split(/AS runtime/)[0]!, /npm ci[\s\S]*npm run --silent build[\s\S]*npm prune --omit=dev/);
    assert.match(runtime, /COPY --from=build \/app\/node_modules/);
    assert.match(runtime, /COPY --from=build \/app\/dist\/src/);
    assert.match(runtime, /COPY --from=build \/app\/dist\/migrations/);
    assert.match(runtime, /^USER (?!root)\S+/m);
    assert.match(runtime, /^HEALTHCHECK [\s\S]*\/api\/v1\/health/m);
    assert.match(runtime, /^CMD \["node", "dist\/src\/main\.js"\]/m);
    // Everything the running hub reads from the project folder is in the image.
    for (const needed of ['schemas', 'schemes']) assert.match(runtime, new RegExp(`COPY --from=build /app/${needed} `));
  });

  it('.dockerignore keeps host builds, data and secrets out of the build context', () => {
    const ignored = read('.dockerignore')
      .split('\n')
      .map((l) => l.trim());
    for (const entry of ['node_modules', 'dist', '.mdm-data', '.env', '.git']) assert.ok(ignored.includes(entry), entry);
    assert.ok(existsSync(path.join(root, '.swcrc')) && !ignored.includes('.swcrc'), 'the build needs .swcrc');
  });

  it('`docker compose config` accepts the file, where Compose is installed (CI installs it)', (t) => {
    // The Compose plugin (`docker compose`) or the standalone `docker-compose`, whichever is here.
    const tool = [['docker', 'compose'], ['docker-compose']].find(([cmd, ...args]) => spawnSync(cmd!, [...args, 'version']).status === 0);
    if (!tool) {
      t.diagnostic('Docker Compose is not installed: the structural checks above stand in for `docker compose config`');
      return;
    }
    const [cmd, ...args] = tool;
    const config = spawnSync(cmd!, [...args, 'config', '--quiet'], { cwd: root, encoding: 'utf8' });
    assert.equal(config.status, 0, config.stderr);
  });
});
