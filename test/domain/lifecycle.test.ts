// The transition table (domain/lifecycle.ts) against the lifecycle reference, and the one writer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LIFECYCLE, LIFECYCLE_EVENTS, nextState, statesAccepting } from '../../domain/lifecycle.ts';
import { CALLBACK_STATES, TERMINAL_STATES, type CallbackStatus } from '../../domain/types.ts';
import { sqlFor } from '../../db/dialect/sql.ts';
import { DIALECTS, openTestDb } from '../helpers/databases.ts';
import { insertTestCallback } from '../db/seed-helpers.ts';
import { findCallbackById, updateCallback } from '../../db/queries/callbacks.ts';
import { transitionCallback } from '../../db/queries/transition.ts';
import { listHistory } from '../../db/queries/history.ts';

const reachable = (from: CallbackStatus) =>
  new Set(LIFECYCLE_EVENTS.map((e) => nextState({ status: from, nextAttemptAt: null }, e)).flatMap((o) => (o.ok ? [o.to] : [])));

test('nextState: terminal states accept no event', () => {
  for (const s of TERMINAL_STATES) assert.equal(reachable(s).size, 0, s);
});

test('nextState: every move of the reference table is an event of the lifecycle table', () => {
  // shared/reference/callback-lifecycle.md, column "next".
  const reference: Record<string, CallbackStatus[]> = {
    scheduled: ['dispatching', 'cancelled', 'expired'],
    dispatching: ['queued', 'retry_wait', 'scheduled'],
    queued: ['dialing', 'connected', 'retry_wait', 'failed', 'cancelled'],
    dialing: ['connected', 'retry_wait', 'failed'],
    connected: ['completed', 'retry_wait'],
    retry_wait: ['dispatching', 'failed', 'expired', 'cancelled'],
  };
  for (const [from, tos] of Object.entries(reference)) {
    const can = reachable(from as CallbackStatus);
    for (const to of tos) assert.ok(can.has(to), `${from} → ${to}`);
  }
});

test('nextState: a callback not dialled cannot be completed, connected or dialled', () => {
  for (const s of ['scheduled', 'retry_wait', 'dispatching'] as const) {
    for (const e of ['complete', 'answer', 'dial'] as const) assert.equal(nextState({ status: s, nextAttemptAt: null }, e).ok, false, `${e} from ${s}`);
  }
  assert.deepEqual(nextState({ status: 'scheduled', nextAttemptAt: null }, 'complete'), { ok: false, code: 'invalid_state', from: 'scheduled', event: 'complete' });
});

test('nextState: release returns a claim to where it came from', () => {
  assert.deepEqual(nextState({ status: 'dispatching', nextAttemptAt: null }, 'release'), { ok: true, to: 'scheduled' });
  assert.deepEqual(nextState({ status: 'dispatching', nextAttemptAt: '2026-12-01T10:00:00Z' }, 'release'), { ok: true, to: 'retry_wait' });
});

test('every event names only known states', () => {
  for (const e of LIFECYCLE_EVENTS) for (const s of LIFECYCLE[e].from) assert.ok(CALLBACK_STATES.includes(s), `${e}: ${s}`);
});

test('claimDue SQL claims exactly the states the table lets "claim" leave from, into its target', () => {
  for (const dialect of ['sqlite', 'postgres', 'mssql'] as const) {
    const sql = sqlFor(dialect).claimDue;
    for (const s of statesAccepting('claim')) assert.match(sql, new RegExp(`status = '${s}' AND`), `${dialect}: ${s}`);
    assert.match(sql, new RegExp(`SET status = '${LIFECYCLE.claim.to}'`));
  }
});

for (const dialect of DIALECTS) {
  test(`transitionCallback on ${dialect}: applies allowed events with history, refuses others, and is the only writer of status`, async (t) => {
    const { db, cleanup } = await openTestDb(dialect);
    t.after(cleanup);
    const cb = await insertTestCallback(db);
    await assert.rejects(() => updateCallback(db, cb.id, cb.version, { status: 'completed' }), /transitionCallback/);
    const refused = await transitionCallback(db, cb, { event: 'complete', actor: 'test', at: new Date() });
    assert.deepEqual(refused, { ok: false, code: 'invalid_state', from: 'scheduled', event: 'complete' });
    const cancelled = await transitionCallback(db, cb, { event: 'cancel', actor: 'test', at: new Date(), patch: { reason: 'x' }, history: [['cancelled', { by: 'test' }]] });
    assert.ok(cancelled.ok);
    assert.equal((await findCallbackById(db, cb.id))?.status, 'cancelled');
    assert.deepEqual((await listHistory(db, cb.id)).map((h) => h.event), ['cancelled']);
    // A stale copy (old version) loses: someone else changed it first.
    const stale = await transitionCallback(db, cb, { event: 'expire', actor: 'test', at: new Date() });
    assert.equal(stale.ok, false);
  });
}
