import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SCRUBBED, SecretScrubber } from '../shared/secrets/secret-scrubber';

/** The one typed view of the environment (docs/architecture.md). Nothing else reads process.env. */
export interface AppConfig {
  readonly http: { readonly port: number; readonly host: string };
  /** `url` undefined → embedded PGlite under `dataDir`. */
  readonly database: {
    readonly url: string | undefined;
    readonly dataDir: string;
    /** DATABASE_IDLE_IN_TRANSACTION_TIMEOUT: PostgreSQL ends a hub session idle in a transaction this long (0 = never). */
    readonly idleInTransactionTimeoutMs: number;
  };
  /** `brokers` undefined → the embedded Postgres log. */
  readonly kafka: {
    readonly brokers: readonly string[] | undefined;
    readonly clientId: string;
    readonly topicGolden: string;
    readonly topicDlq: string;
    readonly partitions: number;
    /** The Kingdee sink's consumer group (one group per hub deployment sharing a topic). */
    readonly sinkGroup: string;
    /** Consumer-group session: a member silent this long is dropped (Kafka, and the embedded log). */
    readonly sessionTimeoutMs: number;
    /** How long a rebalance waits for members to finish their batch; above the longest Kingdee call. */
    readonly rebalanceTimeoutMs: number;
  };
  readonly wdt: WdtConfig;
  readonly kingdee: KingdeeConfig;
  /** undefined → a generated admin key kept in the data dir. */
  readonly apiKeys: readonly ApiKeyConfig[] | undefined;
  /** MDM_API_KEY: the key `mdm` operator commands send to a running hub (else an admin key of MDM_API_KEYS, else the generated key file). */
  readonly cliApiKey: string | undefined;
  readonly schemePath: string;
  readonly logLevel: string;
  readonly reconcile: ReconcileConfig;
  readonly metricsHistory: MetricsHistoryConfig;
}

/** The samples the console's status charts draw (`GET /api/v1/status/history`). */
export interface MetricsHistoryConfig {
  /** MDM_METRICS_SAMPLE_INTERVAL: how often the leader samples lag, throughput and latency; 0 = never. */
  readonly sampleIntervalMs: number;
  /** MDM_METRICS_RETENTION: samples older than this are deleted. */
  readonly retentionMs: number;
}

/** Reconciliation with Kingdee (`mdm reconcile kingdee`). */
export interface ReconcileConfig {
  /** MDM_RECONCILE_INTERVAL: the leader reconciles this long after start and then again each interval; 0 = on demand only. */
  readonly intervalMs: number;
  /** MDM_RECONCILE_PAGE_SIZE: ExecuteBillQuery `Limit` per page (Kingdee allows 2,000 by default, up to 10,000 when raised). */
  readonly pageSize: number;
}

export interface WdtConfig {
  readonly mode: 'openapi' | 'qimen';
  /** True when no credentials are configured: the built-in simulator serves the data (demo mode). */
  readonly simulated: boolean;
  readonly baseUrl: string | undefined;
  readonly sid: string | undefined;
  readonly appkey: string | undefined;
  readonly appsecret: string | undefined;
  readonly qimenUrl: string | undefined;
  readonly qimenAppKey: string | undefined;
  readonly qimenSecret: string | undefined;
  readonly qimenTargetAppKey: string;
  readonly pageSize: number;
  /** 0 = manual only. */
  readonly pollIntervalMs: number;
  readonly callsPerMinute: number;
  /** A sync that would flag more than this share (0–1) of the known warehouses missing flags none and asks a steward. */
  readonly missingMaxShare: number;
}

export interface KingdeeConfig {
  readonly simulated: boolean;
  readonly baseUrl: string | undefined;
  readonly acctId: string | undefined;
  readonly username: string | undefined;
  readonly password: string | undefined;
  readonly appId: string | undefined;
  readonly appSecret: string | undefined;
  readonly lcid: number;
  readonly batchSize: number;
  /** Deadline of one Kingdee call (KINGDEE_TIMEOUT); the consumer-group timeouts are derived from it. */
  readonly timeoutMs: number;
  /** How existing FStockIds are looked up: `FNumber in (…)` per chunk of at most KINGDEE_BATCH_SIZE (default), or one `FNumber='X'` query per record for servers that need it. */
  readonly lookup: 'per-number' | 'in-list';
  /** KINGDEE_CONCURRENCY: BatchSave calls in flight at once across the process (the write load Kingdee sees). */
  readonly concurrency: number;
}

