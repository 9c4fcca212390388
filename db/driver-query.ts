// Statements of the booking's hot path on the driver connections Sequelize holds, without its
// query path: on SQLite that path captured (and under tsx source-mapped) an error stack for every
// statement, and each statement was formatted and its answer mapped through model machinery.
// The SQL is the same on every dialect (`:named` replacements, like db/dialect/sql.ts; an array
// value expands to a list, as in `IN (:states)`). PostgreSQL prepares each text once per
// connection; SQL Server goes through sequelize.query. Values are bound as Sequelize binds them.
import { DatabaseError, QueryTypes, UniqueConstraintError, type Sequelize } from 'sequelize';
import type { Db, Tx } from './index.ts';

export type DriverRow = Record<string, unknown>;
type Params = Record<string, unknown>;

interface SqliteStatement {
  all(params: unknown[], done: (err: Error | null, rows: DriverRow[]) => void): void;
  run(params: unknown[], done: (this: { changes: number }, err: Error | null) => void): void;
  finalize(done?: () => void): void;
}
interface SqliteConnection {
  prepare(sql: string, done: (err: Error | null) => void): SqliteStatement;
  close(done?: (err: Error | null) => void): void;
}
interface PgConnection {
  query(q: { name?: string; text: string; values: unknown[] }): Promise<{ rows: DriverRow[]; rowCount: number | null }>;
}

/** `:name` outside quotes (`::type` casts and `'09:00'` literals are not names). */
const NAME = /'(?:[^']|'')*'|(?<![:\w]):([A-Za-z_]\w*)/g;

/** A statement split around its names, parsed once per text. */
interface Compiled {
  pieces: string[];
  names: string[];
}
const compiled = new Map<string, Compiled>();

function compile(sql: string): Compiled {
  let c = compiled.get(sql);
  if (c) return c;
  c = { pieces: [], names: [] };
  let last = 0;
  for (const m of sql.matchAll(NAME)) {
    if (!m[1]) continue; // a quoted literal
    c.pieces.push(sql.slice(last, m.index));
    c.names.push(m[1]);
    last = m.index! + m[0].length;
  }
  c.pieces.push(sql.slice(last));
  compiled.set(sql, c);
  return c;
}

/** SQLite stores DATE columns as Sequelize writes them ('2026-12-01 09:00:00.000 +00:00'): compared as text, so the same form. */
export const sqliteDate = (d: Date) => `${d.toISOString().slice(0, 23).replace('T', ' ')} +00:00`;

const sqliteValue = (v: unknown) => (v instanceof Date ? sqliteDate(v) : typeof v === 'boolean' ? Number(v) : v);

/** Lists up to this long keep their statement prepared on PostgreSQL (few lengths: states, scopes). */
const SHORT_LIST = 10;

/** The positional text ($1… on PostgreSQL, ? on SQLite) and its values; `list`: a long list was expanded. */
function bind(sql: string, params: Params, dialect: 'sqlite' | 'postgres'): { text: string; values: unknown[]; list: boolean } {
  const { pieces, names } = compile(sql);
  const values: unknown[] = [];
  const mark = () => (dialect === 'postgres' ? `$${values.length}` : '?');
  let text = pieces[0];
  names.forEach((name, i) => {
    if (!(name in params)) throw new Error(`driverQuery: no value for :${name}`);
    const v = params[name];
    if (Array.isArray(v)) {
      if (v.length === 0) throw new Error(`driverQuery: empty list for :${name}`);
      text += v.map((item) => (values.push(dialect === 'sqlite' ? sqliteValue(item) : item), mark())).join(', ');
    } else {
      values.push(dialect === 'sqlite' ? sqliteValue(v) : v);
      text += mark();
    }
    text += pieces[i + 1];
  });
  return { text, values, list: names.some((name) => Array.isArray(params[name]) && (params[name] as unknown[]).length > SHORT_LIST) };
}

