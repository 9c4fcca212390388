// The campaign's dial plan turns an E.164 number into the digits UCCX dials.
import type { DialPlanRule } from '../types.ts';

/**
 * The first rule (in the plan's order) whose `match` prefixes the number applies: strip `strip`
 * leading characters (the "+" counts), then put `prefix` in front. No rule matches → the E.164
 * digits without "+", which is what UCCX accepts when the gateway does the digit manipulation.
 */
export function toDialString(e164: string, plan: readonly DialPlanRule[] | null | undefined): string {
  const rule = (plan ?? []).find((r) => r.match !== '' && e164.startsWith(r.match));
  if (!rule) return e164.replace(/^\+/, '');
  const strip = Math.max(0, Math.floor(rule.strip));
  return `${rule.prefix ?? ''}${e164.slice(strip)}`;
}

/**
 * The reverse of toDialString: the E.164 numbers whose dial string under `plan` is `dialled` (the
 * number as UCCX holds it). A rule can only have produced the string when it starts with the rule's
 * prefix; the stripped head comes back from the rule's `match`. Each candidate must round-trip
 * (the first matching rule of the plan gives `dialled` again) and be a valid number, so "0048…"
 * on a plan with a "0" national prefix is not read as a national number starting with 048.
 * Input already in E.164 ("+…") is returned as it is when valid.
 */
export function fromDialString(dialled: string, plan: readonly DialPlanRule[] | null | undefined, isValid: (e164: string) => boolean): string[] {
  const text = dialled.replace(/[\s\-().]/g, '');
  if (!/^\+?\d{3,28}$/.test(text)) return [];
  if (text.startsWith('+')) return isValid(text) ? [text] : [];
  const candidates: string[] = [];
  for (const rule of plan ?? []) {
    const prefix = rule.prefix ?? '';
    const strip = Math.max(0, Math.floor(rule.strip));
    if (rule.match === '' || !text.startsWith(prefix) || strip > rule.match.length) continue;
    candidates.push(`${rule.match.slice(0, strip)}${text.slice(prefix.length)}`);
  }
  candidates.push(`+${text}`); // no rule matched on the way out: the E.164 digits without "+"
  const found = candidates.filter((e164) => /^\+\d+$/.test(e164) && toDialString(e164, plan) === text && isValid(e164));
  return [...new Set(found)];
}
