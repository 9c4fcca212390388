// Opens the Campaign Manager database from one URL (CM_DATABASE_URL):
//   sqlite:./data/cm.sqlite   (embedded default)   postgres://…   mssql://… (options: docs/sqlserver.md)
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { Sequelize, type Options } from 'sequelize';
import { runTransactionsOnDriver } from './driver-query.ts';

// Sequelize writes a Date given in `replacements` in the process's local zone (it passes no time
// zone there), while every time is stored and compared in UTC — as text on SQLite. On a server
// whose TZ is not UTC a claim would compare "11:00:00 +01:00" with "10:30:00 +00:00" as strings
// and take callbacks early. The default zone of Sequelize's own moment-timezone fixes the format.
const sequelizeRequire = createRequire(createRequire(import.meta.url).resolve('sequelize'));
(sequelizeRequire('moment-timezone') as { tz: { setDefault(zone: string): void } }).tz.setDefault('UTC');

export type DialectName = 'sqlite' | 'postgres' | 'mssql';

export function dialectOf(url: string): DialectName {
  if (url.startsWith('sqlite:')) return 'sqlite';
  if (url.startsWith('postgres:') || url.startsWith('postgresql:')) return 'postgres';
  if (url.startsWith('mssql:') || url.startsWith('sqlserver:')) return 'mssql';
  throw new Error(`CM_DATABASE_URL: unsupported database URL "${url}" (use sqlite:, postgres: or mssql:)`);
}

/** The file behind a sqlite: URL ("sqlite::memory:" stays in memory). */
export function sqliteStorage(url: string): string {
  const path = url.replace(/^sqlite:(\/\/)?/, '');
  return path === ':memory:' ? path : resolve(path);
}

export function createSequelize(url: string, extra: Options = {}): Sequelize {
  const dialect = dialectOf(url);
  const common: Options = { logging: false, benchmark: false, ...extra };
  if (dialect === 'sqlite') {
    const storage = sqliteStorage(url);
    if (storage !== ':memory:') mkdirSync(dirname(storage), { recursive: true });
    const sequelize = new Sequelize({ ...common, dialect: 'sqlite', storage, pool: { max: 1, min: 0 } });
    if (storage !== ':memory:') manageSqliteConnections(sequelize);
    runTransactionsOnDriver(sequelize, 'sqlite');
    return sequelize;
  }
  if (dialect === 'mssql') {
    const m = mssqlSettings(url);
    return new Sequelize(m.database, m.username, m.password, {
      ...common,
      dialect: 'mssql',
      host: m.host,
      port: m.port,
      dialectOptions: { options: m.options, ...(m.authentication ? { authentication: m.authentication } : {}) },
    });
  }
  const postgres = new Sequelize(url, { ...common, dialect: 'postgres', pool: { max: 10, min: 0 } });
  runTransactionsOnDriver(postgres, 'postgres');
  return postgres;
}

/** Finished transactions' SQLite connections kept open for the next ones (db.transaction runs one at a time). */
const IDLE_SQLITE_CONNECTIONS = 4;

interface SqliteConnection {
  uuid?: string;
  open?: boolean;
  configure(option: 'busyTimeout', ms: number): void;
  run(sql: string, cb: (e: Error | null) => void): void;
  close(cb?: (e: Error | null) => void): void;
}

/**
 * Several connections (and processes) share the file: wait for locks instead of failing at once,
 * and use the write-ahead log (readers never block the writer; a commit appends to one file).
 * Sequelize's SQLite dialect never runs `afterConnect` hooks, so this runs on each new handle here.
 */
async function configureSqlite(db: SqliteConnection): Promise<void> {
  db.configure('busyTimeout', 10_000);
  await new Promise<void>((ok, fail) => db.run('PRAGMA journal_mode = WAL', (e) => (e ? fail(e) : ok())));
  await new Promise<void>((ok, fail) => db.run('PRAGMA foreign_keys = ON', (e) => (e ? fail(e) : ok())));
}

/**
 * Sequelize's SQLite dialect opens a new database handle for every transaction and closes it at
 * the end: each booking paid a file open and a schema parse. Keep a few finished transactions'
 * handles and hand them to the next transactions; a handle is still used by one transaction at a
 * time, and the default (non-transaction) handle is untouched. Every new handle is configured.
 */
