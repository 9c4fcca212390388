// The answer the UCCX Callback IVR script gets when the customer picks up: where to queue the
// call (agent, skill or an external script). A customer is waiting on the line, so the lookup
// never fails for "not found": it answers found=false with the default CSQ.
import {
  findActiveCallbackByPhone,
  findCallbackByAccountNumber,
  findCallbackByDialingListId,
  type CallbackRow,
} from '../db/queries/callbacks.ts';
import { transitionCallback } from '../db/queries/transition.ts';
import { appendHistory } from '../db/queries/history.ts';
import { ACTIVE_STATES, isActive } from '../domain/types.ts';
import type { ServiceContext } from '../db/service-context.ts';

export interface LookupKey {
  accountNumber?: string;
  dialingListId?: number;
  phone?: string;
}

export interface LookupAnswer {
  found: boolean;
  callbackId: number | null;
  target: 'agent' | 'skill' | 'script';
  agentId: string | null;
  skill: string | null;
  csq: string;
  script: string | null;
  firstName: string | null;
  lastName: string | null;
  /** How long the script's Select Resource waits for the personal agent before queueing to csq. */
  agentWaitSeconds: number;
}

export interface LookupSettings {
  defaultCsq: string;
}

async function findCallback(ctx: ServiceContext, key: LookupKey): Promise<CallbackRow | null> {
  if (key.accountNumber) {
    const byAccount = await findCallbackByAccountNumber(ctx.db, key.accountNumber);
    if (byAccount) return byAccount;
  }
  if (key.dialingListId) {
    const byList = await findCallbackByDialingListId(ctx.db, key.dialingListId);
    if (byList) return byList;
  }
  if (key.phone) {
    const digits = key.phone.replace(/[^\d+]/g, '');
    // The script may know the number as UCCX dialled it; E.164 is tried first.
    const e164 = digits.startsWith('+') ? digits : `+${digits.replace(/^0+/, '')}`;
    return findActiveCallbackByPhone(ctx.db, e164, ACTIVE_STATES);
  }
  return null;
}

export async function lookupCallback(ctx: ServiceContext, key: LookupKey, settings: LookupSettings): Promise<LookupAnswer> {
  const callback = await findCallback(ctx, key);
  const notFound: LookupAnswer = {
    found: false,
    callbackId: null,
    target: 'skill',
    agentId: null,
    skill: null,
    csq: settings.defaultCsq,
    script: null,
    firstName: null,
    lastName: null,
    agentWaitSeconds: 0,
  };
  // A cancelled or finished callback's contact may still sit in UCCX until the purge.
  if (!callback || !isActive(callback.status)) return notFound;

  const config = await ctx.config.get();
  const skill = callback.skill ? config.skills.find((s) => s.name === callback.skill) : undefined;
  const campaign = config.campaigns.find((c) => c.name === callback.campaign);
  const script = skill?.ivrScript || campaign?.ivrScript || null;
  const answer: LookupAnswer = {
    found: true,
    callbackId: callback.id,
    target: script ? 'script' : callback.type === 'personal' && callback.agentId ? 'agent' : 'skill',
    agentId: callback.agentId,
    skill: callback.skill,
    csq: skill?.csq ?? settings.defaultCsq,
    script,
    firstName: callback.firstName,
    lastName: callback.lastName,
    // The global rule: how long a personal callback waits for its agent before its fallback skill.
    agentWaitSeconds: callback.type === 'personal' ? config.rules.personalFallbackSeconds : 0,
  };

  await ctx.db.transaction(async (t) => {
    const at = ctx.now();
    await appendHistory(ctx.db, { callbackId: callback.id, event: 'ivr_lookup', actor: 'ivr', details: { ...key }, at }, t);
    const routed = { target: answer.target, agentId: answer.agentId, csq: answer.csq, script: answer.script };
    await appendHistory(ctx.db, { callbackId: callback.id, event: 'routed', actor: 'ivr', details: routed, at }, t);
    if (callback.status !== 'connected') {
      const r = await transitionCallback(ctx.db, callback, { event: 'answer', actor: 'ivr', at, patch: { lastResult: 'voice' } }, t);
      if (r.ok) ctx.events.changed(r.row);
    }
  });
  return answer;
}

/** Flat XML for `Create XML Document` + `Get XML Document Data` (XPath /callback/target etc.). */
export function lookupXml(a: LookupAnswer): string {
  const esc = (v: unknown) => String(v ?? '').replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const fields = Object.entries(a).map(([k, v]) => `<${k}>${esc(v)}</${k}>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><callback>${fields}</callback>`;
}
