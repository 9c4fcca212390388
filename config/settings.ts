// Settings from environment variables (and an optional .env file), with defaults that start
// the embedded demo: SQLite under ./data and the built-in simulators when no UCCX/Finesse is set.
import { hostname } from 'node:os';
import { DEFAULT_DEADLINES, type DeadlineSettings } from '../domain/deadlines.ts';
import { parseCallResultMap, type CallResultMap } from '../domain/rules/call-results.ts';

export type Mode = 'demo' | 'production';

export interface TlsSettings {
  /** PEM certificate chain and key files the BFF serves HTTPS/WSS with (Finesse is HTTPS-only). */
  certFile: string | null;
  keyFile: string | null;
  /** Extra CA certificates (PEM files) trusted for UCCX and Finesse, e.g. their self-signed certificates. */
  caFiles: string[];
}

export interface Config {
  /** demo: embedded simulators, demo seed and demo credentials; production: none of these (config/production.ts). */
  mode: Mode;
  tls: TlsSettings;
  /** Origins allowed to call the API from a browser (the Finesse desktops); the public URL's own origin always is. */
  corsOrigins: string[];
  host: string;
  port: number;
  publicUrl: string;
  databaseUrl: string;
  seedFile: string | null;
  /** Finesse base URL used to verify agents; null → the embedded Finesse simulator. */
  finesseUrl: string | null;
  adminUsers: string[];
  authCacheSeconds: number;
  /**
   * SSO: IdS publishing the token-signing key (fetched as a registered client) and the claim naming
   * the user; null idsUrl → the Finesse URL (the simulator plays IdS). enabled false (CM_SSO=off)
   * refuses every Bearer request.
   */
  sso: { enabled: boolean; idsUrl: string | null; clientId: string; clientSecret: string; userClaim: string };
  /** Bound of the credential cache; failed logins allowed per user and per address in each window. */
  authLimits: { cacheMax: number; failuresPerUser: number; failuresPerAddress: number; windowSeconds: number };
  ivr: { user: string; password: string; defaultCsq: string };
  /**
   * UCCX admin API: `url` the first node (null → the embedded UCCX simulator), `url2` the other node
   * of the HA pair; writes follow the master. `maxUnkeptPushes`: imports UCCX answered but did not
   * keep (dropped duplicates) before the callback fails with reason dropped_by_uccx.
   */
  uccx: { url: string | null; url2: string | null; user: string; password: string; batchSize: number; allowDuplicateContacts: boolean; maxUnkeptPushes: number; callResultMap: CallResultMap };
  /** db_cra reader (docs/dbcra.md): 'odbc' (production: unixODBC + IBM Informix ODBC driver), 'informix' (ibm_db, DRDA only)
   * or 'sql' (a Sequelize URL: the simulator's stand-in). `url` is read first (the standby node), `failoverUrls` after it. */
  dbcra: DbCraSettings;
  sim: { uccxPort: number; finessePort: number; dbcraUrl: string; clockSpeed: number };
  /** retentionDays: finished callbacks older than this are deleted (with their history) by the daily purge. */
  jobs: {
    enabled: boolean;
    /** The dispatcher sleeps until the next callback is due, at most this long (a safety net for a missed wake signal). */
    dispatchIntervalMs: number;
    /** Seconds before the promised time a callback is imported, so the dial (not the import) lands on it; 0..300. */
    importAheadSeconds: number;
    leaseSeconds: number;
    syncIntervalMs: number;
    purgeAt: string;
    retentionDays: number;
    /** Deadlines of the call states (domain/deadlines.ts): when the deadlines job asks UCCX about a call, and the longest wait. */
    deadlines: DeadlineSettings;
    /** How long the purge waits for calls in progress in the campaign before deleting all contacts. */
    purgeWaitForCallsSeconds: number;
  };
  /** How often an instance looks for callbacks changed elsewhere (live views). */
  changeFeedMs: number;
  instanceId: string;
  security: SecuritySettings;
}

