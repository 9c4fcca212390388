// Settings from environment variables (and an optional .env file), with defaults that start
// the embedded demo: SQLite under ./data and the built-in simulators when no UCCX/Finesse is set.
import { hostname } from 'node:os';

export interface Config {
  host: string;
  port: number;
  publicUrl: string;
  databaseUrl: string;
  seedFile: string | null;
  /** Finesse base URL used to verify agents; null → the embedded Finesse simulator. */
  finesseUrl: string | null;
  adminUsers: string[];
  authCacheSeconds: number;
  ivr: { user: string; password: string; defaultCsq: string };
  /** UCCX admin API base URL (https://uccx-node); null → the embedded UCCX simulator. */
  uccx: { url: string | null; user: string; password: string; batchSize: number; allowDuplicateContacts: boolean };
  /** db_cra reader (docs/dbcra.md): 'odbc' (production: unixODBC + IBM Informix ODBC driver), 'informix' (ibm_db, DRDA only)
   * or 'sql' (a Sequelize URL: the simulator's stand-in). `url` is read first (the standby node), `failoverUrls` after it. */
  dbcra: DbCraSettings;
  sim: { uccxPort: number; finessePort: number; dbcraUrl: string; clockSpeed: number };
  /** retentionDays: finished callbacks older than this are deleted (with their history) by the daily purge. */
  jobs: { enabled: boolean; dispatchIntervalMs: number; leaseSeconds: number; syncIntervalMs: number; purgeAt: string; retentionDays: number };
  /** How often an instance looks for callbacks changed elsewhere (live views). */
  changeFeedMs: number;
  instanceId: string;
}

export type DbCraDriver = 'odbc' | 'informix' | 'sql';
export interface DbCraSettings {
  driver: DbCraDriver;
  url: string | null;
  /** The other UCCX node(s), tried in order when the first is unreachable. */
  failoverUrls?: string[];
  /** Rows created (and calls started) longer ago than this are not read; 0 = no time bound. */
  lookbackHours?: number;
  /** Per-statement timeout (ODBC / ibm_db); a query UCCX cannot answer in time is abandoned. */
  queryTimeoutSeconds?: number;
  /** After a failover, how long before the first (standby) node is tried again. */
  preferredRetryMs?: number;
}

type Env = Record<string, string | undefined>;

const int = (env: Env, name: string, fallback: number): number => {
  const raw = env[name];
  if (raw == null || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n)) throw new Error(`${name} must be a number, got "${raw}"`);
  return n;
};
const str = (env: Env, name: string, fallback: string): string => (env[name] ? (env[name] as string) : fallback);
const optional = (env: Env, name: string): string | null => (env[name] ? (env[name] as string) : null);

