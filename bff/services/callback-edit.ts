// Correcting a callback's names, number and notes before UCCX holds it (issue 10). The state
// machine decides when (`edit` in domain/lifecycle.ts); the booking rules decide what is valid, the
// same ones as for a new booking, restricted to the fields that change (the time is not moved here).
import { DateTime } from 'luxon';
import { UniqueConstraintError } from 'sequelize';
import { findActiveDuplicate, type CallbackRow } from '../../db/queries/callbacks.ts';
import { findAgent } from '../../db/queries/agents.ts';
import { isDoNotCall } from '../../db/queries/do-not-call.ts';
import { accepts } from '../../domain/lifecycle.ts';
import { maskPhone } from '../../domain/rules/caller-number.ts';
import { parsePhone, toDialString, validateBooking } from '../../domain/rules/index.ts';
import { callbackSearchText } from '../../domain/search-text.ts';
import { ACTIVE_STATES, type Principal, type Violation } from '../../domain/types.ts';
import type { ServiceContext } from '../../db/service-context.ts';
import { visibleCallback } from './booking.ts';
import { applyByPerson } from './lifecycle.ts';
import { DuplicateCallback, InvalidState, ValidationFailed } from './errors.ts';

/** What may be corrected; a field left out keeps its value, notes "" or null clears them. */
export interface DetailsInput {
  firstName?: string | null;
  lastName?: string | null;
  phone?: string | null;
  notes?: string | null;
}

const EDITABLE = ['firstName', 'lastName', 'phone', 'notes'] as const;
type Editable = (typeof EDITABLE)[number];

/** The booking rules' verdict on the corrected fields (time rules left out: the time does not change). */
async function violationsOf(ctx: ServiceContext, old: CallbackRow, next: Record<Editable, string | null>, phoneChanged: boolean) {
  const config = await ctx.config.get();
  const campaign = config.campaigns.find((c) => c.name === old.campaign) ?? null;
  const phone = parsePhone(next.phone ?? '', campaign?.defaultCountry ?? '');
  // A number flagged since the booking is the dispatcher's to fail; a new number must not be on the list.
  const doNotCall = phoneChanged && phone.valid ? await isDoNotCall(ctx.db, phone.e164) : false;
  const skill = old.skill ? config.skills.find((s) => s.name === old.skill) ?? null : null;
  const input = { campaign: old.campaign, scheduledAt: old.scheduledAt, timeZone: old.timeZone, agentId: old.agentId, skill: old.skill, firstName: next.firstName ?? '', lastName: next.lastName ?? '', phone: next.phone ?? '', notes: next.notes };
  const check = validateBooking(input, { now: DateTime.fromJSDate(ctx.now(), { zone: 'utc' }), rules: config.rules, campaign, skill, agentKnown: null, calendars: config.calendars, doNotCall });
  // The stored zone must still be one of the (new) number's country: reported beside the number, which is what changed.
  const violations: Violation[] = check.violations
    .filter((v) => (EDITABLE as readonly string[]).includes(v.field) || v.code === 'ZONE_MISMATCH')
    .map((v) => (v.code === 'ZONE_MISMATCH' ? { ...v, field: 'phone' } : v));
  return { violations, phone, campaign };
}

/** Before → after of each changed field, numbers masked (the history is read by many and kept long). */
function changesOf(old: CallbackRow, patch: Record<string, unknown>): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const f of ['firstName', 'lastName', 'notes'] as const) if (f in patch && patch[f] !== old[f]) out[f] = { from: old[f], to: patch[f] };
  if ('phoneE164' in patch && patch.phoneE164 !== old.phoneE164) out.phone = { from: maskPhone(old.phoneE164), to: maskPhone(patch.phoneE164 as string) };
  return out;
}

export async function updateCallbackDetails(ctx: ServiceContext, p: Principal, id: number, input: DetailsInput): Promise<CallbackRow> {
  const old = await visibleCallback(ctx, p, id);
  if (!accepts(old.status, 'edit')) throw new InvalidState(old.status, 'edit');
  const next: Record<Editable, string | null> = {
    firstName: input.firstName ?? old.firstName,
    lastName: input.lastName ?? old.lastName,
    phone: input.phone ?? old.phone,
    notes: input.notes === undefined ? old.notes : input.notes || null,
  };
  const phoneChanged = next.phone !== old.phone;
  const { violations, phone, campaign } = await violationsOf(ctx, old, next, phoneChanged);
  if (violations.length || !phone.valid || !campaign) throw new ValidationFailed(violations);

  const patch: Record<string, unknown> = { firstName: next.firstName, lastName: next.lastName, notes: next.notes };
  if (phoneChanged) Object.assign(patch, { phone: next.phone, phoneE164: phone.e164, dialString: toDialString(phone.e164, campaign.dialPlan) });
  const changes = changesOf(old, patch);
  if (!Object.keys(changes).length && !phoneChanged) return old;
  patch.searchText = callbackSearchText({ firstName: next.firstName ?? '', lastName: next.lastName ?? '', accountNumber: old.accountNumber });

  if (phone.e164 !== old.phoneE164) {
    const other = await findActiveDuplicate(ctx.db, phone.e164, old.campaign, ACTIVE_STATES);
    if (other && other.id !== old.id) throw await duplicateOf(ctx, other);
  }
  try {
    return await applyByPerson(ctx, old, { event: 'edit', actor: p.id, patch, history: [['edited', { by: p.id, changes }]] }, 'edit');
  } catch (e) {
    // Another booking took the number meanwhile: the partial unique index decided.
    if (e instanceof UniqueConstraintError) {
      const winner = await findActiveDuplicate(ctx.db, phone.e164, old.campaign, ACTIVE_STATES);
      if (winner && winner.id !== old.id) throw await duplicateOf(ctx, winner);
    }
    throw e;
  }
}

async function duplicateOf(ctx: ServiceContext, existing: CallbackRow): Promise<DuplicateCallback> {
  const booker = await findAgent(ctx.db, existing.createdBy);
  const name = booker ? `${booker.firstName} ${booker.lastName}`.trim() : null;
  return new DuplicateCallback(existing, { agentId: existing.createdBy, name, teamName: booker?.teamName ?? null });
}
