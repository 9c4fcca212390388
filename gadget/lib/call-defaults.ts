// What a booking starts from when there is a call at the desktop.
import type { Campaign } from '../api/types.ts';
import type { CurrentCall } from '../context/call-context.ts';

const digits = (s: string | null | undefined): string => (s ?? '').replace(/\D/g, '');

/** "Jan Maria Kowalski" → first "Jan Maria", last "Kowalski"; one word → first name only. */
export function splitName(full: string): { firstName: string; lastName: string } {
  const words = full.trim().split(/\s+/).filter(Boolean);
  if (words.length <= 1) return { firstName: words[0] ?? '', lastName: '' };
  return { firstName: words.slice(0, -1).join(' '), lastName: words[words.length - 1] };
}

/**
 * The call's campaign (BACampaign names the UCCX campaign, or the Campaign Manager's own name),
 * else the one whose DDI the customer dialled (DNIS), else the one the administrator marked as the
 * agents' default, else none: the agent chooses. Never "the first by name", so a new campaign
 * called "AAA" does not silently become what every agent books on.
 */
export function defaultCampaign(campaigns: Campaign[], call: CurrentCall | null | undefined): string {
  if (campaigns.length === 0) return '';
  if (call?.campaign) {
    const wanted = call.campaign.toLowerCase();
    const byName = campaigns.find((c) => c.name.toLowerCase() === wanted || c.uccxCampaignName?.toLowerCase() === wanted);
    if (byName) return byName.name;
  }
  const dnis = digits(call?.dnis);
  if (dnis.length >= 3) {
    const byDdi = campaigns.find((c) => {
      const ddi = digits(c.ddi);
      return ddi.length >= 3 && (ddi.endsWith(dnis) || dnis.endsWith(ddi));
    });
    if (byDdi) return byDdi.name;
  }
  return campaigns.find((c) => c.agentDefault)?.name ?? '';
}

/**
 * The call variable the Callback IVR script sets to the account number before it queues the call
 * (gadget preference `accountVariable`). Cisco documents the BA* variables for agent outbound calls
 * only; an IVR-campaign call a script queues to an agent carries what the script set.
 */
export const DEFAULT_ACCOUNT_VARIABLE = 'callVariable10';

/** A UCCX Account Number (≤ 25 characters); anything else in a variable is not one. */
const ACCOUNT_NUMBER = /^[A-Za-z0-9_-]{1,25}$/;

/** callVariable1..10 or an ECC variable (user.…, ≤ 33 characters); anything else falls back to the default. */
const VARIABLE_NAME = /^(callVariable([1-9]|10)|user\.[A-Za-z0-9_.]{1,28})$/;

export const accountVariableName = (name: string | null | undefined): string => (name && VARIABLE_NAME.test(name) ? name : DEFAULT_ACCOUNT_VARIABLE);

/** The account number a call carries: BAAccountNumber, else the script's call variable. */
export function accountNumberOf(variables: Record<string, string>, accountVariable = DEFAULT_ACCOUNT_VARIABLE): string | null {
  for (const value of [variables.BAAccountNumber, variables[accountVariableName(accountVariable)]]) {
    const v = (value ?? '').trim();
    if (ACCOUNT_NUMBER.test(v)) return v;
  }
  return null;
}
