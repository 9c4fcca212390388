// UCCX DialingList callResult → what it means for a callback. The default is the table of the
// Cisco Unified CCX Database Schema Guide (DialingList, column callResult); a site whose UCCX or
// integration reports other codes overrides single entries (CM_UCCX_CALLRESULT_MAP, JSON
// {"code":"outcome"}), e.g. {"10":"answered"} for the integrator that reports a connected call as 10.
import type { FailureReason, RetryOutcome } from '../types.ts';

/** answered: a live customer (the IVR script runs); a retry outcome: the attempt failed; a failure: stop. */
export type CallResultOutcome = 'answered' | RetryOutcome | Extract<FailureReason, 'fax' | 'invalid_number' | 'do_not_call' | 'wrong_number'>;

export const CALL_RESULT_OUTCOMES: readonly CallResultOutcome[] = [
  'answered',
  'busy',
  'no_answer',
  'answering_machine',
  'abandoned',
  'gateway_failure',
  'wrong_person',
  'not_confirmed',
  'default',
  'fax',
  'invalid_number',
  'do_not_call',
  'wrong_number',
];

export const FINAL_OUTCOMES: ReadonlySet<CallResultOutcome> = new Set(['fax', 'invalid_number', 'do_not_call', 'wrong_number']);

export type CallResultMap = Readonly<Record<number, CallResultOutcome>>;

/** UCCX 12.5 Database Schema Guide, DialingList.callResult (docs/uccx-simulator.md cites it). */
export const DEFAULT_CALLRESULT_MAP: CallResultMap = {
  1: 'answered', // voice
  2: 'fax',
  3: 'answering_machine',
  4: 'invalid_number', // invalid
  5: 'do_not_call',
  6: 'wrong_number',
  7: 'wrong_person',
  8: 'default', // callback (agent campaigns only)
  9: 'default', // skip / reject (preview dialling)
  10: 'default', // skip-close (preview dialling)
  11: 'busy',
  12: 'default', // agent did not respond (agent campaigns)
  13: 'default', // callback failed
  14: 'default', // callback missed
  15: 'no_answer', // timeout: ring no answer
  16: 'abandoned', // abandoned: no IVR port / agent free
  17: 'gateway_failure', // call failed at the gateway
  18: 'abandoned', // customer abandoned
};

/** The default table with the overrides of a JSON object `{"<code>": "<outcome>"}`; throws on anything else. */
export function parseCallResultMap(json: string | null | undefined): CallResultMap {
  if (!json) return DEFAULT_CALLRESULT_MAP;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new Error('CM_UCCX_CALLRESULT_MAP must be a JSON object {"<callresult>": "<outcome>"}');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('CM_UCCX_CALLRESULT_MAP must be a JSON object {"<callresult>": "<outcome>"}');
  const map: Record<number, CallResultOutcome> = { ...DEFAULT_CALLRESULT_MAP };
  for (const [code, outcome] of Object.entries(parsed)) {
    if (!/^\d{1,4}$/.test(code)) throw new Error(`CM_UCCX_CALLRESULT_MAP: "${code}" is not a callresult code`);
    if (!CALL_RESULT_OUTCOMES.includes(outcome as CallResultOutcome)) throw new Error(`CM_UCCX_CALLRESULT_MAP: "${String(outcome)}" is not one of ${CALL_RESULT_OUTCOMES.join(', ')}`);
    map[Number(code)] = outcome as CallResultOutcome;
  }
  return map;
}

/** Unknown codes are a failed attempt under the campaign's default retry rule. */
export const outcomeOf = (map: CallResultMap, code: number | null): CallResultOutcome | null => (code == null ? null : (map[code] ?? 'default'));
