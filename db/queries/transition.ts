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
 * once). Each is judged by the lifecycle table and written by version exactly like
 * transitionCallback; what a batch saves is round trips: the history of every accepted transition
 * goes in one INSERT, the new rows come back in one SELECT, and the dispatchers are woken once,
 * for the earliest new due time (they read the rest from the database when they wake).
 * Items of the same callback in one batch: the second finds the version moved and answers `changed`.
 */
export async function transitionCallbacks(db: Db, items: ReadonlyArray<{ current: CallbackRow; req: TransitionRequest }>, t: NonNullable<Tx>): Promise<TransitionResult[]> {
  const results: Array<TransitionResult | null> = [];
  const history: NewHistoryRow[] = [];
  const written: number[] = [];
  for (const { current, req } of items) {
    const outcome = nextState(current, req.event, { actor: req.actor, at: req.at });
    if (!outcome.ok) {
      results.push({ ok: false, code: 'invalid_state', from: current.status, event: req.event, ...(outcome.why && { why: outcome.why }) });
      continue;
    }
    checkPatch(req);
    const values = { ...req.patch, status: outcome.to, updatedAt: req.at, version: current.version + 1 };
    const count = await writeVersioned(db, current, values, t);
    if (count !== 1) {
      results.push({ ok: false, code: 'changed', from: current.status, event: req.event });
      continue;
    }
    results.push(null); // filled from the re-read below
    written.push(current.id);
    for (const [event, details] of req.history ?? []) history.push({ callbackId: current.id, event, actor: req.actor.slice(0, 50), details, at: req.at });
  }
  await appendHistoryRows(db, history, t);
  const rows = new Map((await readCallbacksByIds(db, written, t)).map((r) => [r.id, r]));
  let earliest: Date | null = null;
  const out = results.map((result, i) => {
    if (result) return result;
    const { current, req } = items[i]!;
    const row = rows.get(current.id)!;
    const due = setsDueTime(req) ? dueTimeOf(row) : null;
    if (due && (!earliest || due < earliest)) earliest = due;
    return { ok: true as const, row, from: current.status };
  });
  if (earliest) await publishDue(db, earliest, t);
  return out;
}

/**
 * The versioned row write of a batch item: one plain UPDATE … WHERE id AND version, its row count
 * the answer. Model.update built and validated a model instance per row and cloned its options,
 * most of a sync batch's CPU. Columns are the model's; DATE values go as Dates so every dialect
 * stores them in its own format, as Model.update would.
 */
async function writeVersioned(db: Db, current: CallbackRow, values: Record<string, unknown>, t: NonNullable<Tx>): Promise<number> {
  const attributes = db.models.Callback.getAttributes() as Record<string, { field?: string; type: unknown }>;
  const replacements: Record<string, unknown> = { where_id: current.id, where_version: current.version };
  const sets = Object.entries(values).map(([key, value], i) => {
    const attribute = attributes[key];
    if (!attribute) throw new Error(`transitionCallbacks: unknown column ${key}`);
    replacements[`v${i}`] = value != null && attribute.type instanceof DataTypes.DATE ? new Date(value as string | Date) : value;
    return `${attribute.field ?? key} = :v${i}`;
  });
  const sql = `UPDATE callbacks SET ${sets.join(', ')} WHERE id = :where_id AND version = :where_version`;
  return Number(await db.sequelize.query(sql, { replacements, type: QueryTypes.BULKUPDATE, transaction: t }));
}

/** Callbacks by id in one SELECT per 500, as plain rows (no model instances: a batch reads hundreds). */
export async function readCallbacksByIds(db: Db, ids: readonly number[], t?: Tx): Promise<CallbackRow[]> {
  const out: CallbackRow[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = (await db.sequelize.query('SELECT * FROM callbacks WHERE id IN (:ids)', { replacements: { ids: ids.slice(i, i + 500) }, type: QueryTypes.SELECT, transaction: t ?? undefined })) as Array<Record<string, unknown>>;
    out.push(...rows.map(toCallback));
  }
  return out;
}
