// State changes by people: cancel, and the gadget's arrival acknowledgement.
import { updateCallback, type CallbackRow } from '../../db/queries/callbacks.ts';
import { appendHistory } from '../../db/queries/history.ts';
import { agentScope, releaseSlot, skillScope } from '../../db/queries/slots.ts';
import { isActive, type Principal } from '../domain/types.ts';
import { visibleCallback } from './booking.ts';
import type { ServiceContext } from './context.ts';
import { InvalidState } from './errors.ts';

export async function cancelCallback(ctx: ServiceContext, p: Principal, id: number, reason?: string | null): Promise<CallbackRow> {
  const old = await visibleCallback(ctx, p, id);
  if (!isActive(old.status)) throw new InvalidState(old.status, 'cancel');
  const updated = await ctx.db.transaction(async (t) => {
    const scope = old.type === 'personal' && old.agentId ? agentScope(old.agentId) : skillScope(old.skill ?? '');
    await releaseSlot(ctx.db, scope, new Date(old.slotStart), t);
    const row = await updateCallback(ctx.db, old.id, old.version, { status: 'cancelled', reason: 'cancelled_by_user', nextAttemptAt: null }, t);
    if (!row) throw new InvalidState('changed meanwhile', 'cancel');
    // A contact already imported into UCCX cannot be deleted alone; the IVR lookup will
    // answer "not found" for it and the purge removes it.
    await appendHistory(ctx.db, { callbackId: old.id, event: 'cancelled', actor: p.id, details: { reason: reason ?? null, previousStatus: old.status }, at: ctx.now() }, t);
    return row;
  });
  ctx.events.changed(updated);
  return updated;
}

/** The callback call reached the agent's desktop: the callback is complete. */
export async function acknowledgeArrival(ctx: ServiceContext, p: Principal, id: number): Promise<CallbackRow> {
  const old = await visibleCallback(ctx, p, id);
  if (old.status === 'cancelled' || old.status === 'expired') throw new InvalidState(old.status, 'acknowledge');
  const updated = await ctx.db.transaction(async (t) => {
    await appendHistory(ctx.db, { callbackId: old.id, event: 'arrived', actor: p.id, details: { agentId: p.id }, at: ctx.now() }, t);
    if (old.status === 'completed' || old.status === 'failed') return old;
    const row = await updateCallback(ctx.db, old.id, old.version, { status: 'completed', reason: null, nextAttemptAt: null }, t);
    if (!row) throw new InvalidState('changed meanwhile', 'acknowledge');
    await appendHistory(ctx.db, { callbackId: old.id, event: 'completed', actor: p.id, details: { by: 'arrival' }, at: ctx.now() }, t);
    return row;
  });
  ctx.events.changed(updated);
  return updated;
}
