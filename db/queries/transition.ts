// The one writer of a callback's state. Every change of `status` — booking aside, which inserts in
// the initial state — goes through transitionCallback: it asks the lifecycle table
// (domain/lifecycle.ts) whether the event is accepted in the current state, writes the new state
// optimistically (by version) together with the other columns, and appends the history, all in one
// transaction. A refusal is an answer, not an exception: the BFF turns it into 409 invalid_state,
// the jobs log it and move on.
import { DataTypes, QueryTypes } from 'sequelize';
import { nextState, type GuardRefusal, type LifecycleEvent } from '../../domain/lifecycle.ts';
import type { CallbackStatus, HistoryEvent } from '../../domain/types.ts';
import type { Db, Tx } from '../index.ts';
import { appendHistory, appendHistoryRows, type NewHistoryRow } from './history.ts';
import { announceIfDue, dueTimeOf, publishDue } from '../notify.ts';
import { toCallback, writeCallbackRow, type CallbackRow } from './callbacks.ts';
import type { ColumnKind } from '../dialect/sql.ts';
import { sqlLiterals } from './sql-literals.ts';

export interface TransitionRequest {
  event: LifecycleEvent;
  actor: string;
  at: Date;
  /** Other columns to write with the new state (never `status` or `version`). */
  patch?: Record<string, unknown>;
  /** History rows appended in the same transaction. */
  history?: Array<[HistoryEvent, Record<string, unknown>]>;
}

export type TransitionResult =
  | { ok: true; row: CallbackRow; from: CallbackStatus }
  /** invalid_state: the table refuses the event here; changed: someone else changed the callback first. */
  | { ok: false; code: 'invalid_state' | 'changed'; from: CallbackStatus; event: LifecycleEvent; why?: GuardRefusal };

const checkPatch = (req: TransitionRequest) => {
  if (req.patch && ('status' in req.patch || 'version' in req.patch)) throw new Error('transitionCallback: status and version come from the lifecycle table');
};
const setsDueTime = (req: TransitionRequest) => 'scheduledAt' in (req.patch ?? {}) || 'nextAttemptAt' in (req.patch ?? {});

export async function transitionCallback(db: Db, current: CallbackRow, req: TransitionRequest, t?: Tx): Promise<TransitionResult> {
  const outcome = nextState(current, req.event, { actor: req.actor, at: req.at });
  if (!outcome.ok) return { ok: false, code: 'invalid_state', from: current.status, event: req.event, ...(outcome.why && { why: outcome.why }) };
  checkPatch(req);
  const run = async (tx: Tx) => {
    const row = await writeCallbackRow(db, current.id, current.version, { ...req.patch, status: outcome.to, updatedAt: req.at }, tx);
    if (!row) return null;
    for (const [event, details] of req.history ?? []) {
      await appendHistory(db, { callbackId: current.id, event, actor: req.actor.slice(0, 50), details, at: req.at }, tx);
    }
    // A new due time (booking aside: insertCallback) wakes the dispatchers (db/notify.ts); a claim given back keeps its time.
    if (row && setsDueTime(req)) await announceIfDue(db, row, tx);
    return row;
  };
  const row = t ? await run(t) : await db.transaction(run);
  return row ? { ok: true, row, from: current.status } : { ok: false, code: 'changed', from: current.status, event: req.event };
}

/**
 * Many transitions inside the caller's transaction `t` (the sync applies a batch of db_cra rows at
 * once). Each is judged by the lifecycle table exactly like transitionCallback; what a batch saves
 * is round trips: the accepted ones are written by version in one UPDATE per set of columns
 * (writeCallbacksByVersion, which returns the rows it wrote), their history goes in one INSERT,
 * and the dispatchers are woken once, for the earliest new due time (they read the rest from the
 * database when they wake). Items of the same callback in one batch: the second finds the version
 * moved and answers `changed`.
 */
export async function transitionCallbacks(db: Db, items: ReadonlyArray<{ current: CallbackRow; req: TransitionRequest }>, t: NonNullable<Tx>): Promise<TransitionResult[]> {
  const accepted: Array<{ item: number; write: VersionedWrite }> = [];
  const results: Array<TransitionResult | null> = items.map(({ current, req }, i) => {
    const outcome = nextState(current, req.event, { actor: req.actor, at: req.at });
    if (!outcome.ok) return { ok: false, code: 'invalid_state', from: current.status, event: req.event, ...(outcome.why && { why: outcome.why }) };
    checkPatch(req);
    accepted.push({ item: i, write: { id: current.id, version: current.version, values: { ...req.patch, status: outcome.to, updatedAt: req.at, version: current.version + 1 } } });
    return null;
  });
  const rows = await writeCallbacksByVersion(db, accepted.map((a) => a.write), t);
  const history: NewHistoryRow[] = [];
  let earliest: Date | null = null;
  accepted.forEach(({ item }, i) => {
    const { current, req } = items[item]!;
    const row = rows[i];
    if (!row) return void (results[item] = { ok: false, code: 'changed', from: current.status, event: req.event });
    results[item] = { ok: true, row, from: current.status };
    for (const [event, details] of req.history ?? []) history.push({ callbackId: current.id, event, actor: req.actor.slice(0, 50), details, at: req.at });
    const due = setsDueTime(req) ? dueTimeOf(row) : null;
    if (due && (!earliest || due < earliest)) earliest = due;
  });
  await appendHistoryRows(db, history, t);
  if (earliest) await publishDue(db, earliest, t);
  return results as TransitionResult[];
}

