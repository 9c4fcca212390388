// UCCX db_cra codes (DB Schema Guide 12.5), as the reference lists them.
export const CALL_STATUS = { pending: 1, active: 2, closed: 3, callback: 4, maxCalls: 5, retry: 6, unknown: 7, retriesWithDelay: 8 } as const;

export const CALL_RESULT = {
  voice: 1,
  fax: 2,
  answeringMachine: 3,
  invalid: 4,
  doNotCall: 5,
  wrongNumber: 6,
  wrongPerson: 7,
  callback: 8,
  skip: 9,
  skipClose: 10,
  busy: 11,
  agentNoResponse: 12,
  callbackFailed: 13,
  callbackMissed: 14,
  timeout: 15,
  abandoned: 16,
  callFailed: 17,
  customerAbandoned: 18,
} as const;

/** The names GET …/contacts?q= takes and the pending-contacts CSV shows. */
export const STATUS_NAMES: Record<number, string> = { 1: 'PENDING', 2: 'ACTIVE', 3: 'CLOSED', 4: 'CALLBACK', 5: 'MAX_CALLS', 6: 'RETRY', 7: 'UNKNOWN', 8: 'RETRIES_WITH_DELAY' };
export const STATUS_BY_NAME: Record<string, number> = Object.fromEntries(Object.entries(STATUS_NAMES).map(([k, v]) => [v, Number(k)]));

/** What a dial can end in, and how each closes or retries the contact. */
export type Outcome = 'answer' | 'busy' | 'noAnswer' | 'answeringMachine' | 'invalid' | 'fax' | 'gatewayFailure';

export const OUTCOME_RESULT: Record<Outcome, number> = {
  answer: CALL_RESULT.voice,
  busy: CALL_RESULT.busy,
  noAnswer: CALL_RESULT.timeout,
  answeringMachine: CALL_RESULT.answeringMachine,
  invalid: CALL_RESULT.invalid,
  fax: CALL_RESULT.fax,
  gatewayFailure: CALL_RESULT.callFailed,
};

/** Outcomes UCCX retries (when attempts remain); the others close the contact at once. */
export const RETRIED: ReadonlySet<Outcome> = new Set(['busy', 'noAnswer', 'answeringMachine', 'gatewayFailure']);

export type OutcomeRule = (phone: string) => Outcome;

/** Default rule, by the number's last digit: 0-5 answer, 6 busy, 7 no answer, 8 answering machine, 9 invalid. */
export const lastDigitRule = (map: Partial<Record<string, Outcome>> = {}): OutcomeRule => {
  const table: Record<string, Outcome> = { '6': 'busy', '7': 'noAnswer', '8': 'answeringMachine', '9': 'invalid', ...map };
  return (phone) => table[phone.replace(/\D/g, '').slice(-1)] ?? 'answer';
};
