// UCCX callstatus/callresult (db_cra DialingList) and the call's ContactCallDetail → what happens to
// the callback. The callresult codes go through a table (domain/rules/call-results.ts, the Schema
// Guide's by default, CM_UCCX_CALLRESULT_MAP to override). "Completed" needs proof that an agent
// talked to the customer (an AgentConnectionDetail leg with talk time), not just an IVR routing:
// a customer who hung up in the queue, or did not press 1, is a failed attempt.
import type { FailureReason, RetryOutcome } from '../domain/types.ts';
import { DEFAULT_CALLRESULT_MAP, FINAL_OUTCOMES, outcomeOf, type CallResultMap } from '../domain/rules/call-results.ts';

export const CALL_STATUS = { pending: 1, active: 2, closed: 3, callback: 4, maxCalls: 5, retry: 6, unknown: 7, retriesWithDelay: 8 } as const;

/** ContactCallDetail.contactDisposition (Schema Guide): 1 abandoned, 2 handled. */
export const CONTACT_DISPOSITION = { abandoned: 1, handled: 2 } as const;

export const CALL_RESULT_NAMES: Record<number, string> = {
  1: 'voice',
  2: 'fax',
  3: 'answering_machine',
  4: 'invalid',
  5: 'do_not_call',
  6: 'wrong_number',
  7: 'wrong_person',
  8: 'callback',
  9: 'skip',
  10: 'skip_close',
  11: 'busy',
  12: 'agent_no_response',
  13: 'callback_failed',
  14: 'callback_missed',
  15: 'no_answer',
  16: 'abandoned',
  17: 'gateway_failure',
  18: 'customer_abandoned',
};

/** What the call's ContactCallDetail (and AgentConnectionDetail) say, if UCCX wrote them yet. */
export interface CallOutcome {
  /** customVariable2 (`_ccdrVar2`): agent:/csq:/script: as the script set it. */
  routedTo: string | null;
  disposition: number | null;
  agentConnected: boolean;
}

export type ResultEffect =
  /** Still waiting in UCCX (pending, UCCX's own retry or callback): nothing to change. */
  | { kind: 'none' }
  /** Taken for dialling (callstatus 2). */
  | { kind: 'dialing' }
  /** Answered live, the call is not over yet (no ContactCallDetail written). */
  | { kind: 'answered' }
  /** An agent talked to the customer; `routedTo` is where the script queued the call. */
  | { kind: 'completed'; routedTo: string | null }
  /** The attempt failed; the retry policy for `outcome` decides. */
  | { kind: 'attempt_failed'; outcome: RetryOutcome; result: string }
  /** Will not be tried again. */
  | { kind: 'failed'; reason: FailureReason; result: string };

export const callResultName = (code: number | null): string => (code == null ? 'none' : (CALL_RESULT_NAMES[code] ?? `result_${code}`));

/** An answered call whose detail shows no agent: abandoned in the queue, or ended by the script. */
function answeredWithoutAgent(call: CallOutcome): ResultEffect {
  return call.disposition === CONTACT_DISPOSITION.abandoned
    ? { kind: 'attempt_failed', outcome: 'abandoned', result: 'abandoned_in_queue' }
    : { kind: 'attempt_failed', outcome: 'not_confirmed', result: 'no_agent' };
}

/** The effect of one db_cra row and its call detail (null while UCCX has written none). */
export function mapDialResult(row: { callStatus: number; callResult: number | null }, call: CallOutcome | null, map: CallResultMap = DEFAULT_CALLRESULT_MAP): ResultEffect {
  if (row.callStatus === CALL_STATUS.active) {
    if (call?.agentConnected) return { kind: 'completed', routedTo: call.routedTo };
    return call ? answeredWithoutAgent(call) : { kind: 'dialing' };
  }
  const closed = row.callStatus === CALL_STATUS.closed || row.callStatus === CALL_STATUS.maxCalls;
  if (!closed) return { kind: 'none' };
  const outcome = outcomeOf(map, row.callResult) ?? 'default';
  const result = callResultName(row.callResult);
  if (outcome === 'answered') {
    if (call?.agentConnected) return { kind: 'completed', routedTo: call.routedTo };
    return call ? answeredWithoutAgent(call) : { kind: 'answered' };
  }
  if (FINAL_OUTCOMES.has(outcome)) return { kind: 'failed', reason: outcome as FailureReason, result };
  // Everything else that closes a contact without a live answer is a failed attempt.
  return { kind: 'attempt_failed', outcome: outcome as RetryOutcome, result };
}

/** `agent:1001` → { target: 'agent', name: '1001' }; unknown forms keep the whole text as the name. */
export function parseRoutedTo(value: string): { target: 'agent' | 'csq' | 'script'; name: string } {
  const [kind, ...rest] = value.split(':');
  const target = kind === 'agent' || kind === 'csq' || kind === 'script' ? kind : 'csq';
  return { target, name: rest.length ? rest.join(':') : value };
}