/** A row write of updateCallbacksByVersion / transitionCallbacks: `values` (model attribute names) where the row still has `version`. */
export interface VersionedWrite {
  id: number;
  version: number;
  values: Record<string, unknown>;
}

/** Rows per statement: SQL Server takes at most 1,000 rows in one VALUES list. */
const ROWS_PER_UPDATE = 500;

/**
 * The batch form of updateCallback: other columns of many callbacks (never their state: that is
 * transitionCallbacks'), each written only where the callback still has `version`. Answers, in the
 * order of `writes`, each new row, or null where someone else changed the callback first.
 */
export async function updateCallbacksByVersion(db: Db, writes: readonly VersionedWrite[], t: NonNullable<Tx>): Promise<Array<CallbackRow | null>> {
  if (writes.some((w) => 'status' in w.values)) throw new Error('updateCallbacksByVersion: a change of state goes through transitionCallbacks');
  return writeCallbacksByVersion(db, writes, t);
}

/**
 * Versioned writes of many callbacks in few statements (db.sql.updateByVersion): one per set of
 * columns and 500 rows, RETURNING the rows written. A callback written twice is written in two
 * rounds, so its second write meets the version its first one left, as one by one. Model.update
 * per row built and validated a model instance and cloned its options per row, and a statement
 * per row was most of a sync batch's time.
 */
async function writeCallbacksByVersion(db: Db, writes: readonly VersionedWrite[], t: NonNullable<Tx>): Promise<Array<CallbackRow | null>> {
  const out: Array<CallbackRow | null> = writes.map(() => null);
  for (const round of rounds(writes)) {
    const byColumns = new Map<string, number[]>();
    for (const i of round) {
      // An undefined value writes nothing, as with Model.update.
      const key = Object.keys(writes[i]!.values).filter((k) => writes[i]!.values[k] !== undefined).sort().join(',');
      const group = byColumns.get(key);
      if (group) group.push(i);
      else byColumns.set(key, [i]);
    }
    for (const [key, indexes] of byColumns) {
      if (!key) throw new Error('writeCallbacksByVersion: a write without any value');
      const columns = columnsOf(db, key.split(','));
      for (let from = 0; from < indexes.length; from += ROWS_PER_UPDATE) {
        const part = indexes.slice(from, from + ROWS_PER_UPDATE);
        const written = await runVersionedUpdate(db, columns, part.map((i) => writes[i]!), t);
        for (const i of part) out[i] = written.get(writes[i]!.id) ?? null;
      }
    }
  }
  return out;
}

/** Indexes of `writes` in rounds where each callback appears at most once, in the order given. */
function rounds(writes: readonly VersionedWrite[]): number[][] {
  const out: number[][] = [];
  const seen = new Map<number, number>();
  writes.forEach((w, i) => {
    const round = seen.get(w.id) ?? 0;
    seen.set(w.id, round + 1);
    (out[round] ??= []).push(i);
  });
  return out;
}

interface Column {
  attribute: string;
  name: string;
  kind: ColumnKind;
}

/** The model's columns for `attributes`, with how each value is typed in SQL. */
function columnsOf(db: Db, attributes: string[]): Column[] {
  const model = db.models.Callback.getAttributes() as Record<string, { field?: string; type: unknown }>;
  return attributes.map((attribute) => {
    const column = model[attribute];
    if (!column) throw new Error(`writeCallbacksByVersion: unknown column ${attribute}`);
    return { attribute, name: column.field ?? attribute, kind: kindOf(column.type, attribute) };
  });
}

function kindOf(type: unknown, attribute: string): ColumnKind {
  if (type instanceof DataTypes.DATE) return 'date';
  if (type instanceof DataTypes.BIGINT) return 'bigint';
  if (type instanceof DataTypes.INTEGER) return 'integer';
  if (type instanceof DataTypes.STRING || type instanceof DataTypes.TEXT) return 'text';
  throw new Error(`writeCallbacksByVersion: no SQL kind for column ${attribute}`);
}

/** One statement; returns the written rows by id. DATE values go as Dates, so every dialect stores them in its own format. */
async function runVersionedUpdate(db: Db, columns: Column[], rows: VersionedWrite[], t: NonNullable<Tx>): Promise<Map<number, CallbackRow>> {
  const literal = sqlLiterals(db);
  const tuples = rows.map((row) => {
    const values = columns.map((c) => {
      const value = row.values[c.attribute];
      return literal(value != null && c.kind === 'date' ? new Date(value as string | Date) : value);
    });
    return `(${literal(row.id)}, ${literal(row.version)}, ${values.join(', ')})`;
  });
  const sql = db.sql.updateByVersion('callbacks', columns, tuples);
  const written = (await db.sequelize.query(sql, { type: QueryTypes.SELECT, transaction: t })) as Array<Record<string, unknown>>;
  return new Map(written.map((r) => toCallback(r)).map((r) => [r.id, r]));
}
