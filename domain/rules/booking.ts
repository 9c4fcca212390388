// The whole booking check: every violated rule is reported, each once, with its field and message.
import type { DateTime } from 'luxon';
import type { Campaign, GlobalRules, HolidayCalendar, Skill, Violation, ViolationCode } from '../types.ts';
import { toDialString } from './dial-plan.ts';
import { isHoliday } from './holidays.ts';
import { resolveScheduledTime } from './local-time.ts';
import { inCallingWindow, skillOpenAt } from './opening-hours.ts';
import { parsePhone } from './phone.ts';
import { calendarOf } from './slots.ts';
import { slotStartOf, timingReason } from './timing.ts';
import { isValidZone } from './zones.ts';
import { windowZones, zoneIn } from './number-zones.ts';

export const MAX_NAME_LENGTH = 50;
export const MAX_NOTES_LENGTH = 1000;

export interface BookingInput {
  campaign: string;
  phone: string;
  scheduledAt: string;
  timeZone?: string | null;
  agentId?: string | null;
  skill?: string | null;
  firstName: string;
  lastName: string;
  notes?: string | null;
}

export interface BookingContext {
  now: DateTime;
  rules: GlobalRules;
  /** null → UNKNOWN_CAMPAIGN. */
  campaign: Campaign | null;
  /** The named skill (target, or fallback of a personal callback); null when named but unknown → UNKNOWN_SKILL. */
  skill: Skill | null;
  /** null when no agentId was given; false → UNKNOWN_AGENT. */
  agentKnown: boolean | null;
  calendars: Map<number, HolidayCalendar>;
  /** Bookings already in the requested slot, if known (SLOT_FULL pre-check; the store re-checks atomically). */
  booked?: { skill: number; agent: number };
  /** The number is on the do-not-call list (looked up by the caller) → DO_NOT_CALL. */
  doNotCall?: boolean;
}

export interface NormalizedBooking {
  e164: string;
  dialString: string;
  customerZone: string;
  scheduledAtUtc: string;
  slotStartUtc: string;
  type: 'personal' | 'skill';
}

export interface BookingCheck {
  violations: Violation[];
  /** Non-null only when there is no violation and no bad request. */
  normalized: null | NormalizedBooking;
  /** A malformed request rather than a broken rule (scheduledAt unparsable): the caller answers 400. */
  badRequest?: { field: string; message: string };
}

const MESSAGES: Record<ViolationCode, string> = {
  INVALID_PHONE: 'The phone number is not valid.',
  IN_PAST: 'The callback time is in the past.',
  TOO_SOON: 'The callback time is too soon: leave at least the minimum lead time.',
  TOO_FAR: 'The callback time is too far ahead: it is beyond the booking horizon.',
  NONEXISTENT_LOCAL_TIME: 'This local time does not exist (the clocks skip it for daylight saving time).',
  SKILL_CLOSED: 'The skill is closed at this time.',
  HOLIDAY: 'This day is a holiday.',
  OUTSIDE_CALLING_WINDOW: "The time is outside the calling window in the customer's local time.",
  SLOT_FULL: 'This time slot is fully booked.',
  UNKNOWN_CAMPAIGN: 'Unknown callback campaign.',
  UNKNOWN_SKILL: 'Unknown skill.',
  UNKNOWN_AGENT: 'Unknown agent.',
  MISSING_TARGET: 'Give an agent (personal callback) or a skill.',
  FIELD_TOO_LONG: 'The field is too long.',
  ZONE_MISMATCH: "The time zone is not one of the number's country.",
  DO_NOT_CALL: 'This number is on the do-not-call list.',
};

/**
 * The zone the booking is read and stored in: the zone given with the booking when it is a real
 * IANA zone; else the number's zone when it can be only one; else, among the number's candidate
 * zones, the campaign's if it is one of them, else the first; a number without known zones takes
 * the campaign's; else UTC. The calling window is checked in every candidate (windowZones), this
 * is only where the wall-clock time is read. An unknown zone name falls back silently.
 */
export function resolveCustomerZone(given: string | null | undefined, numberZones: readonly string[] | string | null | undefined, campaignZone: string | null | undefined): string {
  if (isValidZone(given)) return given;
  const candidates = (typeof numberZones === 'string' ? [numberZones] : (numberZones ?? [])).filter(isValidZone);
  if (candidates.length === 1) return candidates[0];
  if (candidates.length > 1) return isValidZone(campaignZone) && zoneIn(candidates, campaignZone) ? campaignZone : candidates[0];
  return isValidZone(campaignZone) ? campaignZone : 'UTC';
}

