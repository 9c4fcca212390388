// Applies db_cra rows to their callbacks: the mapping of callresult-to-effect, the retry policy,
// attempt counting (UCCX's own retries included) and the history, together with the observation
// that makes reading the same row again a no-op. A batch of rows is applied in ONE transaction
// (per-row transactions made a sync of 10,000 rows take minutes: a commit, and on SQLite a new
// connection, per row); the caller saves its cursor in that same transaction.
import type { CallbackRow } from '../db/queries/callbacks.ts';
import { appendHistoryRows, type NewHistoryRow } from '../db/queries/history.ts';
import { transitionCallbacks, updateCallbacksByVersion, type TransitionRequest } from '../db/queries/transition.ts';
import type { Tx } from '../db/index.ts';
import type { LifecycleEvent } from '../domain/lifecycle.ts';
import type { HistoryEvent } from '../domain/types.ts';
import { flagDoNotCall, IN_UCCX_STATES } from './queries/callbacks.ts';
import { historyTimes, saveObservations, type Observation } from './queries/sync-state.ts';
import type { DbCraContact } from './dbcra/reader.ts';
import type { JobDeps } from './deps.ts';
import { callResultName, mapDialResult, parseRoutedTo, type CallOutcome, type ResultEffect } from './result-map.ts';
import { decideRetry } from './retry-policy.ts';
import type { Campaign } from '../domain/types.ts';

export interface RowInput {
  row: DbCraContact;
  callback: CallbackRow;
  observation: Observation | null;
  /** The call's ContactCallDetail (routing, disposition, agent leg); null while UCCX wrote none. */
  call: CallOutcome | null;
}

export const signatureOf = (row: DbCraContact, call: CallOutcome | null) =>
  `${row.callStatus}|${row.callResult ?? ''}|${row.callsMade}|${call?.routedTo ?? ''}|${call?.disposition ?? ''}|${call?.agentConnected ? 'agent' : ''}`;

/** What one row does to its callback, decided before anything is written. */
interface RowPlan {
  input: RowInput;
  effect: ResultEffect;
  event: LifecycleEvent | null;
  patch: Record<string, unknown>;
  events: Array<[HistoryEvent, Record<string, unknown>]>;
  observation: Observation;
}

/** What a batch needs besides its rows: the campaigns' retry policies and the fallbacks the IVR already reported. */
interface PlanContext {
  campaigns: Campaign[];
  fallbacks: Map<number, Date[]>;
  now: Date;
}

/** False when the row changes nothing (already applied, an earlier attempt, a callback not in UCCX). */
function isNews({ row, callback, observation, call }: RowInput): boolean {
  if (observation?.signature === signatureOf(row, call)) return false;
  // Rows of an earlier attempt, and callbacks not in UCCX any more (finished, or waiting to be
  // pushed again), are not moved by this row; it is applied later if the callback gets queued.
  if (callback.uccxDialingListId != null && row.dialingListId < callback.uccxDialingListId) return false;
  return IN_UCCX_STATES.includes(callback.status);
}

/** What a row that isNews does to its callback. */
function planContactRow(deps: JobDeps, input: RowInput, ctx: PlanContext): RowPlan {
  const { row, callback, observation, call } = input;
  const routedTo = call?.routedTo ?? null;
  const signature = signatureOf(row, call);

  const effect = mapDialResult(row, call, deps.callResultMap);
  const ended = effect.kind === 'attempt_failed' || effect.kind === 'failed' || effect.kind === 'completed' || effect.kind === 'answered';
  // A closed row always stands for at least one dial, even if UCCX did not count it.
  const callsNow = ended ? Math.max(1, row.callsMade) : row.callsMade;
  const attempts = callback.attempts + Math.max(0, callsNow - (observation?.callsCounted ?? 0));
  const patch: Record<string, unknown> = { attempts, uccxDialingListId: row.dialingListId };
  const events: RowPlan['events'] = [
    [
      'dial_result',
      { dialingListId: row.dialingListId, callStatus: row.callStatus, callResult: row.callResult, result: callResultName(row.callResult), callsMade: row.callsMade, routedTo, disposition: call?.disposition ?? null, agentConnected: call?.agentConnected ?? false },
    ],
  ];
  let event: LifecycleEvent | null = null;

  if (effect.kind === 'dialing' && callback.status === 'queued') event = 'dial';
  if (effect.kind === 'answered' && callback.status !== 'connected') {
    event = 'answer';
    patch.lastResult = 'voice';
  }
  if (effect.kind === 'completed') {
    event = 'complete';
    Object.assign(patch, { lastResult: 'voice', reason: null, nextAttemptAt: null });
    const routed = effect.routedTo ? parseRoutedTo(effect.routedTo) : null;
    // The IVR may have reported the fallback already (POST /ivr/v1/events routed) during this attempt.
    const since = callback.importedAt ? new Date(callback.importedAt) : null;
    const fallbackKnown = (ctx.fallbacks.get(callback.id) ?? []).some((at) => !since || at >= since);
    if (callback.type === 'personal' && routed?.target === 'csq' && !fallbackKnown) events.push(['fallback_to_skill', { agentId: callback.agentId, csq: routed.name }]);
    events.push(['completed', { by: 'sync', routedTo: effect.routedTo, evidence: 'agent_connection_detail' }]);
  }
  if (effect.kind === 'failed') {
    event = 'fail';
    Object.assign(patch, { reason: effect.reason, lastResult: effect.result, nextAttemptAt: null });
    events.push(['failed', { reason: effect.reason, result: effect.result }]);
  }
  if (effect.kind === 'attempt_failed') {
    const campaign = ctx.campaigns.find((c) => c.name === callback.campaign);
    const decision = decideRetry(campaign?.retryPolicy, effect.outcome, attempts, ctx.now);
    if (decision.kind === 'retry') {
      event = 'attempt_failed';
      Object.assign(patch, { lastResult: effect.result, nextAttemptAt: decision.at });
      events.push(['retry_scheduled', { outcome: effect.outcome, attempts, maxAttempts: decision.maxAttempts, nextAttemptAt: decision.at.toISOString() }]);
    } else {
      event = 'fail';
      Object.assign(patch, { reason: 'max_attempts', lastResult: effect.result, nextAttemptAt: null });
      events.push(['failed', { reason: 'max_attempts', result: effect.result, attempts }]);
    }
  }
  return { input, effect, event, patch, events, observation: { dialingListId: row.dialingListId, callbackId: callback.id, signature, callsCounted: callsNow } };
}

