// UCCX callstatus/callresult (db_cra DialingList) → what happens to the callback, exactly as the
// table in shared/reference/callback-lifecycle.md.
import type { FailureReason, RetryOutcome } from '../domain/types.ts';

export const CALL_STATUS = { pending: 1, active: 2, closed: 3, callback: 4, maxCalls: 5, retry: 6, unknown: 7, retriesWithDelay: 8 } as const;

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

const FINAL_FAILURES: Record<number, FailureReason> = { 2: 'fax', 4: 'invalid_number', 5: 'do_not_call', 6: 'wrong_number' };

const RETRY_OUTCOMES: Record<number, RetryOutcome> = {
  3: 'answering_machine',
  7: 'wrong_person',
  11: 'busy',
  15: 'no_answer',
  16: 'abandoned',
  17: 'gateway_failure',
  18: 'abandoned',
};

export type ResultEffect =
  /** Still waiting in UCCX (pending, UCCX's own retry or callback): nothing to change. */
  | { kind: 'none' }
  /** Taken for dialling (callstatus 2). */
  | { kind: 'dialing' }
  /** Answered live, but the IVR has not routed it yet (no ContactCallDetail with a target). */
  | { kind: 'answered' }
  /** Answered and routed by the Callback IVR script to `routedTo` (agent:/csq:/script:). */
  | { kind: 'completed'; routedTo: string }
  /** The attempt failed; the retry policy for `outcome` decides. */
  | { kind: 'attempt_failed'; outcome: RetryOutcome; result: string }
  /** Will not be tried again. */
  | { kind: 'failed'; reason: FailureReason; result: string };

export const callResultName = (code: number | null): string => (code == null ? 'none' : (CALL_RESULT_NAMES[code] ?? `result_${code}`));

/** The effect of one db_cra row; `routedTo` is customVariable2 of its ContactCallDetail, if any. */
export function mapDialResult(row: { callStatus: number; callResult: number | null }, routedTo: string | null): ResultEffect {
  if (row.callStatus === CALL_STATUS.active) return routedTo ? { kind: 'completed', routedTo } : { kind: 'dialing' };
  const closed = row.callStatus === CALL_STATUS.closed || row.callStatus === CALL_STATUS.maxCalls;
  if (!closed) return { kind: 'none' };
  const code = row.callResult;
  const result = callResultName(code);
  if (code === 1) return routedTo ? { kind: 'completed', routedTo } : { kind: 'answered' };
  if (code != null && FINAL_FAILURES[code]) return { kind: 'failed', reason: FINAL_FAILURES[code], result };
  // Everything else that closes a contact without a live, routed answer is a failed attempt.
  return { kind: 'attempt_failed', outcome: (code != null && RETRY_OUTCOMES[code]) || 'default', result };
}

/** `agent:1001` → { target: 'agent', name: '1001' }; unknown forms keep the whole text as the name. */
export function parseRoutedTo(value: string): { target: 'agent' | 'csq' | 'script'; name: string } {
  const [kind, ...rest] = value.split(':');
  const target = kind === 'agent' || kind === 'csq' || kind === 'script' ? kind : 'csq';
  return { target, name: rest.length ? rest.join(':') : value };
}
