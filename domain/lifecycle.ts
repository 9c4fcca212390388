// The life of a callback: one transition table (state × event → state), the only place that says
// which change of state is legal. Pure: db/queries/transition.ts applies it, and the BFF, the IVR
// lookup and the jobs all change state through that one function. Kept true to
// shared/reference/callback-lifecycle.md (its "States" table) and to the README's lifecycle section.
import { ACTIVE_STATES, type CallbackStatus } from './types.ts';

/** What happens to a callback. Each is accepted only from the states listed in LIFECYCLE. */
export const LIFECYCLE_EVENTS = [
  'claim', // a dispatcher takes a due callback under a lease
  'reclaim', // a claim whose lease ran out (crashed or stalled dispatcher) is taken over to be verified
  'import', // UCCX holds the contact (accepted and confirmed)
  'import_failed', // UCCX refused for now or did not answer: try again later
  'reject', // UCCX refuses the contact's data for good
  'release', // a claim given back untouched (campaign being purged)
  'defer', // a retry whose time is closed waits for the next open time
  'take_for_repush', // the purge deletes all contacts: a pending one is taken to be pushed again
  'dial', // UCCX took the contact for dialling (callstatus 2)
  'answer', // the customer picked up (IVR event or a voice result in db_cra)
  'confirm', // the customer pressed 1 to be connected (IVR event); implies the answer
  'route', // the IVR queued the call (agent, CSQ or external script): history only, state kept
  'attempt_failed', // this attempt did not reach the customer; the retry policy allows another
  'fail', // will not be tried again (reason: invalid_number, max_attempts, …)
  'complete', // an agent was connected to the customer
  'reached_inbound', // the customer called in first and an agent closed the callback
  'expire', // not reached within its validity window / its state's deadline
  'cancel', // by an agent, a supervisor or automatically
  'reschedule', // moved to a new time (attempts reset)
  'reassign', // given to another agent or skill
] as const;
export type LifecycleEvent = (typeof LIFECYCLE_EVENTS)[number];

type Target = CallbackStatus | ((c: { nextAttemptAt: string | Date | null }) => CallbackStatus);
interface Rule {
  from: readonly CallbackStatus[];
  to: Target;
}

const ACTIVE = ACTIVE_STATES;
/** States whose contact sits in UCCX (its db_cra row may still change). */
export const IN_UCCX: readonly CallbackStatus[] = ['queued', 'dialing', 'connected'];

/** The state a new booking starts in. */
export const INITIAL_STATE: CallbackStatus = 'scheduled';

export const LIFECYCLE: Readonly<Record<LifecycleEvent, Rule>> = {
  claim: { from: ['scheduled', 'retry_wait'], to: 'dispatching' },
  reclaim: { from: ['dispatching'], to: 'dispatching' },
  import: { from: ['dispatching'], to: 'queued' },
  import_failed: { from: ['dispatching'], to: 'retry_wait' },
  reject: { from: ['dispatching'], to: 'failed' },
  release: { from: ['dispatching'], to: (c) => (c.nextAttemptAt ? 'retry_wait' : 'scheduled') },
  defer: { from: ['dispatching', 'retry_wait'], to: 'retry_wait' },
  take_for_repush: { from: ['queued'], to: 'dispatching' },
  dial: { from: ['queued'], to: 'dialing' },
  // From connected too: the IVR's report of an answer the result sync already read is recorded, state kept.
  answer: { from: ['queued', 'dialing', 'connected'], to: 'connected' },
  confirm: { from: ['queued', 'dialing', 'connected'], to: 'connected' },
  route: { from: ['connected'], to: 'connected' },
  attempt_failed: { from: IN_UCCX, to: 'retry_wait' },
  fail: { from: ['dispatching', ...IN_UCCX, 'retry_wait'], to: 'failed' },
  complete: { from: IN_UCCX, to: 'completed' },
  reached_inbound: { from: ACTIVE, to: 'completed' },
  // dispatching: only once its lease ran out past the expiry (the deadlines job; a live import is never raced).
  expire: { from: ['scheduled', 'dispatching', 'retry_wait', ...IN_UCCX], to: 'expired' },
  cancel: { from: ACTIVE, to: 'cancelled' },
  reschedule: { from: ['scheduled', 'retry_wait'], to: 'scheduled' },
  reassign: { from: ['scheduled', 'retry_wait'], to: 'scheduled' },
};

export type TransitionOutcome = { ok: true; to: CallbackStatus } | { ok: false; code: 'invalid_state'; from: CallbackStatus; event: LifecycleEvent };

/** The state `event` leads to from the callback's current state, or a refusal. */
export function nextState(c: { status: CallbackStatus; nextAttemptAt: string | Date | null }, event: LifecycleEvent): TransitionOutcome {
  const rule = LIFECYCLE[event];
  if (!rule.from.includes(c.status)) return { ok: false, code: 'invalid_state', from: c.status, event };
  return { ok: true, to: typeof rule.to === 'function' ? rule.to(c) : rule.to };
}

/** The states an event is accepted from (used by bulk SQL such as the dispatcher's claim). */
export const statesAccepting = (event: LifecycleEvent): readonly CallbackStatus[] => LIFECYCLE[event].from;

/** True when `event` is accepted in `status`. */
export const accepts = (status: CallbackStatus, event: LifecycleEvent): boolean => LIFECYCLE[event].from.includes(status);
