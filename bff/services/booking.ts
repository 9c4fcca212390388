// Booking, rescheduling and reassigning: the rules check, then one transaction that takes the
// slot places atomically, writes the callback and its history.
import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import { UniqueConstraintError } from 'sequelize';
import { findActiveDuplicate, findCallbackById, insertCallback, type CallbackRow } from '../../db/queries/callbacks.ts';
import { transitionCallback } from '../../db/queries/transition.ts';
import { accepts } from '../../domain/lifecycle.ts';
import { appendHistory } from '../../db/queries/history.ts';
import { findAgent } from '../../db/queries/agents.ts';
import { readBookingFacts } from '../../db/queries/booking-facts.ts';
import { agentScope, releaseSlot, reserveSlot, skillScope } from '../../db/queries/slots.ts';
import type { Tx } from '../../db/index.ts';
import { batchedTransaction } from '../../db/batched-transactions.ts';
import { parsePhone, resolveCustomerZone, resolveScheduledTime, slotStartOf, validateBooking, type BookingInput } from '../../domain/rules/index.ts';
import { ACTIVE_STATES, isActive, type Agent, type CallbackSource, type Principal, type Violation } from '../../domain/types.ts';
import { assertMayBookFor, assertMayMove, canSee } from './access.ts';
import type { ServiceContext } from '../../db/service-context.ts';
import { BadRequest, DuplicateCallback, InvalidState, NotFound, ValidationFailed } from './errors.ts';

export interface BookRequest extends BookingInput {
  source?: CallbackSource | null;
}

/** UCCX Account Number (≤ 25 chars): time-ordered and unguessable enough to be unique. */
export function newAccountNumber(now: Date): string {
  return `CB${now.getTime().toString(36).toUpperCase()}${randomBytes(4).toString('hex').toUpperCase()}`;
}

/** The slot scope a callback occupies: its agent for personal callbacks, else its skill. */
export const scopeOf = (c: { type: string; agentId: string | null; skill: string | null }) =>
  c.type === 'personal' && c.agentId ? agentScope(c.agentId) : skillScope(c.skill ?? '');

/**
 * Runs the rules; `own` is the callback being moved, whose current place does not count against it.
 * `agent` is input.agentId's record when the caller read it already (undefined: read it here).
 * `findDuplicate`: also look for the number's active callback in the campaign (a new booking), read
 * with the slot counts and the do-not-call flag in one statement.
 */
export async function check(ctx: ServiceContext, input: BookingInput, own?: CallbackRow, agent?: Agent | null, findDuplicate = false) {
  const config = await ctx.config.get();
  const campaign = config.campaigns.find((c) => c.name === input.campaign) ?? null;
  const skill = input.skill ? config.skills.find((s) => s.name === input.skill) ?? null : null;
  const agentKnown = input.agentId ? (agent !== undefined ? agent : await findAgent(ctx.db, input.agentId)) != null : null;
  // Current bookings in the requested slot (read in the zone the rules will use), so SLOT_FULL is
  // reported with the other violations.
  const phone = campaign ? parsePhone(input.phone, campaign.defaultCountry) : null;
  const zone = resolveCustomerZone(input.timeZone, phone?.valid ? phone.zones : null, campaign?.timeZone ?? 'UTC');
  const when = resolveScheduledTime(input.scheduledAt, zone);
  const slot = when.ok ? slotStartOf(when.utc, config.rules.slotMinutes).toJSDate() : null;
  const scopes = [...(input.skill ? [skillScope(input.skill)] : []), ...(input.agentId ? [agentScope(input.agentId)] : [])];
  const facts = await readBookingFacts(ctx.db, {
    slotStart: slot,
    scopes,
    phoneE164: phone?.valid ? phone.e164 : null,
    campaign: input.campaign,
    activeStates: findDuplicate ? ACTIVE_STATES : [],
  });
  const taken = (scope: string) => (facts.booked.get(scope) ?? 0) - (own && slot && scopeOf(own) === scope && own.slotStart === slot.toISOString() ? 1 : 0);
  const booked = slot ? { skill: input.skill ? taken(skillScope(input.skill)) : 0, agent: input.agentId ? taken(agentScope(input.agentId)) : 0 } : undefined;
  const now = DateTime.fromJSDate(ctx.now(), { zone: 'utc' });
  const result = validateBooking(input, { now, rules: config.rules, campaign, skill, agentKnown, calendars: config.calendars, booked, doNotCall: facts.doNotCall });
  if (result.badRequest) throw new BadRequest(result.badRequest.field, result.badRequest.message);
  if (result.violations.length || !result.normalized) throw new ValidationFailed(result.violations);
  return { config, normalized: result.normalized, duplicateId: facts.duplicateId };
}

