// An inbound caller's number as the telephony presents it (E.164, national, or the dial string a
// campaign's dial plan produced, e.g. "0601234567" or "912125550151"), turned into the E.164
// numbers a callback may be stored under; and a number masked for people who may not read it.
import type { DialPlanRule } from '../types.ts';
import { parsePhone } from './phone.ts';

export interface CallerNumberCampaign {
  defaultCountry: string;
  dialPlan: readonly DialPlanRule[] | null | undefined;
}

/** Longest caller id we look at (Finesse fromAddress, a dial string with prefixes). */
export const MAX_CALLER_NUMBER = 32;

/**
 * Every valid E.164 reading of `raw`: as typed (with each campaign's default country) and as a dial
 * string reversed through each campaign's dial plan (the rule's prefix removed, the stripped part
 * of the E.164 number put back). Invalid readings are dropped; the answer has no duplicates.
 */
export function callerNumberCandidates(raw: string, campaigns: readonly CallerNumberCampaign[]): string[] {
  const text = (raw ?? '').trim().slice(0, MAX_CALLER_NUMBER);
  if (!/^\+?[\d\s().\-/]+$/.test(text)) return [];
  const digits = text.replace(/\D/g, '');
  if (!digits) return [];
  const found = new Set<string>();
  const add = (candidate: string, country: string) => {
    const parsed = parsePhone(candidate, country);
    if (parsed.valid) found.add(parsed.e164);
  };
  if (text.startsWith('+')) add(`+${digits}`, '');
  for (const c of campaigns) {
    add(text, c.defaultCountry);
    for (const rule of c.dialPlan ?? []) {
      const prefix = rule.prefix ?? '';
      const strip = Math.max(0, Math.floor(rule.strip));
      // Only rules whose stripped part is known (it lies inside `match`) can be reversed.
      if (!rule.match.startsWith('+') || strip > rule.match.length || !digits.startsWith(prefix)) continue;
      const candidate = `${rule.match.slice(0, strip)}${digits.slice(prefix.length)}`;
      if (candidate.startsWith(rule.match)) add(candidate.startsWith('+') ? candidate : `+${candidate}`, c.defaultCountry);
    }
  }
  return [...found];
}

/** "+48601234567" → "+48•••••••67": enough to recognise, not to dial. */
export function maskPhone(e164: string): string {
  const text = (e164 ?? '').replace(/[^\d+]/g, '');
  if (text.length < 7) return '•••';
  return `${text.slice(0, 3)}${'•'.repeat(text.length - 5)}${text.slice(-2)}`;
}