export function loadConfig(env: Env = process.env): Config {
  const port = int(env, 'CM_PORT', 8080);
  const dbcra = loadDbCraSettings(env);
  return {
    host: str(env, 'CM_HOST', '0.0.0.0'),
    port,
    publicUrl: str(env, 'CM_PUBLIC_URL', `http://localhost:${port}`),
    databaseUrl: str(env, 'CM_DATABASE_URL', 'sqlite:./data/cm.sqlite'),
    seedFile: env.CM_SEED_FILE === '' ? null : optional(env, 'CM_SEED_FILE'),
    finesseUrl: optional(env, 'CM_FINESSE_URL'),
    adminUsers: str(env, 'CM_ADMIN_USERS', '9001').split(',').map((s) => s.trim()).filter(Boolean),
    authCacheSeconds: int(env, 'CM_AUTH_CACHE_SECONDS', 60),
    ivr: {
      user: str(env, 'CM_IVR_USER', 'ivr'),
      password: str(env, 'CM_IVR_PASSWORD', 'ivr-demo'),
      defaultCsq: str(env, 'CM_IVR_DEFAULT_CSQ', 'CSQ_Support'),
    },
    uccx: {
      url: optional(env, 'CM_UCCX_URL'),
      user: str(env, 'CM_UCCX_USER', 'administrator'),
      password: str(env, 'CM_UCCX_PASSWORD', 'ciscocisco'),
      batchSize: Math.min(500, int(env, 'CM_UCCX_BATCH_SIZE', 500)),
      allowDuplicateContacts: str(env, 'CM_UCCX_ALLOW_DUPLICATES', 'true') === 'true',
    },
    dbcra,
    sim: {
      uccxPort: int(env, 'CM_SIM_UCCX_PORT', 8081),
      finessePort: int(env, 'CM_SIM_FINESSE_PORT', 8082),
      dbcraUrl: str(env, 'CM_SIM_DBCRA_URL', 'sqlite:./data/db_cra.sqlite'),
      clockSpeed: int(env, 'CM_SIM_CLOCK_SPEED', 1),
    },
    jobs: {
      enabled: str(env, 'CM_JOBS_ENABLED', 'true') === 'true',
      dispatchIntervalMs: int(env, 'CM_DISPATCH_INTERVAL_MS', 1000),
      leaseSeconds: int(env, 'CM_LEASE_SECONDS', 60),
      // A real UCCX (odbc/informix) is read once a minute (Cisco TechNote 116798, docs/dbcra.md); the stand-in every 5 s.
      syncIntervalMs: int(env, 'CM_SYNC_INTERVAL_MS', dbcra.driver === 'sql' ? 5000 : DBCRA_SYNC_INTERVAL_MS),
      purgeAt: str(env, 'CM_PURGE_AT', '23:30'),
      retentionDays: int(env, 'CM_RETENTION_DAYS', 400),
    },
    changeFeedMs: int(env, 'CM_CHANGE_FEED_MS', 2000),
    instanceId: str(env, 'CM_INSTANCE_ID', `${hostname()}-${process.pid}`),
  };
}

/** Default sync interval against a real UCCX: one bounded read a minute is reporting, not a wallboard. */
export const DBCRA_SYNC_INTERVAL_MS = 60_000;

/**
 * db_cra settings. CM_DBCRA_URL is one node's connection string; CM_DBCRA_NODES (e.g. "uccx-b,uccx-a",
 * standby first) instead fills `{host}` and `{server}` (`uccx-b` → `uccx_b_uccx`) in CM_DBCRA_URL
 * once per node; CM_DBCRA_FAILOVER_URL names the other node explicitly.
 */
export function loadDbCraSettings(env: Env): DbCraSettings {
  const driver = str(env, 'CM_DBCRA_DRIVER', 'sql');
  if (driver !== 'odbc' && driver !== 'informix' && driver !== 'sql') throw new Error('CM_DBCRA_DRIVER must be "odbc", "informix" or "sql"');
  const template = optional(env, 'CM_DBCRA_URL');
  const nodes = (env.CM_DBCRA_NODES ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (nodes.length && template && !/\{host\}/.test(template)) throw new Error('CM_DBCRA_NODES needs {host} in CM_DBCRA_URL');
  const urls = nodes.length && template ? nodes.map((node) => nodeUrl(template, node)) : template ? [template] : [];
  const failover = optional(env, 'CM_DBCRA_FAILOVER_URL');
  if (failover) urls.push(failover);
  return {
    driver,
    url: urls[0] ?? null,
    failoverUrls: urls.slice(1),
    lookbackHours: int(env, 'CM_DBCRA_LOOKBACK_HOURS', 168),
    queryTimeoutSeconds: int(env, 'CM_DBCRA_QUERY_TIMEOUT_S', 30),
    preferredRetryMs: int(env, 'CM_DBCRA_PREFERRED_RETRY_MS', 10 * 60_000),
  };
}

/** Informix server names are the host name with `_uccx` appended, `-` and `.` folded to `_`. */
export const informixServerOf = (host: string) => `${host.split('.')[0]!.replace(/-/g, '_')}_uccx`;
const nodeUrl = (template: string, host: string) => template.replaceAll('{host}', host).replaceAll('{server}', informixServerOf(host));
