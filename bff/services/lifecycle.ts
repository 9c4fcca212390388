// State changes by people: cancel, and the gadget's arrival acknowledgement. Both go through the
// lifecycle table (db/queries/transition.ts); a refusal answers 409 invalid_state.
import { releaseSlot } from '../../db/queries/slots.ts';
import { transitionCallback, type TransitionRequest } from '../../db/queries/transition.ts';
import type { CallbackRow } from '../../db/queries/callbacks.ts';
import type { Tx } from '../../db/index.ts';
import type { Principal } from '../../domain/types.ts';
import { scopeOf, visibleCallback } from './booking.ts';
import type { ServiceContext } from '../../db/service-context.ts';
import { InvalidState } from './errors.ts';

/** Applies one lifecycle event for a person; `inTx` runs in the same transaction (e.g. slot release). */
export async function applyByPerson(
  ctx: ServiceContext,
  old: CallbackRow,
  req: Omit<TransitionRequest, 'at'>,
  operation: string,
  inTx?: (t: Tx) => Promise<void>,
): Promise<CallbackRow> {
  const result = await ctx.db.transaction(async (t) => {
    const r = await transitionCallback(ctx.db, old, { ...req, at: ctx.now() }, t);
    if (r.ok && inTx) await inTx(t);
    return r;
  });
  if (!result.ok) throw new InvalidState(result.code === 'changed' ? 'changed meanwhile' : old.status, operation);
  ctx.events.changed(result.row);
  return result.row;
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
