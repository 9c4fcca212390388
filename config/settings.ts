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
  /** db_cra reader: 'informix' (ibm_db, optional dependency) or 'sql' (a Sequelize URL, e.g. the simulator's stand-in). */
  dbcra: { driver: 'informix' | 'sql'; url: string | null };
  sim: { uccxPort: number; finessePort: number; dbcraUrl: string; clockSpeed: number };
  /** retentionDays: finished callbacks older than this are deleted (with their history) by the daily purge. */
  jobs: { enabled: boolean; dispatchIntervalMs: number; leaseSeconds: number; syncIntervalMs: number; purgeAt: string; retentionDays: number };
  /** How often an instance looks for callbacks changed elsewhere (live views). */
  changeFeedMs: number;
  instanceId: string;
  security: SecuritySettings;
}

/** API guards (issue 9): GraphQL limits, ops exposure, IVR rate limit, framing. */
export interface SecuritySettings {
  /** GraphQL introspection; off unless asked for (the demo turns it on). */
  graphqlIntrospection: boolean;
  graphqlMaxDepth: number;
  graphqlMaxAliases: number;
  graphqlMaxCost: number;
  graphqlMaxDirectives: number;
  /** /metrics and /docs open to anyone (demo) or only to admins and the metrics token. */
  exposeOps: boolean;
  /** Bearer token a Prometheus scraper presents for /metrics when ops are not exposed. */
  metricsToken: string | null;
  /** IVR lookups per minute and client address. */
  ivrRatePerMinute: number;
  /** Origins allowed to frame the Campaign Manager's pages (CSP frame-ancestors): the Finesse servers. */
  finesseOrigins: string[];
  /** Dependencies whose recent failure makes /readyz answer 503 (the database always does). */
  readyRequires: Array<'uccx' | 'finesse' | 'dbcra'>;
  /** A failure older than this (with no success since) no longer makes the instance unready. */
  readyFailureWindowSeconds: number;
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
  const dbcraDriver = str(env, 'CM_DBCRA_DRIVER', 'sql');
  if (dbcraDriver !== 'informix' && dbcraDriver !== 'sql') throw new Error('CM_DBCRA_DRIVER must be "informix" or "sql"');
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
    dbcra: { driver: dbcraDriver, url: optional(env, 'CM_DBCRA_URL') },
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
      syncIntervalMs: int(env, 'CM_SYNC_INTERVAL_MS', 5000),
      purgeAt: str(env, 'CM_PURGE_AT', '23:30'),
      retentionDays: int(env, 'CM_RETENTION_DAYS', 400),
    },
    changeFeedMs: int(env, 'CM_CHANGE_FEED_MS', 2000),
    instanceId: str(env, 'CM_INSTANCE_ID', `${hostname()}-${process.pid}`),
    security: loadSecuritySettings(env),
  };
}

const bool = (env: Env, name: string, fallback: boolean): boolean => {
  const raw = env[name];
  if (raw == null || raw === '') return fallback;
  if (raw !== 'true' && raw !== 'false') throw new Error(`${name} must be "true" or "false", got "${raw}"`);
  return raw === 'true';
};

function readyRequires(raw: string): SecuritySettings['readyRequires'] {
  const names = raw.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !['uccx', 'finesse', 'dbcra'].includes(n));
  if (unknown.length) throw new Error(`CM_READY_REQUIRES: unknown dependency ${unknown.join(', ')} (uccx, finesse, dbcra)`);
  return names as SecuritySettings['readyRequires'];
}

export function loadSecuritySettings(env: Env): SecuritySettings {
  const finesse = optional(env, 'CM_FINESSE_URL');
  const origins = optional(env, 'CM_FINESSE_ORIGINS')?.split(',').map((s) => s.trim()).filter(Boolean);
  return {
    graphqlIntrospection: bool(env, 'CM_GRAPHQL_INTROSPECTION', false),
    graphqlMaxDepth: int(env, 'CM_GRAPHQL_MAX_DEPTH', 6),
    graphqlMaxAliases: int(env, 'CM_GRAPHQL_MAX_ALIASES', 10),
    graphqlMaxCost: int(env, 'CM_GRAPHQL_MAX_COST', 5000),
    graphqlMaxDirectives: int(env, 'CM_GRAPHQL_MAX_DIRECTIVES', 10),
    exposeOps: bool(env, 'CM_EXPOSE_OPS', false),
    metricsToken: optional(env, 'CM_METRICS_TOKEN'),
    ivrRatePerMinute: int(env, 'CM_IVR_RATE_LIMIT', 600),
    readyRequires: readyRequires(str(env, 'CM_READY_REQUIRES', 'finesse,uccx')),
    readyFailureWindowSeconds: int(env, 'CM_READY_FAILURE_WINDOW_SECONDS', 300),
    // Without a list, the configured Finesse server's origin, else the embedded desktop simulator's.
    finesseOrigins: origins ?? (finesse ? [new URL(finesse).origin] : [`http://localhost:${int(env, 'CM_SIM_FINESSE_PORT', 8082)}`, `http://127.0.0.1:${int(env, 'CM_SIM_FINESSE_PORT', 8082)}`]),
  };
}
