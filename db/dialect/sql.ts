// The one seam for SQL that differs between SQLite, PostgreSQL and SQL Server.
// Everything else goes through Sequelize's portable query builder. Each statement uses
// :named replacements (updateByVersion excepted: its hundreds of rows come escaped by the caller).
// Sequelize ignores `lock`/`skipLocked` on SQL Server and SQLite, so claims are written out here
// for each dialect.
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
  /** A timestamp column as whole epoch milliseconds (an integer, or its text): read without parsing a date per row. */
  epochMillis(column: string): string;
  /**
   * Versioned UPDATE of many rows of `table` in one statement (a sync batch). `rows` are the
   * VALUES tuples, escaped by the caller (db/queries/sql-literals.ts): (id, version it was read at,
   * one value per column). A row is written only where id and version still match; the statement
   * returns the rows written, so a row changed meanwhile is simply not among them.
   */
  updateByVersion(table: string, columns: ReadonlyArray<VersionedColumn>, rows: readonly string[]): string;
}

/** How a value of a versioned UPDATE is typed: its VALUES list is untyped text on PostgreSQL and SQL Server. */
export type ColumnKind = 'text' | 'integer' | 'bigint' | 'date';
export interface VersionedColumn {
  name: string;
  kind: ColumnKind;
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

/** The VALUES columns of a versioned UPDATE: row_id / row_version never clash with a column being written (version). */
const valueNames = (columns: ReadonlyArray<VersionedColumn>) => ['row_id', 'row_version', ...columns.map((c) => c.name)].join(', ');

/**
 * SQLite and PostgreSQL: UPDATE … FROM a VALUES list named by a CTE (SQLite has no column list on
 * a derived table), RETURNING the written rows (SQLite 3.35+). `cast` types a value where the
 * dialect would otherwise see text; RETURNING on PostgreSQL must name the table, or it returns the
 * VALUES columns as well.
 */
const updateFromValues = (cast: (value: string, kind: ColumnKind) => string, returning: string) =>
  (table: string, columns: ReadonlyArray<VersionedColumn>, rows: readonly string[]) =>
    `WITH v (${valueNames(columns)}) AS (VALUES ${rows.join(', ')}) ` +
    `UPDATE ${table} SET ${columns.map((c) => `${c.name} = ${cast(`v.${c.name}`, c.kind)}`).join(', ')} ` +
    `FROM v WHERE ${table}.id = v.row_id AND ${table}.version = v.row_version RETURNING ${returning}`;

const PG_TYPE: Record<ColumnKind, string> = { text: 'text', integer: 'integer', bigint: 'bigint', date: 'timestamptz' };
const MSSQL_TYPE: Record<ColumnKind, string> = { text: 'NVARCHAR(4000)', integer: 'INT', bigint: 'BIGINT', date: 'DATETIMEOFFSET' };

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
  updateByVersion: (table, columns, rows) =>
    updateFromValues((value, kind) => `CAST(${value} AS ${PG_TYPE[kind]})`, `${table}.*`)(table, columns, rows),
  epochMillis: (column) => `CAST(ROUND(EXTRACT(EPOCH FROM ${column}) * 1000) AS BIGINT)`,
};

const sqlite: DialectSql = {
  ...onConflict,
  claimDue: claimSqlite(DUE),
  reclaimExpired: claimSqlite(EXPIRED),
  deleteBatch: postgres.deleteBatch,
  limit: postgres.limit,
  jsonText: (column, key) => `json_extract(${column}, '$.${key}')`,
  // No casts: the values are the text Sequelize writes (dates too), and each column keeps its affinity.
  updateByVersion: updateFromValues((value) => value, '*'),
  // Stored as text "YYYY-MM-DD HH:MM:SS.SSS +00:00": whole seconds by strftime, the milliseconds by position.
  epochMillis: (column) => `(CAST(strftime('%s', substr(${column}, 1, 19)) AS INTEGER) * 1000 + CAST(substr(${column}, 21, 3) AS INTEGER))`,
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
  // UPDATE … FROM a joined VALUES table (at most 1,000 rows), OUTPUT for RETURNING; an all-NULL column would be INT without its CAST.
  updateByVersion: (table, columns, rows) =>
    `UPDATE ${table} SET ${columns.map((c) => `${c.name} = CAST(v.${c.name} AS ${MSSQL_TYPE[c.kind]})`).join(', ')} OUTPUT inserted.* ` +
    `FROM ${table} JOIN (VALUES ${rows.join(', ')}) AS v (${valueNames(columns)}) ON ${table}.id = v.row_id AND ${table}.version = v.row_version;`,
  epochMillis: (column) => `DATEDIFF_BIG(millisecond, CAST('1970-01-01 00:00:00 +00:00' AS DATETIMEOFFSET), ${column})`,
};

const BY_DIALECT: Record<DialectName, DialectSql> = { postgres, sqlite, mssql };

export const sqlFor = (dialect: DialectName): DialectSql => BY_DIALECT[dialect];