export function validateBooking(input: BookingInput, ctx: BookingContext): BookingCheck {
  const violations: Violation[] = [];
  const report = (code: ViolationCode, field: string, message = MESSAGES[code]): void => {
    if (!violations.some((v) => v.code === code && v.field === field)) violations.push({ code, field, message });
  };
  const { campaign, skill, rules } = ctx;

  // Text lengths.
  for (const field of ['firstName', 'lastName'] as const)
    if ((input[field] ?? '').length > MAX_NAME_LENGTH) report('FIELD_TOO_LONG', field, `${field} is longer than ${MAX_NAME_LENGTH} characters.`);
  if ((input.notes ?? '').length > MAX_NOTES_LENGTH) report('FIELD_TOO_LONG', 'notes', `notes is longer than ${MAX_NOTES_LENGTH} characters.`);

  // Who the callback is for.
  if (!campaign) report('UNKNOWN_CAMPAIGN', 'campaign', `Unknown callback campaign "${input.campaign}".`);
  const personal = Boolean(input.agentId);
  if (personal && ctx.agentKnown === false) report('UNKNOWN_AGENT', 'agentId', `Unknown agent "${input.agentId}".`);
  if (!personal && !input.skill) report('MISSING_TARGET', 'skill');
  if (input.skill && !skill) report('UNKNOWN_SKILL', 'skill', `Unknown skill "${input.skill}".`);

  // The number.
  const phone = parsePhone(input.phone, campaign?.defaultCountry ?? '');
  if (!phone.valid) report('INVALID_PHONE', 'phone', `The phone number "${input.phone}" is not valid.`);
  if (phone.valid && ctx.doNotCall) report('DO_NOT_CALL', 'phone');

  // The zone: a chosen one must belong to the number's country; until one is chosen, the calling
  // window must hold in every zone the number may be in.
  const chosen = isValidZone(input.timeZone) ? input.timeZone : null;
  const candidates = phone.valid ? phone.zones : [];
  if (phone.valid && chosen && phone.countryZones.length && !zoneIn(phone.countryZones, chosen))
    report('ZONE_MISMATCH', 'timeZone', `${chosen} is not a time zone of the number's country (${phone.country}): choose one of ${phone.countryZones.length === 1 ? phone.countryZones[0] : `its ${phone.countryZones.length} zones`}.`);
  const customerZone = resolveCustomerZone(chosen, candidates, campaign?.timeZone);
  const zonesToCheck = windowZones(chosen, candidates);
  const when = resolveScheduledTime(input.scheduledAt, customerZone);
  if (!when.ok && when.code === 'NONEXISTENT_LOCAL_TIME') report('NONEXISTENT_LOCAL_TIME', 'scheduledAt', `${input.scheduledAt} does not exist in ${customerZone} (daylight saving time gap).`);
  const badRequest = !when.ok && when.code === 'INVALID_TIME' ? { field: 'scheduledAt', message: `"${input.scheduledAt}" is not an ISO 8601 date-time.` } : undefined;
  if (when.ok) checkTime(when.utc, ctx, zonesToCheck.length ? zonesToCheck : [customerZone], personal, report);

  if (violations.length || badRequest || !when.ok || !phone.valid || !campaign) return { violations, normalized: null, ...(badRequest ? { badRequest } : {}) };
  return {
    violations,
    normalized: {
      e164: phone.e164,
      dialString: toDialString(phone.e164, campaign.dialPlan),
      customerZone,
      scheduledAtUtc: when.utc.toISO() as string,
      slotStartUtc: slotStartOf(when.utc, rules.slotMinutes).toISO() as string,
      type: personal ? 'personal' : 'skill',
    },
  };
}

type Report = (code: ViolationCode, field: string, message?: string) => void;

/** The rules about the instant itself: lead/horizon, holidays, skill hours, calling window, capacity. */
function checkTime(utc: DateTime, ctx: BookingContext, customerZones: readonly string[], personal: boolean, report: Report): void {
  const { rules, skill, campaign } = ctx;
  const timing = timingReason(utc, ctx.now, rules);
  if (timing) report(timing, 'scheduledAt');
  const skillState = skill ? skillOpenAt(skill, utc, calendarOf(ctx.calendars, skill.holidayCalendarId)) : null;
  if (skillState === 'HOLIDAY') report('HOLIDAY', 'scheduledAt', `This day is a holiday of skill ${skill?.name}.`);
  if (skillState === 'SKILL_CLOSED') report('SKILL_CLOSED', 'scheduledAt', `Skill ${skill?.name} is closed at this time.`);
  if (campaign && isHoliday(utc, campaign.timeZone, calendarOf(ctx.calendars, campaign.holidayCalendarId)))
    report('HOLIDAY', 'scheduledAt', `This day is a holiday of campaign ${campaign.name}.`);
  const outside = customerZones.filter((zone) => !inCallingWindow(utc, zone, rules));
  if (outside.length)
    report('OUTSIDE_CALLING_WINDOW', 'scheduledAt', `Outside the calling window ${rules.windowStart}-${rules.windowEnd} in the customer's ${outside.length === 1 ? `zone ${outside[0]}` : `possible zones ${outside.slice(0, 5).join(', ')}${outside.length > 5 ? ', …' : ''}`}.`);
  const full = personal ? (ctx.booked?.agent ?? 0) >= rules.capacityPerAgentSlot : (ctx.booked?.skill ?? 0) >= rules.capacityPerSkillSlot;
  if (ctx.booked && full) report('SLOT_FULL', 'scheduledAt');
}
