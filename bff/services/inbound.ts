// The customer calls in first: the active callbacks of the caller's number, and closing one as
// reached (lifecycle event `reached_inbound` → completed, reason reached_inbound).
//
// Who may close what: the server cannot prove that an agent is on a call from a number, so
//  - a callback the agent may read (his own, booked by him, his team's as supervisor, all as admin)
//    he may close like any other of his callbacks;
//  - a callback he may not read he may close only through this flow, naming the caller's number:
//    the callback must be active and stored under that exact number (one of its E.164 readings).
// The answer never shows more than the caller may see: for a callback he may not read, only that it
// exists, its time, campaign and who booked it.
import { findCallbackById, type CallbackRow } from '../../db/queries/callbacks.ts';
import { listActiveCallbacksForPhones } from '../../db/queries/active-for-number.ts';
import { releaseSlot } from '../../db/queries/slots.ts';
import { callerNumberCandidates } from '../../domain/rules/caller-number.ts';
import { ACTIVE_STATES, isActive, type Principal } from '../../domain/types.ts';
import type { ServiceContext } from '../../db/service-context.ts';
import { canSee } from './access.ts';
import { bookedByOf, type BookedBy } from './arrival.ts';
import { scopeOf } from './booking.ts';
import { applyByPerson } from './lifecycle.ts';
import { NotFound } from './errors.ts';

export interface InboundMatchDetails {
  status: string;
  type: string;
  agentId: string | null;
  skill: string | null;
  firstName: string;
  lastName: string;
  phone: string;
  notes: string | null;
}

export interface InboundMatch {
  id: number;
  campaign: string;
  scheduledAt: string;
  timeZone: string;
  bookedBy: BookedBy;
  /** True when the caller may read the callback; `details` is then set. */
  mayRead: boolean;
  details: InboundMatchDetails | null;
}

async function matchOf(ctx: ServiceContext, p: Principal, row: CallbackRow): Promise<InboundMatch> {
  const mayRead = canSee(p, row);
  return {
    id: row.id,
    campaign: row.campaign,
    scheduledAt: row.scheduledAt,
    timeZone: row.timeZone,
    bookedBy: await bookedByOf(ctx, row.createdBy),
    mayRead,
    details: mayRead
      ? { status: row.status, type: row.type, agentId: row.agentId, skill: row.skill, firstName: row.firstName, lastName: row.lastName, phone: row.phoneE164, notes: row.notes }
      : null,
  };
}

async function candidatesOf(ctx: ServiceContext, phone: string): Promise<string[]> {
  const { campaigns } = await ctx.config.get();
  return callerNumberCandidates(phone, campaigns);
}

/** The active callbacks of a caller's number (as Finesse presents it, or E.164), soonest first. */
export async function activeCallbacksForNumber(ctx: ServiceContext, p: Principal, phone: string): Promise<InboundMatch[]> {
  const rows = await listActiveCallbacksForPhones(ctx.db, await candidatesOf(ctx, phone), ACTIVE_STATES);
  return Promise.all(rows.map((row) => matchOf(ctx, p, row)));
}

/** Closes a callback because the customer reached the agent by calling in (see the rule above). */
export async function closeReachedInbound(ctx: ServiceContext, p: Principal, id: number, phone?: string | null): Promise<InboundMatch> {
  const old = Number.isSafeInteger(id) ? await findCallbackById(ctx.db, id) : null;
  if (!old) throw new NotFound();
  if (!canSee(p, old)) {
    const sameNumber = phone ? (await candidatesOf(ctx, phone)).includes(old.phoneE164) : false;
    if (!sameNumber || !isActive(old.status)) throw new NotFound();
  }
  const closed = await applyByPerson(
    ctx,
    old,
    {
      event: 'reached_inbound',
      actor: p.id,
      patch: { reason: 'reached_inbound', nextAttemptAt: null },
      history: [['completed', { reason: 'reached_inbound', agentId: p.id, previousStatus: old.status }]],
    },
    'close',
    // The promised call will not be made: its place in the slot is free again (as on cancel).
    (t) => releaseSlot(ctx.db, scopeOf(old), new Date(old.slotStart), t as never),
  );
  return matchOf(ctx, p, closed);
}