/** Takes a place in the slot or fails with SLOT_FULL (the atomic re-check of the pre-check). */
export async function takePlace(ctx: ServiceContext, scope: string, slotStart: Date, capacity: number, t: Tx): Promise<void> {
  if (!(await reserveSlot(ctx.db, scope, slotStart, capacity, t))) {
    const v: Violation = { code: 'SLOT_FULL', field: 'scheduledAt', message: 'This time slot is fully booked.' };
    throw new ValidationFailed([v]);
  }
}

/** The duplicate refusal, with whom to ask (the booking agent) for callers who may not read it. */
async function duplicateOf(ctx: ServiceContext, existing: CallbackRow): Promise<DuplicateCallback> {
  const booker = await findAgent(ctx.db, existing.createdBy);
  const name = booker ? `${booker.firstName} ${booker.lastName}`.trim() : null;
  return new DuplicateCallback(existing, { agentId: existing.createdBy, name, teamName: booker?.teamName ?? null });
}

export async function bookCallback(ctx: ServiceContext, p: Principal, req: BookRequest, rescheduledFrom?: number): Promise<CallbackRow> {
  // The target agent is read once: scope check, rules (UNKNOWN_AGENT) and the callback's team.
  const agent = req.agentId ? await findAgent(ctx.db, req.agentId) : null;
  if (req.agentId) assertMayBookFor(p, req.agentId, agent);
  const { config, normalized, duplicateId } = await check(ctx, req, undefined, agent, true);
  // Read in full only when there is one (it may have finished since: then the booking goes ahead).
  const existing = duplicateId != null ? await findCallbackById(ctx.db, duplicateId) : null;
  if (existing && isActive(existing.status)) throw await duplicateOf(ctx, existing);
  const type = normalized.type;
  const agentId = type === 'personal' ? (req.agentId as string) : null;
  const agentTeam = agentId ? agent?.teamId ?? null : null;
  const slotStart = new Date(normalized.slotStartUtc);
  try {
    // On SQLite, bookings arriving meanwhile share the commit (db/batched-transactions.ts).
    const created = await batchedTransaction(ctx.db, async (t) => {
      const capacity = type === 'personal' ? config.rules.capacityPerAgentSlot : config.rules.capacityPerSkillSlot;
      await takePlace(ctx, scopeOf({ type, agentId, skill: req.skill ?? null }), slotStart, capacity, t);
      const row = await insertCallback(
        ctx.db,
        {
          accountNumber: newAccountNumber(ctx.now()),
          campaign: req.campaign,
          type,
          agentId,
          skill: req.skill ?? null,
          firstName: req.firstName,
          lastName: req.lastName,
          phone: req.phone,
          phoneE164: normalized.e164,
          dialString: normalized.dialString,
          scheduledAt: normalized.scheduledAtUtc,
          slotStart: normalized.slotStartUtc,
          timeZone: normalized.customerZone,
          notes: req.notes ?? null,
          source: req.source === 'inbound' ? 'inbound' : 'outbound',
          createdBy: p.id,
          teamId: agentTeam ?? p.teamId,
        },
        t,
      );
      const details = { scheduledAt: row.scheduledAt, type, agentId, skill: row.skill, ...(rescheduledFrom && { rescheduledFrom }) };
      await appendHistory(ctx.db, { callbackId: row.id, event: 'booked', actor: p.id, details, at: ctx.now() }, t);
      return row;
    });
    ctx.events.changed(created);
    return created;
  } catch (e) {
    // Two bookings for one number raced past the pre-check: the partial unique index decided.
    if (e instanceof UniqueConstraintError) {
      const winner = await findActiveDuplicate(ctx.db, normalized.e164, req.campaign, ACTIVE_STATES);
      if (winner) throw await duplicateOf(ctx, winner);
    }
    throw e;
  }
}

