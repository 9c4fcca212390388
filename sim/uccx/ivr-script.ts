// Emulation of the Callback IVR script (ivr/README.md, step for step) that runs when the customer
// answers: Make REST Call to the Campaign Manager's lookup (Basic auth, timeout, like the UCCX
// step); apologise and end for a finished callback; otherwise post `answered`, play the prompt
// and Get Digit String ("press 1 to be connected"), post `confirmed` or `not_confirmed` (or
// `abandoned` when the customer hangs up), then route (agent with a wait, CSQ, or external script),
// post `routed`, and post `abandoned` if the customer hangs up in the queue.
export interface IvrSettings {
  lookupUrl: string;
  /** Where the script posts what happened; default: lookupUrl with /lookup replaced by /events. */
  eventsUrl?: string;
  user: string;
  password: string;
  timeoutMs?: number;
  /** Where the script queues when the lookup fails (timeout, error) or finds nothing. */
  defaultCsq?: string;
}

export interface LookupAnswer {
  found: boolean;
  action?: 'queue' | 'apologise_and_end';
  callbackId: number | null;
  status?: string | null;
  reason?: string | null;
  target: 'agent' | 'skill' | 'script' | 'none';
  agentId: string | null;
  csq: string | null;
  script: string | null;
  firstName: string | null;
  lastName: string | null;
  bookedByName?: string | null;
  campaign?: string | null;
  agentWaitSeconds?: number;
}

/**
 * What the simulated customer does once the script answers: press 1 and wait in the queue
 * (`confirms`), let the digit prompt time out (`does_not_confirm`), hang up during the prompt
 * (`hangs_up`), or press 1 and hang up in the queue before an agent takes the call (`abandons_in_queue`).
 */
export type CustomerBehaviour = 'confirms' | 'does_not_confirm' | 'hangs_up' | 'abandons_in_queue';
export type CustomerRule = (phone: string) => CustomerBehaviour;
export const alwaysConfirms: CustomerRule = () => 'confirms';

export type IvrEventName = 'answered' | 'confirmed' | 'not_confirmed' | 'routed' | 'abandoned';

/** Where the script sent the call; `abandoned` when the caller hung up while waiting (sim closing). */
export type Routing = ({ kind: 'agent'; agentId: string } | { kind: 'csq'; csq: string } | { kind: 'script'; script: string } | { kind: 'error'; csq: string }) & { abandoned?: boolean };

const basicAuth = (ivr: IvrSettings) => `Basic ${Buffer.from(`${ivr.user}:${ivr.password}`).toString('base64')}`;

/** The Make REST Call step: GET with Basic auth, one timeout for connect and read (default 5000 ms). */
export async function makeRestCall(ivr: IvrSettings, stop: AbortSignal, params: Record<string, string>): Promise<LookupAnswer> {
  const url = `${ivr.lookupUrl}?${new URLSearchParams(params)}`;
  const res = await fetch(url, {
    headers: { authorization: basicAuth(ivr), accept: 'application/json' },
    signal: AbortSignal.any([AbortSignal.timeout(ivr.timeoutMs ?? 5000), stop]),
  });
  if (!res.ok) throw new Error(`lookup answered ${res.status}`);
  const answer = (await res.json()) as LookupAnswer | null;
  if (!answer || typeof answer !== 'object') throw new Error('lookup answer is not a JSON object');
  return answer;
}

/** The Make REST Call step that POSTs an event (JSON body). Returns the HTTP status; the script goes on whatever it is. */
export async function postIvrEvent(ivr: IvrSettings, stop: AbortSignal, body: Record<string, unknown> & { event: IvrEventName }): Promise<number> {
  const url = ivr.eventsUrl ?? ivr.lookupUrl.replace(/\/lookup$/, '/events');
  const res = await fetch(url, {
    method: 'POST',
    headers: { authorization: basicAuth(ivr), 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.any([AbortSignal.timeout(ivr.timeoutMs ?? 5000), stop]),
  });
  await res.arrayBuffer();
  return res.status;
}

/** _ccdrVar2 as the script sets it, read back by the Campaign Manager's sync. */
export const routingVariable = (r: Routing): string =>
  r.kind === 'agent' ? `agent:${r.agentId}` : r.kind === 'csq' ? `csq:${r.csq}` : r.kind === 'script' ? `script:${r.script}` : 'error';
