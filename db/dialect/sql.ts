// The one seam for SQL that differs between SQLite, PostgreSQL and SQL Server.
// Everything else goes through Sequelize's portable query builder. Each statement uses
// :named replacements. Sequelize ignores `lock`/`skipLocked` on SQL Server and SQLite,
// so claims are written out here for each dialect.
import type { DialectName } from '../connect.ts';
import { LIFECYCLE } from '../../domain/lifecycle.ts';

export interface DialectSql {
  /** Insert one row unless its key exists (slot counters). */
  insertIgnore(table: string, columns: string[], keys: string[]): string;
  /** Insert one row and answer it as stored (its id, defaults): RETURNING * or OUTPUT inserted.*. */
  insertReturning(table: string, columns: string[]): string;
  /** Insert or update one row by its key (agents, teams, sync cursors). */
  upsert(table: string, columns: string[], keys: string[]): string;
  /** Claim up to :limit callbacks due by :dueBy for :owner until :leaseUntil (at :now); returns the claimed rows. */
  claimDue: string;
  /** Claim callbacks whose dispatch lease ran out (a crashed or stalled instance); returns them. */
  reclaimExpired: string;
  /** Delete at most :limit rows of `table` matching `where` (bounded purges); run as QueryTypes.BULKDELETE, which returns the count. */
  deleteBatch(table: string, where: string): string;
  /** Row limit appended after an ORDER BY. */
  limit(n: number): string;
  /** The text of one top-level field of a JSON text column (reporting views read history details). */
  jsonText(column: string, key: string): string;
}

// The claim is the one bulk change of state; its states come from the lifecycle table (a test
// checks that each listed state has its due condition here). :dueBy is now plus the import-ahead
// time (CM_IMPORT_AHEAD_SECONDS); each condition is a range on an index led by status (migrations
// 0002 and 0022), so the claim reads only due rows however many wait.
const DUE_WHEN: Record<string, string> = { scheduled: 'scheduled_at <= :dueBy', retry_wait: 'next_attempt_at <= :dueBy' };
const DUE = `(${LIFECYCLE.claim.from.map((s) => `(status = '${s}' AND ${DUE_WHEN[s]})`).join(' OR ')})`;
const EXPIRED = `(status IN (${LIFECYCLE.reclaim.from.map((s) => `'${s}'`).join(', ')}) AND lease_until < :now)`;
const claimSet = (to: unknown) => `status = '${String(to)}', claimed_by = :owner, lease_until = :leaseUntil, version = version + 1, updated_at = :now`;
const CLAIM_SET = claimSet(LIFECYCLE.claim.to);
const placeholders = (columns: string[]) => columns.map((c) => `:${c}`).join(', ');
const keyMatch = (keys: string[]) => keys.map((k) => `${k} = :${k}`).join(' AND ');

/** PostgreSQL: FOR UPDATE SKIP LOCKED lets concurrent dispatchers take disjoint rows. */
const claimPostgres = (cond: string) =>
  `UPDATE callbacks SET ${CLAIM_SET} WHERE id IN (` +
  `SELECT id FROM callbacks WHERE ${cond} ORDER BY scheduled_at, id LIMIT :limit FOR UPDATE SKIP LOCKED) RETURNING *`;

/** SQLite: one writer at a time; run inside BEGIN IMMEDIATE so the read and the write are one step. */
const claimSqlite = (cond: string) =>
  `UPDATE callbacks SET ${CLAIM_SET} WHERE id IN (` +
  `SELECT id FROM callbacks WHERE ${cond} ORDER BY scheduled_at, id LIMIT :limit) RETURNING *`;

/** SQL Server: UPDLOCK + READPAST is SQL Server's SKIP LOCKED. */
const claimMssql = (cond: string) =>
  `WITH due AS (SELECT TOP (:limit) * FROM callbacks WITH (UPDLOCK, READPAST, ROWLOCK) WHERE ${cond} ORDER BY scheduled_at, id) ` +
  `UPDATE due SET ${CLAIM_SET} OUTPUT inserted.*;`;

const onConflict: Pick<DialectSql, 'insertIgnore' | 'upsert' | 'insertReturning'> = {
  insertReturning: (table, columns) => `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${placeholders(columns)}) RETURNING *`,
  insertIgnore: (table, columns, keys) =>
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${placeholders(columns)}) ON CONFLICT (${keys.join(', ')}) DO NOTHING`,
  upsert: (table, columns, keys) =>
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${placeholders(columns)}) ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ` +
    columns.filter((c) => !keys.includes(c)).map((c) => `${c} = excluded.${c}`).join(', '),
};

const postgres: DialectSql = {
  ...onConflict,
  claimDue: claimPostgres(DUE),
  reclaimExpired: claimPostgres(EXPIRED),
  deleteBatch: (table, where) => `DELETE FROM ${table} WHERE id IN (SELECT id FROM ${table} WHERE ${where} ORDER BY id LIMIT :limit)`,
  limit: (n) => `LIMIT ${Math.trunc(n)}`,
  jsonText: (column, key) => `(CAST(${column} AS json) ->> '${key}')`,
};

const sqlite: DialectSql = {
  ...onConflict,
  claimDue: claimSqlite(DUE),
  reclaimExpired: claimSqlite(EXPIRED),
  deleteBatch: postgres.deleteBatch,
  limit: postgres.limit,
  jsonText: (column, key) => `json_extract(${column}, '$.${key}')`,
};

const mssql: DialectSql = {
  insertReturning: (table, columns) => `INSERT INTO ${table} (${columns.join(', ')}) OUTPUT inserted.* VALUES (${placeholders(columns)})`,
  insertIgnore: (table, columns, keys) =>
    `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${placeholders(columns)} ` +
    `WHERE NOT EXISTS (SELECT 1 FROM ${table} WITH (UPDLOCK, HOLDLOCK) WHERE ${keyMatch(keys)})`,
  upsert: (table, columns, keys) =>
    `MERGE ${table} WITH (HOLDLOCK) AS t USING (SELECT ${columns.map((c) => `:${c} AS ${c}`).join(', ')}) AS s ` +
    `ON ${keys.map((k) => `t.${k} = s.${k}`).join(' AND ')} ` +
    `WHEN MATCHED THEN UPDATE SET ${columns.filter((c) => !keys.includes(c)).map((c) => `${c} = s.${c}`).join(', ')} ` +
    `WHEN NOT MATCHED THEN INSERT (${columns.join(', ')}) VALUES (${columns.map((c) => `s.${c}`).join(', ')});`,
  claimDue: claimMssql(DUE),
  reclaimExpired: claimMssql(EXPIRED),
  // Raw SQL on tedious reports no row count to a BULKDELETE query: Sequelize's mssql dialect reads the
  // count from an AFFECTEDROWS column (its own bulk delete appends the same SELECT), so say it here.
  deleteBatch: (table, where) => `DELETE TOP (:limit) FROM ${table} WHERE ${where}; SELECT @@ROWCOUNT AS AFFECTEDROWS;`,
  limit: (n) => `OFFSET 0 ROWS FETCH NEXT ${Math.trunc(n)} ROWS ONLY`,
  jsonText: (column, key) => `JSON_VALUE(${column}, '$.${key}')`,
};

const BY_DIALECT: Record<DialectName, DialectSql> = { postgres, sqlite, mssql };

export const sqlFor = (dialect: DialectName): DialectSql => BY_DIALECT[dialect];