/** API guards (issue 9): GraphQL limits, ops exposure, IVR rate limit, framing. */
export interface SecuritySettings {
  /** GraphQL introspection: on in the demo, off in production unless asked for. */
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
  /** Dependencies whose recent failure makes /readyz answer 503 (the database always does). */
  readyRequires: Array<'uccx' | 'finesse' | 'dbcra'>;
  /** A failure older than this (with no success since) no longer makes the instance unready. */
  readyFailureWindowSeconds: number;
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
/** A whole number within min..max, or a startup error naming the setting. */
const intBetween = (env: Env, name: string, fallback: number, min: number, max: number): number => {
  const n = int(env, name, fallback);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${env[name]}"`);
  return n;
};
const str = (env: Env, name: string, fallback: string): string => (env[name] ? (env[name] as string) : fallback);
const optional = (env: Env, name: string): string | null => (env[name] ? (env[name] as string) : null);

/** The HA pair: CM_UCCX_NODES="https://a,https://b", else CM_UCCX_URL and CM_UCCX_URL_2. */
function uccxNodes(env: Env): { url: string | null; url2: string | null } {
  const list = env.CM_UCCX_NODES ? env.CM_UCCX_NODES.split(',') : [env.CM_UCCX_URL ?? '', env.CM_UCCX_URL_2 ?? ''];
  const urls = list.map((u) => u.trim()).filter(Boolean);
  if (urls.length > 2) throw new Error('CM_UCCX_NODES: a UCCX HA pair has two nodes');
  if (urls.length === 1 && !env.CM_UCCX_NODES && env.CM_UCCX_URL_2 && !env.CM_UCCX_URL) throw new Error('CM_UCCX_URL_2 needs CM_UCCX_URL');
  return { url: urls[0] ?? null, url2: urls[1] ?? null };
}

export function loadConfig(env: Env = process.env): Config {
  const port = int(env, 'CM_PORT', 8080);
  const mode = str(env, 'CM_MODE', 'demo');
  if (mode !== 'demo' && mode !== 'production') throw new Error('CM_MODE must be "demo" or "production"');
  const list = (name: string) => (env[name] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const finesseUrl = optional(env, 'CM_FINESSE_URL');
  const dbcra = loadDbCraSettings(env);
  return {
    mode,
    tls: { certFile: optional(env, 'CM_TLS_CERT'), keyFile: optional(env, 'CM_TLS_KEY'), caFiles: list('CM_TLS_CA') },
    // The Finesse desktop serves the gadget page, so its origin is the one that calls the API.
    corsOrigins: [...new Set([...(finesseUrl ? [new URL(finesseUrl).origin] : []), ...list('CM_CORS_ORIGINS')])],
    host: str(env, 'CM_HOST', '0.0.0.0'),
    port,
    publicUrl: str(env, 'CM_PUBLIC_URL', `${env.CM_TLS_CERT ? 'https' : 'http'}://localhost:${port}`),
    databaseUrl: str(env, 'CM_DATABASE_URL', 'sqlite:./data/cm.sqlite'),
    seedFile: env.CM_SEED_FILE === '' ? null : optional(env, 'CM_SEED_FILE'),
    finesseUrl,
    adminUsers: str(env, 'CM_ADMIN_USERS', '9001').split(',').map((s) => s.trim()).filter(Boolean),
    authCacheSeconds: int(env, 'CM_AUTH_CACHE_SECONDS', 60),
    sso: {
      enabled: str(env, 'CM_SSO', 'on') !== 'off',
      idsUrl: optional(env, 'CM_IDS_URL'),
      clientId: str(env, 'CM_IDS_CLIENT_ID', 'campaign-manager'),
      clientSecret: str(env, 'CM_IDS_CLIENT_SECRET', 'demo-client-secret'),
      userClaim: str(env, 'CM_IDS_USER_CLAIM', 'sub'),
    },
    authLimits: {
      cacheMax: int(env, 'CM_AUTH_CACHE_MAX', 10_000),
      failuresPerUser: int(env, 'CM_LOGIN_FAILURES_PER_USER', 5),
      failuresPerAddress: int(env, 'CM_LOGIN_FAILURES_PER_ADDRESS', 100),
      windowSeconds: int(env, 'CM_LOGIN_FAILURE_WINDOW_SECONDS', 300),
    },
    ivr: {
      user: str(env, 'CM_IVR_USER', 'ivr'),
      password: str(env, 'CM_IVR_PASSWORD', 'ivr-demo'),
      defaultCsq: str(env, 'CM_IVR_DEFAULT_CSQ', 'CSQ_Support'),
    },
    uccx: {
      ...uccxNodes(env),
      user: str(env, 'CM_UCCX_USER', 'administrator'),
      password: str(env, 'CM_UCCX_PASSWORD', 'ciscocisco'),
      batchSize: Math.min(500, int(env, 'CM_UCCX_BATCH_SIZE', 500)),
      allowDuplicateContacts: str(env, 'CM_UCCX_ALLOW_DUPLICATES', 'true') === 'true',
      maxUnkeptPushes: Math.max(1, int(env, 'CM_UCCX_MAX_UNKEPT_PUSHES', 3)),
      // DialingList callResult → outcome: the Schema Guide's table, single codes overridden by JSON.
      callResultMap: parseCallResultMap(optional(env, 'CM_UCCX_CALLRESULT_MAP')),
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
      dispatchIntervalMs: int(env, 'CM_DISPATCH_INTERVAL_MS', 30_000),
      importAheadSeconds: intBetween(env, 'CM_IMPORT_AHEAD_SECONDS', 0, 0, 300),
      leaseSeconds: int(env, 'CM_LEASE_SECONDS', 60),
      // A real UCCX (odbc/informix) is read once a minute (Cisco TechNote 116798, docs/dbcra.md); the stand-in every 5 s.
      syncIntervalMs: int(env, 'CM_SYNC_INTERVAL_MS', dbcra.driver === 'sql' ? 5000 : DBCRA_SYNC_INTERVAL_MS),
      purgeAt: str(env, 'CM_PURGE_AT', '23:30'),
      retentionDays: int(env, 'CM_RETENTION_DAYS', 400),
      deadlines: {
        dialingMinutes: int(env, 'CM_DEADLINE_DIALING_MINUTES', DEFAULT_DEADLINES.dialingMinutes),
        connectedMinutes: int(env, 'CM_DEADLINE_CONNECTED_MINUTES', DEFAULT_DEADLINES.connectedMinutes),
        callMaxMinutes: int(env, 'CM_DEADLINE_CALL_MAX_MINUTES', DEFAULT_DEADLINES.callMaxMinutes),
      },
      purgeWaitForCallsSeconds: int(env, 'CM_PURGE_WAIT_FOR_CALLS_SECONDS', 120),
    },
    changeFeedMs: int(env, 'CM_CHANGE_FEED_MS', 2000),
    instanceId: str(env, 'CM_INSTANCE_ID', `${hostname()}-${process.pid}`),
    security: loadSecuritySettings(env, mode),
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

/** Defaults: open (introspection, /metrics, /docs) in the demo, closed in production. */
export function loadSecuritySettings(env: Env, mode: Mode): SecuritySettings {
  const demo = mode === 'demo';
  return {
    graphqlIntrospection: bool(env, 'CM_GRAPHQL_INTROSPECTION', demo),
    graphqlMaxDepth: int(env, 'CM_GRAPHQL_MAX_DEPTH', 6),
    graphqlMaxAliases: int(env, 'CM_GRAPHQL_MAX_ALIASES', 10),
    graphqlMaxCost: int(env, 'CM_GRAPHQL_MAX_COST', 5000),
    graphqlMaxDirectives: int(env, 'CM_GRAPHQL_MAX_DIRECTIVES', 10),
    exposeOps: bool(env, 'CM_EXPOSE_OPS', demo),
    metricsToken: optional(env, 'CM_METRICS_TOKEN'),
    ivrRatePerMinute: int(env, 'CM_IVR_RATE_LIMIT', 600),
    readyRequires: readyRequires(str(env, 'CM_READY_REQUIRES', 'finesse,uccx')),
    readyFailureWindowSeconds: int(env, 'CM_READY_FAILURE_WINDOW_SECONDS', 300),
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