/** Statements kept prepared per SQLite handle (preparing one cost more main-thread CPU than running it). */
const MAX_PREPARED = 64;
/** Per handle and text, the statement being or already prepared: concurrent first uses share one. */
const prepared = new WeakMap<SqliteConnection, Map<string, Promise<SqliteStatement>>>();

/** Finalizes statements (failed prepares are skipped), then calls `done`. */
function finalizeAll(statements: Array<Promise<SqliteStatement>>, done: () => void): void {
  void Promise.allSettled(statements).then((settled) => {
    const open = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    let left = open.length;
    if (!left) return done();
    for (const st of open) st.finalize(() => --left === 0 && done());
  });
}

/** The handle's prepared statement for `text`; a handle with unfinalized statements refuses to close, so its close finalizes them first. */
function preparedOn(conn: SqliteConnection, text: string): Promise<SqliteStatement> {
  let cache = prepared.get(conn);
  if (!cache) {
    const statements = (cache = new Map());
    prepared.set(conn, statements);
    const close = conn.close.bind(conn);
    conn.close = (done) => {
      const open = [...statements.values()];
      statements.clear();
      finalizeAll(open, () => close(done));
    };
  }
  const known = cache.get(text);
  if (known) return known;
  const statement = new Promise<SqliteStatement>((ok, fail) => {
    const created: SqliteStatement = conn.prepare(text, (err) => (err ? fail(asSequelizeError(err, text)) : ok(created)));
  });
  if (cache.size >= MAX_PREPARED) {
    const [oldest, old] = cache.entries().next().value as [string, Promise<SqliteStatement>];
    cache.delete(oldest);
    finalizeAll([old], () => undefined);
  }
  cache.set(text, statement);
  statement.catch(() => cache.get(text) === statement && cache.delete(text));
  return statement;
}

/** Prepared statement names on PostgreSQL, one per distinct text (the same name must always mean the same text). */
const pgNames = new Map<string, string>();
const pgName = (text: string) => {
  let name = pgNames.get(text);
  if (!name) pgNames.set(text, (name = `cm_driver_${pgNames.size + 1}`));
  return name;
};

/** Driver errors as Sequelize reports them, so callers keep catching UniqueConstraintError. */
function asSequelizeError(err: Error & { code?: string; errno?: number }, sql: string): Error {
  const unique = err.code === '23505' || (err.code === 'SQLITE_CONSTRAINT' && /UNIQUE constraint failed/.test(err.message));
  const parent = Object.assign(err, { sql });
  return unique ? new UniqueConstraintError({ message: err.message, parent, original: parent, sql } as never) : new DatabaseError(parent as never);
}

async function execute(db: Db, sql: string, params: Params, t: Tx, want: 'rows' | 'changes'): Promise<{ rows: DriverRow[]; changes: number }> {
  if (db.dialect === 'mssql') {
    const type = want === 'rows' ? QueryTypes.SELECT : QueryTypes.BULKUPDATE;
    const out = await db.sequelize.query(sql, { replacements: params, type, transaction: t ?? undefined });
    return want === 'rows' ? { rows: out as unknown as DriverRow[], changes: 0 } : { rows: [], changes: Number(out) };
  }
  const manager = db.sequelize.connectionManager;
  if (db.dialect === 'sqlite') {
    const { text, values } = bind(sql, params, 'sqlite');
    // A transaction's own handle, else Sequelize's shared ("default") one, which its own reads use.
    const conn = ((t as unknown as { connection?: unknown } | null)?.connection ?? (await manager.getConnection({} as never))) as SqliteConnection;
    const st = await preparedOn(conn, text);
    return new Promise((ok, fail) => {
      if (want === 'rows') st.all(values, (err, rows) => (err ? fail(asSequelizeError(err, text)) : ok({ rows, changes: 0 })));
      else st.run(values, function (err) { err ? fail(asSequelizeError(err, text)) : ok({ rows: [], changes: this.changes }); });
    });
  }
  const { text, values, list } = bind(sql, params, 'postgres');
  const own = (t as unknown as { connection?: unknown } | null)?.connection as PgConnection | undefined;
  const conn = own ?? ((await manager.getConnection({ type: want === 'rows' ? 'SELECT' : 'RAW' } as never)) as unknown as PgConnection);
  try {
    // A list's length changes the text: long ones are not kept prepared (one per length would pile up).
    const r = await conn.query({ ...(list ? {} : { name: pgName(text) }), text, values });
    return { rows: r.rows, changes: r.rowCount ?? 0 };
  } catch (err) {
    throw asSequelizeError(err as Error, text);
  } finally {
    if (!own) await manager.releaseConnection(conn as never);
  }
}

