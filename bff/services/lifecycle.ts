// State changes by people: cancel, and the gadget's arrival acknowledgement. Both go through the
// lifecycle table (db/queries/transition.ts); a refusal answers 409 invalid_state.
import { releaseSlot } from '../../db/queries/slots.ts';
import { transitionCallback, type TransitionRequest } from '../../db/queries/transition.ts';
import { findCallbackById, type CallbackRow } from '../../db/queries/callbacks.ts';
import type { Tx } from '../../db/index.ts';
import type { Principal } from '../../domain/types.ts';
import { scopeOf, visibleCallback } from './booking.ts';
import type { ServiceContext } from '../../db/service-context.ts';
import { InvalidState } from './errors.ts';

/** What a person's request was decided on: if only bookkeeping changed since (a sync pass noting UCCX's row), the decision stands. */
const DECIDED_ON = ['status', 'type', 'agentId', 'teamId', 'skill', 'campaign', 'scheduledAt', 'slotStart', 'attempts', 'nextAttemptAt'] as const;
const sameDecision = (a: CallbackRow, b: CallbackRow) => DECIDED_ON.every((k) => a[k] === b[k]);
/** A sync writing the same row at the same moment is rare; more than a few in a row is a real conflict. */
const RETRIES_ON_BOOKKEEPING = 3;

/**
 * Applies one lifecycle event for a person; `inTx` runs in the same transaction (e.g. slot release).
 * The row is written by version: when the version moved but nothing the request was decided on
 * did (the sync wrote UCCX's observations in between), it is applied again to the fresh row
 * instead of answering the agent 409 for a write he cannot see.
 */
export async function applyByPerson(
  ctx: ServiceContext,
  old: CallbackRow,
  req: Omit<TransitionRequest, 'at'>,
  operation: string,
  inTx?: (t: Tx) => Promise<void>,
): Promise<CallbackRow> {
  let row = old;
  for (let attempt = 0; ; attempt++) {
    const current = row;
    const result = await ctx.db.transaction(async (t) => {
      const r = await transitionCallback(ctx.db, current, { ...req, at: ctx.now() }, t);
      if (r.ok && inTx) await inTx(t);
      return r;
    });
    if (result.ok) {
      ctx.events.changed(result.row);
      return result.row;
    }
    const fresh = result.code === 'changed' ? await findCallbackById(ctx.db, old.id) : null;
    if (fresh && attempt < RETRIES_ON_BOOKKEEPING && sameDecision(old, fresh)) {
      row = fresh;
      continue;
    }
    // Not the fresh state: the caller may no longer see the callback (reassigned to another team).
    throw new InvalidState(result.code === 'changed' ? 'changed meanwhile' : old.status, operation);
  }
}

export async function cancelCallback(ctx: ServiceContext, p: Principal, id: number, reason?: string | null): Promise<CallbackRow> {
  const old = await visibleCallback(ctx, p, id);
  // A contact already imported into UCCX cannot be deleted alone: the IVR lookup answers it as
  // cancelled and the next purge removes it.
  return applyByPerson(
    ctx,
    old,
    { event: 'cancel', actor: p.id, patch: { reason: 'cancelled_by_user', nextAttemptAt: null }, history: [['cancelled', { reason: reason ?? null, previousStatus: old.status }]] },
    'cancel',
    (t) => releaseSlot(ctx.db, scopeOf(old), new Date(old.slotStart), t),
  );
}

/** The callback call reached the agent's desktop: the callback is complete. */
export async function acknowledgeArrival(ctx: ServiceContext, p: Principal, id: number): Promise<CallbackRow> {
  const old = await visibleCallback(ctx, p, id);
  return applyByPerson(
    ctx,
    old,
    { event: 'complete', actor: p.id, patch: { reason: null, nextAttemptAt: null, arrivedBy: p.id, arrivedAt: ctx.now(), callOutcome: null }, history: [['arrived', { agentId: p.id }], ['completed', { by: 'arrival' }]] },
    'acknowledge',
  );
}
