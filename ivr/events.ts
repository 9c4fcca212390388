// What happened on the call, as the Callback IVR script reports it (POST /ivr/v1/events):
// answered, confirmed ("press 1"), not_confirmed, routed, abandoned. Each goes through the
// lifecycle table (domain/lifecycle.ts) via transitionCallback, so it is accepted only from the
// states where it makes sense; each is applied once per attempt (since the callback's last
// import), so a script retrying its POST changes nothing the second time.
import { findCallbackById, type CallbackRow } from '../db/queries/callbacks.ts';
import { transitionCallback } from '../db/queries/transition.ts';
import type { LifecycleEvent } from '../domain/lifecycle.ts';
import type { HistoryEvent, RetryOutcome } from '../domain/types.ts';
import type { ServiceContext } from '../db/service-context.ts';
import { decideRetry } from '../jobs/retry-policy.ts';
import { findObservations } from '../jobs/queries/sync-state.ts';
import { campaignOf, findLookupCallback } from './lookup.ts';
import { countHistorySince } from '../db/queries/history.ts';

export const IVR_EVENTS = ['answered', 'confirmed', 'not_confirmed', 'routed', 'abandoned'] as const;
export type IvrEventName = (typeof IVR_EVENTS)[number];

export interface IvrEventRequest {
  callbackId?: number;
  accountNumber?: string;
  dialingListId?: number;
  campaign?: string;
  event: IvrEventName;
  /** routed: where the script queued the call. */
  target?: 'agent' | 'skill' | 'csq' | 'script';
  agentId?: string;
  csq?: string;
  script?: string;
}

export type IvrEventResult =
  | { ok: true; applied: boolean; callbackId: number; event: IvrEventName; status: string }
  | { ok: false; httpStatus: 404; code: 'not_found' }
  | { ok: false; httpStatus: 409; code: 'invalid_state' | 'changed'; callbackId: number; event: IvrEventName; status: string };

/** The history row each event leaves; also how a repeated event is recognised. */
const HISTORY_OF: Record<IvrEventName, HistoryEvent> = {
  answered: 'answered',
  confirmed: 'confirmed',
  not_confirmed: 'not_confirmed',
  routed: 'routed',
  abandoned: 'abandoned',
};

/** A failed attempt's outcome for the campaign's retry policy. */
const RETRY_OUTCOME: Partial<Record<IvrEventName, RetryOutcome>> = { not_confirmed: 'not_confirmed', abandoned: 'abandoned' };

async function findEventCallback(ctx: ServiceContext, req: IvrEventRequest): Promise<CallbackRow | null> {
  if (req.callbackId) {
    const row = await findCallbackById(ctx.db, req.callbackId);
    const campaign = req.campaign ? campaignOf((await ctx.config.get()).campaigns, req.campaign) : undefined;
    if (!row || (req.campaign && row.campaign !== campaign?.name)) return null;
    return row;
  }
  // The phone is not a key here: an event must name its callback exactly.
  if (!req.accountNumber && !req.dialingListId) return null;
  return findLookupCallback(ctx, { accountNumber: req.accountNumber, dialingListId: req.dialingListId, campaign: req.campaign });
}

export async function applyIvrEvent(ctx: ServiceContext, req: IvrEventRequest): Promise<IvrEventResult> {
  let callback = await findEventCallback(ctx, req);
  if (!callback) return { ok: false, httpStatus: 404, code: 'not_found' };
  // One retry when someone (the sync, the dispatcher) changed the callback between read and write.
  for (let round = 0; ; round++) {
    const outcome = await applyOnce(ctx, callback, req);
    if (outcome.ok || outcome.code !== 'changed' || round > 0) return outcome;
    const fresh = await findCallbackById(ctx.db, callback.id);
    if (!fresh) return { ok: false, httpStatus: 404, code: 'not_found' };
    callback = fresh;
  }
}

async function applyOnce(ctx: ServiceContext, callback: CallbackRow, req: IvrEventRequest): Promise<IvrEventResult> {
  const done = (applied: boolean, status = callback.status): IvrEventResult => ({ ok: true, applied, callbackId: callback.id, event: req.event, status });
  const history = HISTORY_OF[req.event];
  const since = callback.importedAt ? new Date(callback.importedAt) : null;
  if ((await countHistory(ctx, callback.id, history, since)) > 0) return done(false);

  const at = ctx.now();
  const details: Record<string, unknown> = { by: 'ivr' };
  let event: LifecycleEvent;
  let patch: Record<string, unknown> = {};
  const extra: Array<[HistoryEvent, Record<string, unknown>]> = [];

  if (req.event === 'answered' || req.event === 'confirmed') {
    event = req.event === 'answered' ? 'answer' : 'confirm';
    if (callback.status !== 'connected') patch = { lastResult: 'voice' };
  } else if (req.event === 'routed') {
    event = 'route';
    const target = req.target === 'csq' ? 'skill' : (req.target ?? 'skill');
    Object.assign(details, { target, agentId: req.agentId ?? null, csq: req.csq ?? null, script: req.script ?? null });
    if (callback.type === 'personal' && target === 'skill') extra.push(['fallback_to_skill', { agentId: callback.agentId, csq: req.csq ?? null }]);
  } else {
    const outcome = RETRY_OUTCOME[req.event] as RetryOutcome;
    const attempts = callback.attempts + ((await countedBySync(ctx, callback)) ? 0 : 1);
    const campaign = (await ctx.config.get()).campaigns.find((c) => c.name === callback.campaign);
    const decision = decideRetry(campaign?.retryPolicy, outcome, attempts, at);
    if (decision.kind === 'retry') {
      event = 'attempt_failed';
      patch = { attempts, lastResult: req.event, nextAttemptAt: decision.at };
      extra.push(['retry_scheduled', { outcome, attempts, maxAttempts: decision.maxAttempts, nextAttemptAt: decision.at.toISOString() }]);
    } else {
      event = 'fail';
      patch = { attempts, lastResult: req.event, reason: 'max_attempts', nextAttemptAt: null };
      extra.push(['failed', { reason: 'max_attempts', result: req.event, attempts }]);
    }
  }

  const result = await transitionCallback(ctx.db, callback, { event, actor: 'ivr', at, patch, history: [[history, details], ...extra] });
  if (!result.ok) return { ok: false, httpStatus: 409, code: result.code, callbackId: callback.id, event: req.event, status: callback.status };
  ctx.events.changed(result.row);
  return done(true, result.row.status);
}

const countHistory = (ctx: ServiceContext, id: number, event: HistoryEvent, since: Date | null) => countHistorySince(ctx.db, id, event, since);

/** True when the result sync already counted this attempt's dial (its observation of the UCCX row). */
async function countedBySync(ctx: ServiceContext, callback: CallbackRow): Promise<boolean> {
  if (callback.uccxDialingListId == null) return false;
  const seen = (await findObservations(ctx.db, [callback.uccxDialingListId])).get(callback.uccxDialingListId);
  return (seen?.callsCounted ?? 0) > 0;
}
