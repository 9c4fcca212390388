// Availability for the booking calendar and what the gadget needs to know about a number (its
// zones). Both use the number's candidate zones exactly as the booking check does: a slot is open
// only when the calling window holds in every zone the customer may be in (until one is chosen).
import { DateTime } from 'luxon';
import { agentScope, bookedBySlot, skillScope } from '../../db/queries/slots.ts';
import { closedRunsOf, computeSlotGrid, isValidZone, parsePhone, resolveCustomerZone, slotIso, slotRange, slotsOf, windowZones, type ClosedRun, type SlotGrid } from '../../domain/rules/index.ts';
import type { Campaign, Slot } from '../../domain/types.ts';
import type { ServiceContext } from '../../db/service-context.ts';
import { NotFound, ValidationFailed } from './errors.ts';

export interface AvailabilityQuery {
  campaign: string;
  skill?: string | null;
  agentId?: string | null;
  from: string;
  to: string;
  /** The zone chosen for the customer (dates are read in it). */
  timeZone?: string | null;
  /** The customer's number: its candidate zones narrow the calling window. */
  phone?: string | null;
}

/** A date ("2026-11-24") is read as that day's midnight in `zone`; an instant as itself. */
function instant(value: string, zone: string): DateTime {
  // Calendars ask for the same few dates all day: each read once per zone (luxon's zone arithmetic
  // was ~5 % of an answer). Remembered only when valid; bounded.
  const key = `${zone}|${value}`;
  const known = instants.get(key);
  if (known) return known;
  const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? DateTime.fromISO(value, { zone }) : DateTime.fromISO(value, { setZone: true });
  if (!d.isValid) throw new ValidationFailed([{ code: 'IN_PAST', field: 'from', message: `not a date or time: ${value}` }]);
  if (instants.size >= 1000) instants.clear();
  instants.set(key, d.toUTC());
  return d.toUTC();
}
const instants = new Map<string, DateTime>();

/** The zone dates are read in and every zone the calling window must hold in. */
function customerZonesOf(campaign: Campaign, q: AvailabilityQuery): { zone: string; zones: string[] } {
  const chosen = isValidZone(q.timeZone) ? q.timeZone : null;
  const phone = q.phone ? parsePhone(q.phone, campaign.defaultCountry) : null;
  const candidates = phone?.valid ? phone.zones : [];
  const zone = resolveCustomerZone(chosen, candidates, campaign.timeZone);
  const zones = windowZones(chosen, candidates);
  return { zone, zones: zones.length ? zones : [zone] };
}

/** The slots of the query as a compact grid (the REST route writes its JSON straight from it). */
export async function availabilityGrid(ctx: ServiceContext, q: AvailabilityQuery): Promise<SlotGrid> {
  const config = await ctx.config.get();
  const campaign = config.campaigns.find((c) => c.name === q.campaign);
  if (!campaign) throw new NotFound('campaign');
  const skill = q.skill ? config.skills.find((s) => s.name === q.skill) ?? null : null;
  if (q.skill && !skill) throw new NotFound('skill');
  const { zone, zones } = customerZonesOf(campaign, q);
  const query = {
    from: instant(q.from, zone),
    to: instant(q.to, zone),
    now: DateTime.fromJSDate(ctx.now(), { zone: 'utc' }),
    rules: config.rules,
    skill,
    customerZone: zone,
    customerZones: zones,
    calendars: config.calendars,
    campaignCalendarId: campaign.holidayCalendarId ?? null,
    campaignZone: campaign.timeZone,
    personal: Boolean(q.agentId),
  };
  // Only the counters of the slots the answer holds.
  const range = slotRange(query);
  const scope = q.agentId ? agentScope(q.agentId) : skillScope(q.skill ?? '');
  const booked = range.end > range.firstStart ? await bookedBySlot(ctx.db, scope, new Date(range.firstStart), new Date(range.end)) : new Map<number, number>();
  return computeSlotGrid({ ...query, booked }, range);
}

/** The slots of the query, one object each (GraphQL). */
export async function availability(ctx: ServiceContext, q: AvailabilityQuery): Promise<Slot[]> {
  return slotsOf(await availabilityGrid(ctx, q));
}

/** The grid as GraphQL's SlotGrid and REST's format=grid give it: bookings per slot, closed slots as runs. */
export interface SlotGridAnswer {
  start: string;
  slotMinutes: number;
  count: number;
  capacity: number;
  booked: Uint32Array;
  closed: ClosedRun[];
}

/** The slots of the query as GraphQL's SlotGrid (the gadget's calendar): no object per slot. */
export async function availabilityGridAnswer(ctx: ServiceContext, q: AvailabilityQuery): Promise<SlotGridAnswer> {
  const grid = await availabilityGrid(ctx, q);
  return { start: slotIso(grid.firstStart), slotMinutes: grid.slotMs / 60_000, count: grid.count, capacity: grid.capacity, booked: grid.booked, closed: closedRunsOf(grid) };
}

/** What the booking form shows about a number: validity, format, its zone(s) and its country's zones. */
export async function phoneInfo(ctx: ServiceContext, campaignName: string, phone: string) {
  const config = await ctx.config.get();
  const campaign = config.campaigns.find((c) => c.name === campaignName);
  if (!campaign) throw new NotFound('campaign');
  const parsed = parsePhone(phone, campaign.defaultCountry);
  return parsed.valid
    ? { valid: true, e164: parsed.e164, formatted: parsed.formatted, country: parsed.country, timeZone: parsed.timeZone, zones: parsed.zones, countryZones: parsed.countryZones }
    : { valid: false, e164: null, formatted: null, country: null, timeZone: null, zones: [], countryZones: [] };
}