export type ApiRole = 'reader' | 'steward' | 'admin';
export interface ApiKeyConfig {
  readonly name: string;
  readonly role: ApiRole;
  readonly key: string;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`configuration error: ${variable} ${message}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

export function loadConfig(env: Env = withDotEnv(process.env)): AppConfig {
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const wdtMode = oneOf(read('WDT_MODE') ?? 'openapi', ['openapi', 'qimen'] as const, 'WDT_MODE');
  const wdt = {
    mode: wdtMode,
    baseUrl: read('WDT_BASE_URL'),
    sid: read('WDT_SID'),
    appkey: read('WDT_APPKEY'),
    appsecret: read('WDT_APPSECRET'),
    qimenUrl: read('WDT_QIMEN_URL'),
    qimenAppKey: read('WDT_QIMEN_APP_KEY'),
    qimenSecret: read('WDT_QIMEN_SECRET'),
    qimenTargetAppKey: read('WDT_QIMEN_TARGET_APP_KEY') ?? '21363512',
    pageSize: integer(read('WDT_PAGE_SIZE') ?? '100', 'WDT_PAGE_SIZE', 1, 100),
    pollIntervalMs: duration(read('WDT_POLL_INTERVAL') ?? '15m', 'WDT_POLL_INTERVAL'),
    callsPerMinute: integer(read('WDT_CALLS_PER_MINUTE') ?? '60', 'WDT_CALLS_PER_MINUTE', 1, 100_000),
    missingMaxShare: share(read('WDT_MISSING_MAX_SHARE') ?? '0.2', 'WDT_MISSING_MAX_SHARE'),
  };
  const wdtRequired =
    wdtMode === 'openapi'
      ? (['WDT_BASE_URL', 'WDT_SID', 'WDT_APPKEY', 'WDT_APPSECRET'] as const)
      : (['WDT_QIMEN_URL', 'WDT_QIMEN_APP_KEY', 'WDT_QIMEN_SECRET', 'WDT_SID'] as const);
  const wdtSimulated = allOrNone(wdtRequired, read);

  const kingdeeBaseUrl = read('KINGDEE_BASE_URL');
  const kingdee = {
    simulated: kingdeeBaseUrl === undefined,
    baseUrl: kingdeeBaseUrl === undefined ? undefined : withTrailingSlash(url(kingdeeBaseUrl, 'KINGDEE_BASE_URL')),
    acctId: read('KINGDEE_ACCT_ID'),
    username: read('KINGDEE_USERNAME'),
    password: read('KINGDEE_PASSWORD'),
    appId: read('KINGDEE_APP_ID'),
    appSecret: read('KINGDEE_APP_SECRET'),
    lcid: integer(read('KINGDEE_LCID') ?? '2052', 'KINGDEE_LCID', 1, 100_000),
    batchSize: integer(read('KINGDEE_BATCH_SIZE') ?? '50', 'KINGDEE_BATCH_SIZE', 1, 1000),
    timeoutMs: positiveDuration(read('KINGDEE_TIMEOUT') ?? '120s', 'KINGDEE_TIMEOUT'),
    lookup: oneOf(read('KINGDEE_LOOKUP') ?? 'in-list', ['per-number', 'in-list'] as const, 'KINGDEE_LOOKUP'),
    concurrency: integer(read('KINGDEE_CONCURRENCY') ?? '2', 'KINGDEE_CONCURRENCY', 1, 64),
  };
  if (!kingdee.simulated) {
    for (const name of ['KINGDEE_ACCT_ID', 'KINGDEE_USERNAME'] as const) {
      if (read(name) === undefined) throw new ConfigError(name, 'is required when KINGDEE_BASE_URL is set');
    }
    if (kingdee.password === undefined && (kingdee.appId === undefined || kingdee.appSecret === undefined)) {
      throw new ConfigError('KINGDEE_PASSWORD', 'or KINGDEE_APP_ID + KINGDEE_APP_SECRET is required when KINGDEE_BASE_URL is set');
    }
  }

  const brokers = read('KAFKA_BROKERS');
  // A sink member may be inside one Kingdee call when a rebalance starts; the group must wait that
  // call out, or the partition moves while the old owner is still writing (an older version landing last).
  // The session needs no such margin: the sink heartbeats during the call, and a short session lets the
  // group notice a killed hub (whose partitions wait meanwhile) within seconds.
  const sessionTimeoutMs = positiveDuration(read('KAFKA_SESSION_TIMEOUT') ?? '30s', 'KAFKA_SESSION_TIMEOUT');
  const rebalanceTimeoutMs = positiveDuration(
    read('KAFKA_REBALANCE_TIMEOUT') ?? `${Math.ceil(kingdee.timeoutMs / 1000) + 30}s`,
    'KAFKA_REBALANCE_TIMEOUT',
  );
  if (rebalanceTimeoutMs <= kingdee.timeoutMs)
    throw new ConfigError(
      'KAFKA_REBALANCE_TIMEOUT',
      `must be longer than KINGDEE_TIMEOUT (${kingdee.timeoutMs} ms), got ${rebalanceTimeoutMs} ms`,
    );
  return {
    http: { port: integer(read('PORT') ?? '3000', 'PORT', 0, 65535), host: read('HOST') ?? '127.0.0.1' },
    database: {
      url: read('DATABASE_URL') === undefined ? undefined : url(read('DATABASE_URL')!, 'DATABASE_URL'),
      dataDir: path.resolve(read('MDM_DATA_DIR') ?? '.mdm-data'),
      idleInTransactionTimeoutMs: duration(read('DATABASE_IDLE_IN_TRANSACTION_TIMEOUT') ?? '60s', 'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT'),
    },
    kafka: {
      brokers:
        brokers === undefined
          ? undefined
          : brokers
              .split(',')
              .map((b) => b.trim())
              .filter(Boolean),
      clientId: read('KAFKA_CLIENT_ID') ?? 'mdm-hub',
      topicGolden: read('KAFKA_TOPIC_GOLDEN') ?? 'mdm.warehouse.golden.v1',
      topicDlq: read('KAFKA_TOPIC_DLQ') ?? 'mdm.warehouse.kingdee.dlq.v1',
      partitions: integer(read('KAFKA_PARTITIONS') ?? '3', 'KAFKA_PARTITIONS', 1, 1000),
      sinkGroup: read('KAFKA_SINK_GROUP') ?? 'mdm-kingdee-sink',
      sessionTimeoutMs,
      rebalanceTimeoutMs,
    },
    wdt: {
      ...wdt,
      simulated: wdtSimulated,
      baseUrl: wdt.baseUrl === undefined ? undefined : stripTrailingSlash(url(wdt.baseUrl, 'WDT_BASE_URL')),
      qimenUrl: wdt.qimenUrl === undefined ? undefined : url(wdt.qimenUrl, 'WDT_QIMEN_URL'),
    },
    kingdee,
    apiKeys: read('MDM_API_KEYS') === undefined ? undefined : parseApiKeys(read('MDM_API_KEYS')!),
    cliApiKey: read('MDM_API_KEY'),
    schemePath: path.resolve(read('MDM_SCHEME') ?? path.join(projectRoot(), 'schemes', 'wdt-warehouse-to-kingdee-stock.yaml')),
    reconcile: {
      intervalMs: duration(read('MDM_RECONCILE_INTERVAL') ?? '24h', 'MDM_RECONCILE_INTERVAL'),
      pageSize: integer(read('MDM_RECONCILE_PAGE_SIZE') ?? '2000', 'MDM_RECONCILE_PAGE_SIZE', 1, 10_000),
    },
    metricsHistory: {
      sampleIntervalMs: duration(read('MDM_METRICS_SAMPLE_INTERVAL') ?? '15s', 'MDM_METRICS_SAMPLE_INTERVAL'),
      retentionMs: duration(read('MDM_METRICS_RETENTION') ?? '72h', 'MDM_METRICS_RETENTION'),
    },
    logLevel: oneOf(read('LOG_LEVEL') ?? 'info', ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const, 'LOG_LEVEL'),
  };
}

/** Every configured secret value, so logs and errors can be checked (and scrubbed) against them. */
export function configuredSecrets(config: AppConfig): string[] {
  return [
    config.wdt.appsecret,
    config.wdt.qimenSecret,
    config.kingdee.password,
    config.kingdee.appSecret,
    ...(config.apiKeys ?? []).map((k) => k.key),
    config.cliApiKey,
    passwordInUrl(config.database.url),
  ].filter((s): s is string => s !== undefined && s.length > 0);
}

/** The config as it may be printed: secrets replaced by `***`. */
export function redactConfig(config: AppConfig): unknown {
  const secrets = configuredSecrets(config);
  const scrubber = new SecretScrubber(secrets);
  // A secret field is masked whatever its length (the scrubber skips values too short to search for).
  return JSON.parse(JSON.stringify(config), (_key, value: unknown) =>
    typeof value !== 'string' ? value : secrets.includes(value) ? SCRUBBED : scrubber.scrub(value),
  );
}

export function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

function withDotEnv(env: NodeJS.ProcessEnv): Env {
  const file = path.resolve('.env');
  if (!existsSync(file)) return env;
  const fromFile: Record<string, string> = {};
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match || line.trimStart().startsWith('#')) continue;
    fromFile[match[1]!] = match[2]!.replace(/^(['"])(.*)\1$/, '$2');
  }
  // Real environment variables win over the file.
  return { ...fromFile, ...env };
}

/** A fraction from 0 to 1 (`0.2`); a percentage (`20%`) is read as such. */
function share(value: string, variable: string): number {
  const percent = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(value);
  const n = percent ? Number(percent[1]) / 100 : /^\s*\d+(?:\.\d+)?\s*$/.test(value) ? Number(value) : NaN;
  if (!(n >= 0 && n <= 1)) throw new ConfigError(variable, `must be a share from 0 to 1 (e.g. 0.2 or 20%), got "${value}"`);
  return n;
}

function integer(value: string, variable: string, min: number, max: number): number {
  if (!/^-?\d+$/.test(value)) throw new ConfigError(variable, `must be a whole number, got "${value}"`);
  const n = Number(value);
  if (n < min || n > max) throw new ConfigError(variable, `must be between ${min} and ${max}, got ${n}`);
  return n;
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
/** `15m`, `30s`, `1h`, `500ms`, or `0` (off). */
export function duration(value: string, variable: string): number {
  if (value === '0') return 0;
  const match = /^(\d+)(ms|s|m|h)$/.exec(value);
  if (!match) throw new ConfigError(variable, `must be a duration like 15m, 30s, 1h or 0, got "${value}"`);
  return Number(match[1]) * UNIT_MS[match[2]!]!;
}

function positiveDuration(value: string, variable: string): number {
  const ms = duration(value, variable);
  if (ms <= 0) throw new ConfigError(variable, `must be a duration above 0, got "${value}"`);
  return ms;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], variable: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ConfigError(variable, `must be one of ${allowed.join(', ')}, got "${value}"`);
  }
  return value as T;
}

function url(value: string, variable: string): string {
  try {
    new URL(value);
    return value;
  } catch {
    throw new ConfigError(variable, 'must be a URL');
  }
}

function allOrNone(names: readonly string[], read: (n: string) => string | undefined): boolean {
  const missing = names.filter((n) => read(n) === undefined);
  if (missing.length === names.length) return true;
  if (missing.length > 0)
    throw new ConfigError(missing[0]!, `is required when ${names.filter((n) => !missing.includes(n)).join(', ')} is set`);
  return false;
}

function parseApiKeys(value: string): ApiKeyConfig[] {
  return value.split(',').map((entry, i) => {
    const [name, role, key, ...rest] = entry.trim().split(':');
    if (!name || !role || !key || rest.length > 0) {
      throw new ConfigError('MDM_API_KEYS', `entry ${i + 1} must be name:role:key`);
    }
    return { name, role: oneOf(role, ['reader', 'steward', 'admin'] as const, 'MDM_API_KEYS'), key };
  });
}

const withTrailingSlash = (u: string): string => (u.endsWith('/') ? u : `${u}/`);
const stripTrailingSlash = (u: string): string => u.replace(/\/+$/, '');
function passwordInUrl(u: string | undefined): string | undefined {
  if (u === undefined) return undefined;
  try {
    return decodeURIComponent(new URL(u).password) || undefined;
  } catch {
    return undefined;
  }
}
