// The IVR's lifecycle events (domain/lifecycle.ts): where answer, confirm and route are accepted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextState } from '../../domain/lifecycle.ts';
import { CALLBACK_STATES } from '../../domain/types.ts';

const accepted = (event: 'answer' | 'confirm' | 'route' | 'attempt_failed') =>
  CALLBACK_STATES.filter((status) => nextState({ status, nextAttemptAt: null }, event).ok);

test('lifecycle: answer and confirm only while the contact is in UCCX, into connected; route only once connected, state kept', () => {
  assert.deepEqual(accepted('answer'), ['queued', 'dialing', 'connected']);
  assert.deepEqual(accepted('confirm'), ['queued', 'dialing', 'connected']);
  assert.deepEqual(accepted('route'), ['connected']);
  for (const event of ['answer', 'confirm', 'route'] as const) {
    for (const status of accepted(event)) assert.deepEqual(nextState({ status, nextAttemptAt: null }, event), { ok: true, to: 'connected' }, `${event} from ${status}`);
  }
  assert.deepEqual(accepted('attempt_failed'), ['queued', 'dialing', 'connected'], 'not_confirmed / abandoned');
});
