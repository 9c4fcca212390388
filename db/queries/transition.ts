// The one writer of a callback's state. Every change of `status` — booking aside, which inserts in
// the initial state — goes through transitionCallback: it asks the lifecycle table
// (domain/lifecycle.ts) whether the event is accepted in the current state, writes the new state
// optimistically (by version) together with the other columns, and appends the history, all in one
// transaction. A refusal is an answer, not an exception: the BFF turns it into 409 invalid_state,
// the jobs log it and move on.
import { nextState, type LifecycleEvent } from '../../domain/lifecycle.ts';
import type { CallbackStatus, HistoryEvent } from '../../domain/types.ts';
import type { Db, Tx } from '../index.ts';
import { appendHistory } from './history.ts';
import { writeCallbackRow, type CallbackRow } from './callbacks.ts';

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
  | { ok: false; code: 'invalid_state' | 'changed'; from: CallbackStatus; event: LifecycleEvent };

export async function transitionCallback(db: Db, current: CallbackRow, req: TransitionRequest, t?: Tx): Promise<TransitionResult> {
  const outcome = nextState(current, req.event);
  if (!outcome.ok) return { ok: false, code: 'invalid_state', from: current.status, event: req.event };
  if (req.patch && ('status' in req.patch || 'version' in req.patch)) throw new Error('transitionCallback: status and version come from the lifecycle table');
  const run = async (tx: Tx) => {
    const row = await writeCallbackRow(db, current.id, current.version, { ...req.patch, status: outcome.to, updatedAt: req.at }, tx);
    if (!row) return null;
    for (const [event, details] of req.history ?? []) {
      await appendHistory(db, { callbackId: current.id, event, actor: req.actor.slice(0, 50), details, at: req.at }, tx);
    }
    return row;
  };
  const row = t ? await run(t) : await db.transaction(run);
  return row ? { ok: true, row, from: current.status } : { ok: false, code: 'changed', from: current.status, event: req.event };
}
