// Opens the Campaign Manager database from one URL (CM_DATABASE_URL):
//   sqlite:./data/cm.sqlite   (embedded default)   postgres://…   mssql://…
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Sequelize, type Options } from 'sequelize';

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
    // Several connections (and processes) share the file: wait for locks instead of failing at once.
    sequelize.addHook('afterConnect', async (connection: unknown) => {
      const db = connection as { configure(option: 'busyTimeout', ms: number): void; run(sql: string, cb: (e: Error | null) => void): void };
      db.configure('busyTimeout', 10_000);
      await new Promise<void>((ok, fail) => db.run('PRAGMA journal_mode = WAL', (e) => (e ? fail(e) : ok())));
      await new Promise<void>((ok, fail) => db.run('PRAGMA foreign_keys = ON', (e) => (e ? fail(e) : ok())));
    });
    return sequelize;
  }
  if (dialect === 'mssql') {
    // tedious wants the instance options under dialectOptions; the URL carries host, port, db, user.
    const u = new URL(url.replace(/^sqlserver:/, 'mssql:'));
    return new Sequelize(decodeURIComponent(u.pathname.slice(1)), decodeURIComponent(u.username), decodeURIComponent(u.password), {
      ...common,
      dialect: 'mssql',
      host: u.hostname,
      port: u.port ? Number(u.port) : 1433,
      dialectOptions: {
        options: {
          encrypt: u.searchParams.get('encrypt') !== 'false',
          trustServerCertificate: u.searchParams.get('trustServerCertificate') === 'true',
        },
      },
    });
  }
  return new Sequelize(url, { ...common, dialect: 'postgres', pool: { max: 10, min: 0 } });
}
