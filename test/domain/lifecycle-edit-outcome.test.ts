// The issue-10 events of the state machine: `edit` keeps the state and is refused once UCCX holds
// the contact; the outcome events are guarded (receiving agent, once, within the window).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OUTCOME_WINDOW_MINUTES, nextState } from '../../domain/lifecycle.ts';
import { CALLBACK_STATES } from '../../domain/types.ts';

const arrivedAt = new Date('2026-12-01T10:00:00Z');
const completed = { status: 'completed' as const, nextAttemptAt: null, arrivedBy: '1002', arrivedAt: arrivedAt.toISOString(), callOutcome: null };
const at = (minutes: number) => new Date(arrivedAt.getTime() + minutes * 60_000);

test('edit: accepted in scheduled and retry_wait, the state kept; refused everywhere else', () => {
  for (const status of CALLBACK_STATES) {
    const r = nextState({ status, nextAttemptAt: null }, 'edit');
    if (status === 'scheduled' || status === 'retry_wait') assert.deepEqual(r, { ok: true, to: status });
    else assert.equal(r.ok, false, status);
  }
});

test('outcome events: the receiving agent within the window, each to its state', () => {
  const by = { actor: '1002', at: at(5) };
  assert.deepEqual(nextState(completed, 'outcome_reached', by), { ok: true, to: 'completed' });
  assert.deepEqual(nextState(completed, 'outcome_retry', by), { ok: true, to: 'retry_wait' });
  assert.deepEqual(nextState(completed, 'outcome_failed', by), { ok: true, to: 'failed' });
  assert.deepEqual(nextState(completed, 'outcome_reschedule', by), { ok: true, to: 'scheduled' });
  assert.equal(nextState(completed, 'outcome_retry', { actor: '1002', at: at(OUTCOME_WINDOW_MINUTES) }).ok, true, 'the last minute counts');
});

test('outcome events: refused for another agent, late, twice, without an arrival or an actor, and outside completed', () => {
  const why = (c: object, actor: string, when: Date) => {
    const r = nextState({ ...completed, ...c }, 'outcome_retry', { actor, at: when });
    return r.ok ? null : r.why;
  };
  assert.equal(why({}, '1001', at(1)), 'not_receiver');
  assert.equal(why({}, '1002', at(OUTCOME_WINDOW_MINUTES + 1)), 'outcome_window_closed');
  assert.equal(why({}, '1002', at(-1)), 'outcome_window_closed', 'not before the arrival');
  assert.equal(why({ callOutcome: 'reached' }, '1002', at(1)), 'outcome_recorded');
  assert.equal(why({ arrivedBy: null, arrivedAt: null }, '1002', at(1)), 'not_receiver');
  assert.equal(nextState(completed, 'outcome_reached').ok, false, 'no actor, no outcome');
  for (const status of CALLBACK_STATES.filter((s) => s !== 'completed')) {
    assert.equal(nextState({ ...completed, status }, 'outcome_reached', { actor: '1002', at: at(1) }).ok, false, status);
  }
});