function manageSqliteConnections(sequelize: Sequelize): void {
  const manager = sequelize.connectionManager as unknown as {
    connections: Record<string, SqliteConnection>;
    getConnection(options?: { uuid?: string }): Promise<SqliteConnection>;
    releaseConnection(connection: SqliteConnection, force?: boolean): unknown;
    close(): Promise<unknown>;
  };
  const idle: SqliteConnection[] = [];
  const configured = new WeakMap<SqliteConnection, Promise<void>>();
  const get = manager.getConnection.bind(manager);
  const release = manager.releaseConnection.bind(manager);
  const close = manager.close.bind(manager);
  manager.getConnection = async (options = {}) => {
    const uuid = options.uuid;
    if (uuid && uuid !== 'default' && !manager.connections[uuid]) {
      const reused = idle.pop();
      if (reused) return (manager.connections[uuid] = reused);
    }
    const connection = await get(options);
    if (!configured.has(connection)) configured.set(connection, configureSqlite(connection));
    await configured.get(connection);
    return connection;
  };
  manager.releaseConnection = (connection, force) => {
    const uuid = connection.uuid;
    if (uuid && uuid !== 'default' && force !== true && connection.open !== false && idle.length < IDLE_SQLITE_CONNECTIONS) {
      delete manager.connections[uuid];
      idle.push(connection);
      return;
    }
    return release(connection, force);
  };
  manager.close = async () => {
    for (const c of idle.splice(0)) await new Promise<void>((ok) => c.close(() => ok()));
    return close();
  };
}

/** SQL Server URL options (query parameters), as tedious names them. */
const MSSQL_OPTIONS = ['encrypt', 'trustServerCertificate', 'instanceName', 'authentication', 'domain', 'connectTimeout', 'requestTimeout', 'applicationName'] as const;

export interface MssqlSettings {
  host: string;
  port: number;
  database: string;
  username: string;
  password: string;
  /** tedious `options` */
  options: Record<string, unknown>;
  /** tedious `authentication` when not SQL logins (Windows/NTLM). */
  authentication?: { type: 'ntlm'; options: { domain: string; userName: string; password: string } };
}

/**
 * mssql://user:pass@host[:port]/db?encrypt=true&trustServerCertificate=false&instanceName=SQLEXPRESS
 *   &authentication=ntlm&domain=CORP (or user "CORP\\name", URL-encoded CORP%5Cname) &connectTimeout=ms&requestTimeout=ms
 * Encryption is on unless encrypt=false; the server certificate is checked unless trustServerCertificate=true.
 * A named instance is found through SQL Browser (UDP 1434), so no port is sent with instanceName.
 */
export function mssqlSettings(url: string): MssqlSettings {
  const u = new URL(url.replace(/^sqlserver:/, 'mssql:'));
  const q = u.searchParams;
  for (const key of q.keys()) {
    if (!(MSSQL_OPTIONS as readonly string[]).includes(key)) throw new Error(`CM_DATABASE_URL: unknown SQL Server option "${key}" (known: ${MSSQL_OPTIONS.join(', ')})`);
  }
  const flag = (name: string, fallback: boolean) => {
    const v = q.get(name);
    if (v == null) return fallback;
    if (v !== 'true' && v !== 'false') throw new Error(`CM_DATABASE_URL: ${name} must be true or false`);
    return v === 'true';
  };
  const ms = (name: string) => {
    const v = q.get(name);
    if (v == null) return {};
    if (!/^\d+$/.test(v)) throw new Error(`CM_DATABASE_URL: ${name} must be milliseconds`);
    return { [name]: Number(v) };
  };
  let username = decodeURIComponent(u.username);
  const password = decodeURIComponent(u.password);
  let domain = q.get('domain');
  const slash = username.indexOf('\\');
  if (slash > 0) {
    domain ??= username.slice(0, slash);
    username = username.slice(slash + 1);
  }
  const auth = q.get('authentication') ?? (domain ? 'ntlm' : 'default');
  if (auth !== 'ntlm' && auth !== 'default') throw new Error('CM_DATABASE_URL: authentication must be "default" (SQL login) or "ntlm" (Windows)');
  if (auth === 'ntlm' && !domain) throw new Error('CM_DATABASE_URL: authentication=ntlm needs domain=… (or a DOMAIN\\user name)');
  const instanceName = q.get('instanceName');
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : 1433,
    database: decodeURIComponent(u.pathname.slice(1)),
    username,
    password,
    options: {
      encrypt: flag('encrypt', true),
      trustServerCertificate: flag('trustServerCertificate', false),
      ...(instanceName ? { instanceName } : {}),
      ...(q.get('applicationName') ? { appName: q.get('applicationName') } : {}),
      ...ms('connectTimeout'),
      ...ms('requestTimeout'),
    },
    ...(auth === 'ntlm' ? { authentication: { type: 'ntlm' as const, options: { domain: domain!, userName: username, password } } } : {}),
  };
}
