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

export type Routing = { kind: 'agent'; agentId: string } | { kind: 'csq'; csq: string } | { kind: 'script'; script: string } | { kind: 'error'; csq: string };

export async function makeRestCall(ivr: IvrSettings, params: Record<string, string>): Promise<LookupAnswer> {
  const url = `${ivr.lookupUrl}?${new URLSearchParams(params)}`;
  const res = await fetch(url, {
    headers: { authorization: `Basic ${Buffer.from(`${ivr.user}:${ivr.password}`).toString('base64')}`, accept: 'application/json' },
    signal: AbortSignal.timeout(ivr.timeoutMs ?? 5000),
  });
  if (!res.ok) throw new Error(`lookup answered ${res.status}`);
  return (await res.json()) as LookupAnswer;
}

/** _ccdrVar2 as the script sets it, read back by the Campaign Manager's sync. */
export const routingVariable = (r: Routing): string =>
  r.kind === 'agent' ? `agent:${r.agentId}` : r.kind === 'csq' ? `csq:${r.csq}` : r.kind === 'script' ? `script:${r.script}` : 'error';
