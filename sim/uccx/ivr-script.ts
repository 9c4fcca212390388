// Emulation of the Callback IVR script that runs when the customer answers: Make REST Call to the
// Campaign Manager's lookup (Basic auth, timeout, like the UCCX step), then Select Resource to the
// agent (waiting for him a while) or to the CSQ, or Call Subflow to the external script.
export interface IvrSettings {
  lookupUrl: string;
  user: string;
  password: string;
  timeoutMs?: number;
  /** Where the script queues when the lookup fails (timeout, error). */
  defaultCsq?: string;
}

export interface LookupAnswer {
  found: boolean;
  callbackId: number | null;
  target: 'agent' | 'skill' | 'script';
  agentId: string | null;
  csq: string | null;
  script: string | null;
  firstName: string | null;
  lastName: string | null;
  agentWaitSeconds?: number;
}

/** Where the script sent the call; `abandoned` when the caller hung up while waiting (sim closing). */
export type Routing = ({ kind: 'agent'; agentId: string } | { kind: 'csq'; csq: string } | { kind: 'script'; script: string } | { kind: 'error'; csq: string }) & { abandoned?: boolean };

/** The Make REST Call step: GET with Basic auth, one timeout for connect and read (default 5000 ms). */
export async function makeRestCall(ivr: IvrSettings, stop: AbortSignal, params: Record<string, string>): Promise<LookupAnswer> {
  const url = `${ivr.lookupUrl}?${new URLSearchParams(params)}`;
  const res = await fetch(url, {
    headers: { authorization: `Basic ${Buffer.from(`${ivr.user}:${ivr.password}`).toString('base64')}`, accept: 'application/json' },
    signal: AbortSignal.any([AbortSignal.timeout(ivr.timeoutMs ?? 5000), stop]),
  });
  if (!res.ok) throw new Error(`lookup answered ${res.status}`);
  const answer = (await res.json()) as LookupAnswer | null;
  if (!answer || typeof answer !== 'object') throw new Error('lookup answer is not a JSON object');
  return answer;
}

/** _ccdrVar2 as the script sets it, read back by the Campaign Manager's sync. */
export const routingVariable = (r: Routing): string =>
  r.kind === 'agent' ? `agent:${r.agentId}` : r.kind === 'csq' ? `csq:${r.csq}` : r.kind === 'script' ? `script:${r.script}` : 'error';
