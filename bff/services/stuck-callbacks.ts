// Stuck callbacks (issue 11): what an admin can do with a callback the jobs left waiting.
// - re-verify: ask UCCX and db_cra what happened, as the deadlines job does: the result sync for
//   its campaign applies what db_cra shows, then its contact is looked for (open, closed, gone);
// - re-push: take it back to be imported again (event `repush`, due at once, the dispatcher does
//   the import), only once UCCX no longer holds its contact, so the customer is never called twice;
// - force-complete: close it as done with the admin's reason (event `force_complete`).
// Every state change goes through transitionCallback (409 invalid_state where the lifecycle table
// refuses it), and every action is audited with who did it and the state before and after.
import { appendAudit } from '../../db/queries/audit.ts';
import { findCallbackById, type CallbackRow } from '../../db/queries/callbacks.ts';
import { transitionCallback, type TransitionRequest } from '../../db/queries/transition.ts';
import { accepts, IN_UCCX, type LifecycleEvent } from '../../domain/lifecycle.ts';
import type { ServiceContext } from '../../db/service-context.ts';
import type { JobDeps } from '../../jobs/deps.ts';
import { resolveUccxCampaign } from '../../jobs/deps.ts';
import { whereAreTheCalls } from '../../jobs/deadlines.ts';
import { syncCampaign } from '../../jobs/sync.ts';
import { InvalidState, NotFound } from './errors.ts';

/** Where UCCX has the callback's contact of this attempt: open (may still dial), closed, gone, or not asked (not in UCCX). */
export type Whereabouts = 'open' | 'closed' | 'gone' | 'unknown' | 'not_in_uccx' | 'not_asked';

export interface StuckActionResult {
  callback: CallbackRow;
  before: string;
  after: string;
  found: Whereabouts;
}

export class UccxUnavailable extends Error {
  readonly status = 503;
}

type OpsDeps = () => Promise<{ deps: JobDeps; close(): Promise<void> }>;

async function load(ctx: ServiceContext, id: number): Promise<CallbackRow> {
  const row = Number.isSafeInteger(id) ? await findCallbackById(ctx.db, id) : null;
  if (!row) throw new NotFound();
  return row;
}

/** Applies the result sync for the callback's campaign, then looks for its contact in UCCX/db_cra. */
async function verify(ctx: ServiceContext, deps: JobDeps, c: CallbackRow): Promise<{ row: CallbackRow; found: Whereabouts }> {
  if (!IN_UCCX.includes(c.status)) return { row: c, found: 'not_in_uccx' };
  const campaign = (await deps.config()).campaigns.find((k) => k.name === c.campaign);
  const target = campaign ? await resolveUccxCampaign(deps, campaign).catch(() => null) : null;
  if (!target) throw new UccxUnavailable(`UCCX campaign of ${c.campaign} cannot be resolved`);
  try {
    await syncCampaign(deps, c.campaign, target);
  } catch (err) {
    throw new UccxUnavailable(`db_cra cannot be read: ${(err as Error).message}`);
  }
  const row = await load(ctx, c.id);
  if (!IN_UCCX.includes(row.status)) return { row, found: 'not_in_uccx' };
  const found = (await whereAreTheCalls(deps, [row])).get(row.id);
  return { row, found: found ?? 'unknown' };
}

async function audit(ctx: ServiceContext, actor: string, action: string, r: StuckActionResult, extra: Record<string, unknown> = {}): Promise<StuckActionResult> {
  await appendAudit(ctx.db, { at: ctx.now(), actor, action: `callback.${action}`, target: `callback:${r.callback.id}`, before: { status: r.before }, after: { status: r.after, found: r.found, ...extra } });
  ctx.events.changed(r.callback);
  return r;
}

async function apply(ctx: ServiceContext, c: CallbackRow, event: LifecycleEvent, req: Omit<TransitionRequest, 'at' | 'event'>): Promise<CallbackRow> {
  const result = await transitionCallback(ctx.db, c, { ...req, event, at: ctx.now() });
  if (!result.ok) throw new InvalidState(result.code === 'changed' ? 'changed meanwhile' : c.status, event.replace('_', '-'));
  return result.row;
}

export async function reverifyCallback(ctx: ServiceContext, opsDeps: OpsDeps, actor: string, id: number): Promise<StuckActionResult> {
  const c = await load(ctx, id);
  if (!IN_UCCX.includes(c.status)) throw new InvalidState(c.status, 're-verify');
  const opened = await opsDeps();
  try {
    const { row, found } = await verify(ctx, opened.deps, c);
    return audit(ctx, actor, 'reverify', { callback: row, before: c.status, after: row.status, found });
  } finally {
    await opened.close();
  }
}

export async function repushCallback(ctx: ServiceContext, opsDeps: OpsDeps, actor: string, id: number, note: string | null): Promise<StuckActionResult> {
  const c = await load(ctx, id);
  if (!accepts(c.status, 'repush')) throw new InvalidState(c.status, 're-push');
  const opened = await opsDeps();
  try {
    const { row, found } = await verify(ctx, opened.deps, c);
    if (found === 'open' || found === 'unknown') throw new InvalidState(`still held by UCCX (${found})`, 're-push');
    const now = ctx.now();
    const details = { reason: 'admin_repush', by: actor, note, previousStatus: row.status, found, nextAttemptAt: now.toISOString() };
    const moved = await apply(ctx, row, 'repush', { actor, patch: { nextAttemptAt: now, claimedBy: null, leaseUntil: null, lastResult: 'admin_repush' }, history: [['retry_scheduled', details]] });
    return audit(ctx, actor, 'repush', { callback: moved, before: c.status, after: moved.status, found }, { note });
  } finally {
    await opened.close();
  }
}

export async function forceCompleteCallback(ctx: ServiceContext, actor: string, id: number, reason: string): Promise<StuckActionResult> {
  const c = await load(ctx, id);
  const patch = { reason: 'completed_by_admin', nextAttemptAt: null, claimedBy: null, leaseUntil: null };
  const done = await apply(ctx, c, 'force_complete', { actor, patch, history: [['completed', { by: 'admin', reason, previousStatus: c.status }]] });
  return audit(ctx, actor, 'force_complete', { callback: done, before: c.status, after: done.status, found: 'not_asked' }, { reason });
}