/** The rows a statement answers (SELECT, or a write with RETURNING / OUTPUT). */
export async function driverRows(db: Db, sql: string, params: Params, t?: Tx): Promise<DriverRow[]> {
  return (await execute(db, sql, params, t, 'rows')).rows;
}

/** How many rows a write changed. */
export async function driverRun(db: Db, sql: string, params: Params, t?: Tx): Promise<number> {
  return (await execute(db, sql, params, t, 'changes')).changes;
}

interface DriverTransaction {
  parent?: unknown;
  name?: string;
  finished?: string;
  connection: SqliteConnection | PgConnection;
  options: { type?: string };
}
interface TransactionInterface {
  queryGenerator: { startTransactionQuery(t: DriverTransaction): string; commitTransactionQuery(t: DriverTransaction): string; rollbackTransactionQuery(t: DriverTransaction): string };
  startTransaction(t: DriverTransaction, options?: unknown): Promise<unknown>;
  commitTransaction(t: DriverTransaction, options?: unknown): Promise<unknown>;
  rollbackTransaction(t: DriverTransaction, options?: unknown): Promise<unknown>;
}

/** One transaction-control statement on the transaction's own connection. */
async function runOnConnection(dialect: 'sqlite' | 'postgres', conn: SqliteConnection | PgConnection, sql: string): Promise<void> {
  if (dialect === 'postgres') {
    try {
      await (conn as PgConnection).query({ text: sql, values: [] });
    } catch (err) {
      throw asSequelizeError(err as Error, sql);
    }
    return;
  }
  const st = await preparedOn(conn as SqliteConnection, sql);
  await new Promise<void>((ok, fail) => st.run([], (err) => (err ? fail(asSequelizeError(err, sql)) : ok())));
}

/**
 * A transaction's BEGIN, COMMIT and ROLLBACK, the same SQL Sequelize would send, run on the
 * transaction's own connection by the driver (SQLite: prepared) instead of through Sequelize's
 * query path (on SQLite a stack captured per statement; two statements of every booking).
 * Savepoints keep Sequelize's path. SQL Server keeps Sequelize's (tedious has its own calls).
 */
export function runTransactionsOnDriver(sequelize: Sequelize, dialect: 'sqlite' | 'postgres'): void {
  const qi = sequelize.getQueryInterface() as unknown as TransactionInterface;
  const sql = qi.queryGenerator;
  const [start, commit, rollback] = [qi.startTransaction.bind(qi), qi.commitTransaction.bind(qi), qi.rollbackTransaction.bind(qi)];
  qi.startTransaction = async (t, options) => {
    if (t.parent) return start(t, options);
    t.name = undefined;
    await runOnConnection(dialect, t.connection, sql.startTransactionQuery(t));
  };
  qi.commitTransaction = async (t, options) => {
    if (t.parent) return commit(t, options);
    const done = runOnConnection(dialect, t.connection, sql.commitTransactionQuery(t));
    t.finished = 'commit';
    await done;
  };
  qi.rollbackTransaction = async (t, options) => {
    if (t.parent) return rollback(t, options);
    await runOnConnection(dialect, t.connection, sql.rollbackTransactionQuery(t));
  };
}
