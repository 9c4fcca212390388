// The answer the UCCX Callback IVR script gets when the customer picks up: what to do with the
// call (queue it, or apologise and end it) and the prompt data for the "press 1" confirmation.
// Read-only: a lookup changes no state and writes no history; what happened on the call comes
// back as events (./events.ts). A customer is waiting, so "not found" is an answer, not an error.
import { findCallbackByAccountNumber, findCallbackByDialingListId, type CallbackRow } from '../db/queries/callbacks.ts';
import { isActive, type Campaign, type CallbackStatus } from '../domain/types.ts';
import { effectiveFallbackSeconds } from '../domain/effective-config.ts';
import { fromDialString } from '../domain/rules/dial-plan.ts';
import { parsePhone } from '../domain/rules/phone.ts';
import type { ServiceContext } from '../db/service-context.ts';
import { findCampaignCallbacksByPhone, findLookupRowByAccountNumber, findLookupRowByDialingListId, findLookupRowsByPhone } from './queries.ts';

export interface LookupKey {
  accountNumber?: string;
  dialingListId?: number;
  /** The number as UCCX holds it (the campaign's dial string) or E.164; needs `campaign`. */
  phone?: string;
  /** The calling campaign: its UCCX campaign name or the Campaign Manager campaign name. */
  campaign?: string;
}

/** queue: route per target/csq; apologise_and_end: the callback is finished, play the apology and hang up. */
export type LookupAction = 'queue' | 'apologise_and_end';

export interface LookupAnswer {
  found: boolean;
  action: LookupAction;
  callbackId: number | null;
  /** The callback's state; null when not found. */
  status: string | null;
  /** Why the script apologises (cancelled, completed, expired, failed); null when it queues. */
  reason: string | null;
  target: 'agent' | 'skill' | 'script' | 'none';
  agentId: string | null;
  skill: string | null;
  csq: string;
  script: string | null;
  firstName: string | null;
  lastName: string | null;
  /** The name of the agent who booked the callback, for the prompt ("Anna Nowak asked us to call you"). */
  bookedByName: string | null;
  /** The Campaign Manager campaign name. */
  campaign: string | null;
  /** How long the script's Select Resource waits for the personal agent before queueing to csq. */
  agentWaitSeconds: number;
}

export interface LookupSettings {
  defaultCsq: string;
}

/** The campaign named by the script: Campaign Manager name or UCCX campaign name. */
export function campaignOf(campaigns: readonly Campaign[], name: string | undefined): Campaign | undefined {
  if (!name) return undefined;
  return campaigns.find((c) => c.name === name) ?? campaigns.find((c) => c.uccxCampaignName === name);
}

/** E.164 numbers the script's `phone` may stand for in this campaign (its dial plan reversed). */
export function phoneCandidates(phone: string, campaign: Campaign): string[] {
  return fromDialString(phone, campaign.dialPlan, (e164) => parsePhone(e164, campaign.defaultCountry).valid);
}

/** How one kind of row is found by each key; the matching rules below are the same for all. */
interface Finders<R extends { campaign: string; status: CallbackStatus }> {
  byAccountNumber(accountNumber: string): Promise<R | null>;
  byDialingListId(dialingListId: number): Promise<R | null>;
  byPhones(campaign: string, phonesE164: string[]): Promise<R[]>;
}

async function findMatch<R extends { campaign: string; status: CallbackStatus }>(ctx: ServiceContext, key: LookupKey, find: Finders<R>): Promise<R | null> {
  const campaigns = (await ctx.config.get()).campaigns;
  const campaign = campaignOf(campaigns, key.campaign);
  // A campaign the Campaign Manager does not know holds none of its callbacks.
  if (key.campaign && !campaign) return null;
  const inCampaign = (row: R | null) => (row && (!campaign || row.campaign === campaign.name) ? row : null);
  if (key.accountNumber) {
    const row = inCampaign(await find.byAccountNumber(key.accountNumber));
    if (row) return row;
  }
  if (key.dialingListId) {
    const row = inCampaign(await find.byDialingListId(key.dialingListId));
    if (row) return row;
  }
  // A number alone is ambiguous across campaigns: only matched within the calling one.
  if (key.phone && campaign) {
    const rows = await find.byPhones(campaign.name, phoneCandidates(key.phone, campaign));
    return rows.find((r) => isActive(r.status)) ?? rows[0] ?? null;
  }
  return null;
}