/**
 * Applies a batch of rows (at most one row per callback: the caller cuts batches so) in ONE
 * transaction; `atCommit` runs inside it after the rows (the cursor), or alone when no row is
 * news. Returns the ids of the callbacks changed. A callback the IVR lookup or a person changed
 * since it was read is left alone without its observation: the next run applies its row.
 */
export async function applyContactRows(deps: JobDeps, inputs: readonly RowInput[], atCommit: (t: Tx) => Promise<void>): Promise<number[]> {
  const now = deps.now();
  const live = inputs.filter(isNews);
  // Nothing new in this batch (the in-flight rows read again on every run): only the cursor moves.
  if (live.length === 0) {
    await atCommit(null);
    return [];
  }
  const personal = live.filter((i) => i.callback.type === 'personal').map((i) => i.callback.id);
  const ctx: PlanContext = { campaigns: (await deps.config()).campaigns, fallbacks: personal.length ? await historyTimes(deps.db, personal, 'fallback_to_skill') : new Map(), now };
  const plans = live.map((input) => planContactRow(deps, input, ctx));

  const changed = await deps.db.transaction(async (t) => {
    const kept: RowPlan[] = [];
    const history: NewHistoryRow[] = [];
    const entry = (plan: RowPlan, [event, details]: [HistoryEvent, Record<string, unknown>]): NewHistoryRow => ({ callbackId: plan.input.callback.id, event, actor: 'uccx', details, at: now });

    const moving = plans.filter((p) => p.event);
    const requests = moving.map((p) => ({ current: p.input.callback, req: { event: p.event!, actor: 'uccx', at: now, patch: p.patch, history: p.events } satisfies TransitionRequest }));
    const results = await transitionCallbacks(deps.db, requests, t);
    results.forEach((result, i) => {
      const plan = moving[i]!;
      if (result.ok) return void kept.push(plan);
      if (result.code === 'changed') return;
      // The table refuses this result in the callback's state: record what UCCX said, change nothing.
      deps.log.warn({ callbackId: plan.input.callback.id, event: plan.event, from: result.from }, 'sync: result not applicable in this state');
      history.push(...plan.events.map((e) => entry(plan, e)));
      kept.push(plan);
    });
    // Rows that move no state (still pending, or a state the callback is in already): their other
    // columns in one batch write too; updated_at is the wall clock, as updateCallback stamps it.
    const quiet = plans.filter((p) => !p.event);
    const written = await updateCallbacksByVersion(deps.db, quiet.map(({ input: { callback }, patch }) => ({ id: callback.id, version: callback.version, values: { ...patch, updatedAt: new Date(), version: callback.version + 1 } })), t);
    quiet.forEach((plan, i) => {
      if (!written[i]) return;
      history.push(...plan.events.map((e) => entry(plan, e)));
      kept.push(plan);
    });
    await appendHistoryRows(deps.db, history, t);
    for (const plan of kept) {
      if (plan.effect.kind === 'failed' && plan.effect.reason === 'do_not_call') await flagDoNotCall(deps.db, plan.input.callback.phoneE164, `uccx:${plan.input.row.dialingListId}`, now, t);
    }
    await saveObservations(deps.db, kept.map((p) => p.observation), now, t);
    await atCommit(t);
    return kept.map((p) => p.input.callback.id);
  });
  for (const id of changed) deps.onChanged?.(id);
  return changed;
}
