// Read side for the REST API and GraphQL: lists, counts, history, availability, phone info.
import { DateTime } from 'luxon';
import { countCallbacksByStatus, type CallbackFilter } from '../../db/queries/callbacks.ts';
import { listCallbacksPage, type CallbackSort } from '../../db/queries/callback-list.ts';
import { listHistory } from '../../db/queries/history.ts';
import { agentScope, bookedBySlot, skillScope } from '../../db/queries/slots.ts';
import { computeSlots, parsePhone } from '../../domain/rules/index.ts';
import type { Principal, Slot } from '../../domain/types.ts';
import { visibilityOf } from './access.ts';
import { visibleCallback } from './booking.ts';
import type { ServiceContext } from '../../db/service-context.ts';
import { NotFound, ValidationFailed } from './errors.ts';

export const MAX_PAGE = 200;

/** A page of the callbacks the principal may see: upcoming first by default, searchable. */
export function searchCallbacks(ctx: ServiceContext, p: Principal, filter: CallbackFilter, limit = 50, cursor?: string | null, opts: { sort?: CallbackSort | null; search?: string | null } = {}) {
  return listCallbacksPage(ctx.db, { filter, visibility: visibilityOf(p), limit: Math.max(1, Math.min(MAX_PAGE, limit)), cursor, sort: opts.sort ?? 'upcoming', search: opts.search });
}

export function countCallbacks(ctx: ServiceContext, p: Principal, filter: CallbackFilter) {
  return countCallbacksByStatus(ctx.db, filter, visibilityOf(p));
}

export async function callbackHistory(ctx: ServiceContext, p: Principal, id: number) {
  await visibleCallback(ctx, p, id);
  return listHistory(ctx.db, id);
}

export interface AvailabilityQuery {
  campaign: string;
  skill?: string | null;
  agentId?: string | null;
  from: string;
  to: string;
  timeZone?: string | null;
}

/** A date ("2026-11-24") is read as that day's midnight in `zone`; an instant as itself. */
function instant(value: string, zone: string): DateTime {
  const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? DateTime.fromISO(value, { zone }) : DateTime.fromISO(value, { setZone: true });
  if (!d.isValid) throw new ValidationFailed([{ code: 'IN_PAST', field: 'from', message: `not a date or time: ${value}` }]);
  return d.toUTC();
}

export async function availability(ctx: ServiceContext, q: AvailabilityQuery): Promise<Slot[]> {
  const config = await ctx.config.get();
  const campaign = config.campaigns.find((c) => c.name === q.campaign);
  if (!campaign) throw new NotFound('campaign');
  const skill = q.skill ? config.skills.find((s) => s.name === q.skill) ?? null : null;
  if (q.skill && !skill) throw new NotFound('skill');
  const zone = q.timeZone || campaign.timeZone;
  const from = instant(q.from, zone);
  const to = instant(q.to, zone);
  const personal = Boolean(q.agentId);
  const scope = personal ? agentScope(q.agentId as string) : skillScope(q.skill ?? '');
  const booked = await bookedBySlot(ctx.db, scope, from.toJSDate(), to.toJSDate());
  return computeSlots({
    from,
    to,
    now: DateTime.fromJSDate(ctx.now(), { zone: 'utc' }),
    rules: config.rules,
    skill,
    customerZone: zone,
    calendars: config.calendars,
    campaignCalendarId: campaign.holidayCalendarId ?? null,
    campaignZone: campaign.timeZone,
    personal,
    booked,
  });
}

export async function phoneInfo(ctx: ServiceContext, campaignName: string, phone: string) {
  const config = await ctx.config.get();
  const campaign = config.campaigns.find((c) => c.name === campaignName);
  if (!campaign) throw new NotFound('campaign');
  const parsed = parsePhone(phone, campaign.defaultCountry);
  return parsed.valid
    ? { valid: true, e164: parsed.e164, formatted: parsed.formatted, country: parsed.country, timeZone: parsed.timeZone }
    : { valid: false, e164: null, formatted: null, country: null, timeZone: null };
}