/** The whole callback the IVR names (events need it to apply a transition). */
export async function findLookupCallback(ctx: ServiceContext, key: LookupKey): Promise<CallbackRow | null> {
  return findMatch(ctx, key, {
    byAccountNumber: (a) => findCallbackByAccountNumber(ctx.db, a),
    byDialingListId: (id) => findCallbackByDialingListId(ctx.db, id),
    byPhones: (campaign, phones) => findCampaignCallbacksByPhone(ctx.db, campaign, phones),
  });
}

export async function lookupCallback(ctx: ServiceContext, key: LookupKey, settings: LookupSettings): Promise<LookupAnswer> {
  // Only the columns of the answer, with the booking agent's name, in one statement per key.
  const callback = await findMatch(ctx, key, {
    byAccountNumber: (a) => findLookupRowByAccountNumber(ctx.db, a),
    byDialingListId: (id) => findLookupRowByDialingListId(ctx.db, id),
    byPhones: (campaign, phones) => findLookupRowsByPhone(ctx.db, campaign, phones),
  });
  if (!callback) {
    return {
      found: false,
      action: 'queue',
      callbackId: null,
      status: null,
      reason: null,
      target: 'skill',
      agentId: null,
      skill: null,
      csq: settings.defaultCsq,
      script: null,
      firstName: null,
      lastName: null,
      bookedByName: null,
      campaign: null,
      agentWaitSeconds: 0,
    };
  }
  const config = await ctx.config.get();
  const common = {
    found: true,
    callbackId: callback.id,
    status: callback.status,
    firstName: callback.firstName,
    lastName: callback.lastName,
    bookedByName: callback.bookedByName,
    campaign: callback.campaign,
  };
  // Cancelled, completed, expired or failed, but its contact is still in UCCX until the purge.
  if (!isActive(callback.status)) {
    return { ...common, action: 'apologise_and_end', reason: callback.status, target: 'none', agentId: null, skill: callback.skill, csq: '', script: null, agentWaitSeconds: 0 };
  }
  const skill = callback.skill ? config.skills.find((s) => s.name === callback.skill) : undefined;
  const campaign = config.campaigns.find((c) => c.name === callback.campaign);
  const script = skill?.ivrScript || campaign?.ivrScript || null;
  return {
    ...common,
    action: 'queue',
    reason: null,
    target: script ? 'script' : callback.type === 'personal' && callback.agentId ? 'agent' : 'skill',
    agentId: callback.agentId,
    skill: callback.skill,
    csq: skill?.csq ?? settings.defaultCsq,
    script,
    // How long a personal callback waits for its agent before its fallback skill (skill, campaign or global).
    agentWaitSeconds: callback.type === 'personal' ? effectiveFallbackSeconds(config.rules, campaign, skill) : 0,
  };
}

/** Flat XML for `Create XML Document` + `Get XML Document Data` (XPath /callback/action etc.). */
export function lookupXml(a: LookupAnswer): string {
  return flatXml('callback', Object.fromEntries(ANSWER_FIELDS.map((k) => [k, a[k]])));
}

/** The answer's fields in a fixed order (the XML the script parses reads the same every time). */
export const ANSWER_FIELDS: ReadonlyArray<keyof LookupAnswer> = [
  'found', 'action', 'callbackId', 'status', 'reason', 'target', 'agentId', 'skill', 'csq', 'script',
  'firstName', 'lastName', 'bookedByName', 'campaign', 'agentWaitSeconds',
];

export function flatXml(root: string, fields: object): string {
  const esc = (v: unknown) => String(v ?? '').replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const body = Object.entries(fields).map(([k, v]) => `<${k}>${esc(v)}</${k}>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><${root}>${body}</${root}>`;
}
