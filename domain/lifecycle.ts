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
  'edit', // names, number or notes corrected before UCCX holds the contact: state kept
  // The receiving agent's outcome at the end of the callback call (after his arrival acknowledgement
  // completed it): only he may give it, once, within OUTCOME_WINDOW_MINUTES of the arrival.
  'outcome_reached', // reached: the completion is confirmed, state kept
  'outcome_retry', // not reached: another attempt per the campaign's retry policy
  'outcome_failed', // not reached and the retry policy has no attempt left
  'outcome_reschedule', // not reached: the agent agreed a new time (attempts reset)
  'repush', // an admin takes a stuck call back to be imported again (UCCX no longer holds its contact)
  'force_complete', // an admin closes a stuck callback as done, with a reason
] as const;
export type LifecycleEvent = (typeof LIFECYCLE_EVENTS)[number];

/** What the table reads of a callback: its state, and for the outcome events who received its call and when. */
export interface LifecycleSubject {
  status: CallbackStatus;
  nextAttemptAt: string | Date | null;
  /** The agent whose arrival acknowledgement completed it, and when (null before any arrival). */
  arrivedBy?: string | null;
  arrivedAt?: string | Date | null;
  /** The outcome the receiving agent recorded for the last arrival, if any. */
  callOutcome?: string | null;
}
/** Who sends the event and when (a guard may depend on it). */
export interface LifecycleActor {
  actor: string;
  at: Date;
}

type Target = CallbackStatus | ((c: LifecycleSubject) => CallbackStatus);
/** Why a guarded event is refused although the state accepts it. */
export type GuardRefusal = 'not_receiver' | 'outcome_window_closed' | 'outcome_recorded';
interface Rule {
  from: readonly CallbackStatus[];
  to: Target;
  /** How docs/lifecycle.md says where a function target leads. */
  leadsTo?: string;
  /** Extra condition beyond the state: null accepts, else why not. Without an actor a guarded event is refused. */
  guard?: (c: LifecycleSubject, by: LifecycleActor) => GuardRefusal | null;
}

const ACTIVE = ACTIVE_STATES;
/** States whose contact sits in UCCX (its db_cra row may still change). */
export const IN_UCCX: readonly CallbackStatus[] = ['queued', 'dialing', 'connected'];

/** How long after his arrival acknowledgement the receiving agent may still record the call's outcome. */
export const OUTCOME_WINDOW_MINUTES = 30;

/** The outcome events: only the agent who received the call, once, shortly after the arrival. */
function receiverShortlyAfter(c: LifecycleSubject, by: LifecycleActor): GuardRefusal | null {
  if (!c.arrivedBy || !c.arrivedAt || c.arrivedBy !== by.actor) return 'not_receiver';
  if (c.callOutcome) return 'outcome_recorded';
  const arrived = new Date(c.arrivedAt).getTime();
  if (by.at.getTime() < arrived || by.at.getTime() > arrived + OUTCOME_WINDOW_MINUTES * 60_000) return 'outcome_window_closed';
  return null;
}
const afterArrival = { from: ['completed'] as const, guard: receiverShortlyAfter };

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
  // Not in dispatching either: the dispatcher is sending the current data to UCCX.
  edit: { from: ['scheduled', 'retry_wait'], to: (c) => c.status, leadsTo: 'the same state' },
  outcome_reached: { ...afterArrival, to: 'completed' },
  outcome_retry: { ...afterArrival, to: 'retry_wait' },
  outcome_failed: { ...afterArrival, to: 'failed' },
  outcome_reschedule: { ...afterArrival, to: 'scheduled' },
  // Only from states whose contact sat in UCCX: waiting ones are pushed anyway, dispatching is live.
  repush: { from: IN_UCCX, to: 'retry_wait' },
  force_complete: { from: ACTIVE, to: 'completed' },
};

export type TransitionOutcome =
  | { ok: true; to: CallbackStatus }
  | { ok: false; code: 'invalid_state'; from: CallbackStatus; event: LifecycleEvent; why?: GuardRefusal };

/** The state `event` leads to from the callback's current state, or a refusal. */
export function nextState(c: LifecycleSubject, event: LifecycleEvent, by?: LifecycleActor): TransitionOutcome {
  const rule = LIFECYCLE[event];
  if (!rule.from.includes(c.status)) return { ok: false, code: 'invalid_state', from: c.status, event };
  if (rule.guard) {
    const why = by ? rule.guard(c, by) : 'not_receiver';
    if (why) return { ok: false, code: 'invalid_state', from: c.status, event, why };
  }
  return { ok: true, to: typeof rule.to === 'function' ? rule.to(c) : rule.to };
}

/** The states an event is accepted from (used by bulk SQL such as the dispatcher's claim). */
export const statesAccepting = (event: LifecycleEvent): readonly CallbackStatus[] => LIFECYCLE[event].from;

/** True when `event` is accepted in `status`. */
export const accepts = (status: CallbackStatus, event: LifecycleEvent): boolean => LIFECYCLE[event].from.includes(status);
