// The Campaign Manager database: one object handed to every query function.
import { Transaction, type Sequelize } from 'sequelize';
import { createSequelize, dialectOf, type DialectName } from './connect.ts';
import { sqlFor, type DialectSql } from './dialect/sql.ts';
import { defineModels, type Models } from './models/define.ts';
import { migrateUp } from './migrate.ts';

export interface Db {
  sequelize: Sequelize;
  models: Models;
  dialect: DialectName;
  sql: DialectSql;
  /** Runs fn in a transaction (on SQLite: BEGIN IMMEDIATE, one at a time per process). */
  transaction<T>(fn: (t: Transaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Optional transaction passed through query functions. */
export type Tx = Transaction | null | undefined;

export async function openDatabase(url: string, { migrate = true } = {}): Promise<Db> {
  const sequelize = createSequelize(url);
  await sequelize.authenticate();
  if (migrate) await migrateUp(sequelize);
  const dialect = dialectOf(url);
  return {
    sequelize,
    models: defineModels(sequelize),
    dialect,
    sql: sqlFor(dialect),
    transaction: dialect === 'sqlite' ? sqliteTransactions(sequelize) : (fn) => sequelize.transaction(fn),
    close: () => sequelize.close(),
  };
}

/**
 * SQLite has one writer at a time. Sequelize gives every transaction its own connection, and a
 * connection waiting for the lock blocks one of libuv's few threads, so many concurrent
 * transactions in one process can starve the one holding the lock. Queue them in-process and
 * take the write lock up front (IMMEDIATE); other processes still wait through busy_timeout.
 */
function sqliteTransactions(sequelize: Sequelize) {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: (t: Transaction) => Promise<T>): Promise<T> => {
    const run = tail.then(() => sequelize.transaction({ type: Transaction.TYPES.IMMEDIATE }, fn));
    tail = run.catch(() => undefined);
    return run;
  };
}

/** Dates come back as Date (PostgreSQL, SQL Server) or text (SQLite raw rows). */
export function toDate(value: unknown): Date | null {
  if (value == null) return null;
  if (value instanceof Date) return value;
  return new Date(String(value).replace(' +00:00', 'Z').replace(' ', 'T'));
}

export const iso = (value: unknown): string | null => toDate(value)?.toISOString() ?? null;