/** Loads a callback the principal may see, or 404. */
export async function visibleCallback(ctx: ServiceContext, p: Principal, id: number): Promise<CallbackRow> {
  const row = Number.isSafeInteger(id) ? await findCallbackById(ctx.db, id) : null;
  if (!row || !canSee(p, row)) throw new NotFound();
  return row;
}

/**
 * Moves a callback to a new time. Waiting callbacks are updated in place (attempts reset,
 * history kept); finished ones become a new booking linked to the old one.
 */
export async function rescheduleCallback(ctx: ServiceContext, p: Principal, id: number, when: { scheduledAt: string; timeZone?: string | null }): Promise<CallbackRow> {
  const old = await visibleCallback(ctx, p, id);
  const req: BookRequest = { ...old, notes: old.notes, scheduledAt: when.scheduledAt, timeZone: when.timeZone ?? old.timeZone, agentId: old.type === 'personal' ? old.agentId : null };
  if (!isActive(old.status)) return bookCallback(ctx, p, req, old.id);
  if (!accepts(old.status, 'reschedule')) throw new InvalidState(old.status, 'reschedule');
  return moveCallback(ctx, p, old, req, 'rescheduled');
}

/** Gives a callback to another agent (personal) or to a skill. Supervisors and admins only. */
export async function reassignCallback(ctx: ServiceContext, p: Principal, id: number, to: { agentId?: string | null; skill?: string | null }): Promise<CallbackRow> {
  const old = await visibleCallback(ctx, p, id);
  assertMayMove(p, to.agentId, to.agentId ? await findAgent(ctx.db, to.agentId) : null);
  if (!accepts(old.status, 'reassign')) throw new InvalidState(old.status, 'reassign');
  const req: BookRequest = { ...old, scheduledAt: old.scheduledAt, timeZone: old.timeZone, agentId: to.agentId ?? null, skill: to.skill ?? (to.agentId ? old.skill : null) };
  return moveCallback(ctx, p, old, req, 'reassigned');
}

async function moveCallback(ctx: ServiceContext, p: Principal, old: CallbackRow, req: BookRequest, event: 'rescheduled' | 'reassigned'): Promise<CallbackRow> {
  const agent = req.agentId ? await findAgent(ctx.db, req.agentId) : null;
  const { config, normalized } = await check(ctx, req, old, agent);
  const type = normalized.type;
  const agentId = type === 'personal' ? (req.agentId as string) : null;
  const agentTeam = agentId ? agent?.teamId ?? null : null;
  const updated = await ctx.db.transaction(async (t) => {
    // The old place is given back first, inside the same transaction, so it never counts twice.
    await releaseSlot(ctx.db, scopeOf(old), new Date(old.slotStart), t);
    const capacity = type === 'personal' ? config.rules.capacityPerAgentSlot : config.rules.capacityPerSkillSlot;
    await takePlace(ctx, scopeOf({ type, agentId, skill: req.skill ?? null }), new Date(normalized.slotStartUtc), capacity, t);
    const patch = {
      type,
      agentId,
      skill: req.skill ?? null,
      scheduledAt: new Date(normalized.scheduledAtUtc),
      slotStart: new Date(normalized.slotStartUtc),
      timeZone: normalized.customerZone,
      attempts: 0,
      nextAttemptAt: null,
      teamId: agentTeam ?? old.teamId,
    };
    const details = { from: { scheduledAt: old.scheduledAt, agentId: old.agentId, skill: old.skill }, to: { scheduledAt: patch.scheduledAt.toISOString(), agentId, skill: patch.skill } };
    const result = await transitionCallback(ctx.db, old, { event: event === 'rescheduled' ? 'reschedule' : 'reassign', actor: p.id, at: ctx.now(), patch, history: [[event, details]] }, t);
    if (!result.ok) throw new InvalidState(result.code === 'changed' ? 'changed meanwhile' : old.status, event === 'rescheduled' ? 'reschedule' : 'reassign');
    return result.row;
  });
  ctx.events.changed(updated);
  return updated;
}
