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
