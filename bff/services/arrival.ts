// The arrival context: what the agent who receives a callback call sees about it, and his
// acknowledgement. Any agent may receive a callback (personal, its fallback skill, or a skill), so
// the right to see it comes from the call itself: the account number (or dialing-list id) that the
// call carries, and only while the callback's call is in flight (queued, dialing, connected). It
// gives no right to read the callback otherwise (GET /callbacks/:id stays 404 for him).
import { findCallbackByAccountNumber, findCallbackByDialingListId, type CallbackRow } from '../../db/queries/callbacks.ts';
import { findAgent } from '../../db/queries/agents.ts';
import { IN_UCCX } from '../../domain/lifecycle.ts';
import { maskPhone } from '../../domain/rules/caller-number.ts';
import type { Principal } from '../../domain/types.ts';
import type { ServiceContext } from '../../db/service-context.ts';
import { canSee } from './access.ts';
import { applyByPerson } from './lifecycle.ts';
import { InvalidState, NotFound } from './errors.ts';

/** What the call carries: BAAccountNumber / the script's call variable, or BADialedListID. */
export type ArrivalRef = { accountNumber: string } | { dialingListId: number };

export interface BookedBy {
  id: string;
  /** "Anna Nowak" when the agent is known, else null. */
  name: string | null;
}

export interface ArrivalContext {
  callbackId: number;
  accountNumber: string;
  campaign: string;
  type: string;
  skill: string | null;
  agentId: string | null;
  firstName: string;
  lastName: string;
  /** Full for those who may read the callback, masked for the agent who only receives the call. */
  phone: string;
  phoneMasked: boolean;
  notes: string | null;
  bookedBy: BookedBy;
  scheduledAt: string;
  timeZone: string;
  status: string;
  attempts: number;
  createdAt: string;
}

export async function bookedByOf(ctx: ServiceContext, id: string): Promise<BookedBy> {
  const agent = await findAgent(ctx.db, id);
  return { id, name: agent ? `${agent.firstName} ${agent.lastName}`.trim() || null : null };
}

async function contextOf(ctx: ServiceContext, row: CallbackRow, mayRead: boolean): Promise<ArrivalContext> {
  return {
    callbackId: row.id,
    accountNumber: row.accountNumber,
    campaign: row.campaign,
    type: row.type,
    skill: row.skill,
    agentId: row.agentId,
    firstName: row.firstName,
    lastName: row.lastName,
    phone: mayRead ? row.phoneE164 : maskPhone(row.phoneE164),
    phoneMasked: !mayRead,
    notes: row.notes,
    bookedBy: await bookedByOf(ctx, row.createdBy),
    scheduledAt: row.scheduledAt,
    timeZone: row.timeZone,
    status: row.status,
    attempts: row.attempts,
    createdAt: row.createdAt,
  };
}

/** UCCX Account Number (≤ 25): anything else (control characters included) names no callback. */
const ACCOUNT_NUMBER = /^[A-Za-z0-9_-]{1,25}$/;

async function findByRef(ctx: ServiceContext, ref: ArrivalRef): Promise<CallbackRow | null> {
  if ('accountNumber' in ref) return ACCOUNT_NUMBER.test(ref.accountNumber) ? findCallbackByAccountNumber(ctx.db, ref.accountNumber) : null;
  return Number.isSafeInteger(ref.dialingListId) && ref.dialingListId > 0 ? findCallbackByDialingListId(ctx.db, ref.dialingListId) : null;
}

const inFlight = (row: CallbackRow): boolean => IN_UCCX.includes(row.status);

/** The arrival context of an in-flight callback call, or 404 (unknown, or not being called now). */
export async function arrivalContext(ctx: ServiceContext, p: Principal, ref: ArrivalRef): Promise<ArrivalContext> {
  const row = await findByRef(ctx, ref);
  if (!row || !inFlight(row)) throw new NotFound();
  return contextOf(ctx, row, canSee(p, row));
}

/**
 * The receiving agent acknowledges the call: the callback is complete (lifecycle event `complete`,
 * accepted once, only from queued/dialing/connected). Whoever may read the callback gets 409 outside
 * that window, as on POST /callbacks/:id/arrived; anyone else gets 404, as for an unknown callback.
 */
export async function acknowledgeArrivalOf(ctx: ServiceContext, p: Principal, ref: ArrivalRef): Promise<ArrivalContext> {
  const row = await findByRef(ctx, ref);
  if (!row) throw new NotFound();
  const mayRead = canSee(p, row);
  if (!inFlight(row)) {
    if (mayRead) throw new InvalidState(row.status, 'acknowledge');
    throw new NotFound();
  }
  const done = await applyByPerson(
    ctx,
    row,
    {
      event: 'complete',
      actor: p.id,
      patch: { reason: null, nextAttemptAt: null, arrivedBy: p.id, arrivedAt: ctx.now(), callOutcome: null },
      history: [['arrived', { agentId: p.id, bookedBy: row.createdBy, owner: mayRead }], ['completed', { by: 'arrival' }]],
    },
    'acknowledge',
  );
  return contextOf(ctx, done, mayRead);
}
