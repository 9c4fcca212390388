// Applies one db_cra row to its callback: the mapping of callresult-to-effect, the retry policy,
// attempt counting (UCCX's own retries included) and the history, in one transaction with the
// observation that makes reading the same row again a no-op.
import { updateCallback, type CallbackRow } from '../db/queries/callbacks.ts';
import { appendHistory } from '../db/queries/history.ts';
import { transitionCallback } from '../db/queries/transition.ts';
import type { LifecycleEvent } from '../domain/lifecycle.ts';
import type { HistoryEvent } from '../domain/types.ts';
import { flagDoNotCall, IN_UCCX_STATES } from './queries/callbacks.ts';
import { saveObservation, type Observation } from './queries/sync-state.ts';
import type { DbCraContact } from './dbcra/reader.ts';
import type { JobDeps } from './deps.ts';
import { callResultName, mapDialResult, parseRoutedTo, type CallOutcome } from './result-map.ts';
import { countHistorySince } from '../db/queries/history.ts';
import { decideRetry } from './retry-policy.ts';

class ChangedMeanwhile extends Error {}

export interface RowInput {
  row: DbCraContact;
  callback: CallbackRow;
  observation: Observation | null;
  /** The call's ContactCallDetail (routing, disposition, agent leg); null while UCCX wrote none. */
  call: CallOutcome | null;
}

export const signatureOf = (row: DbCraContact, call: CallOutcome | null) =>
  `${row.callStatus}|${row.callResult ?? ''}|${row.callsMade}|${call?.routedTo ?? ''}|${call?.disposition ?? ''}|${call?.agentConnected ? 'agent' : ''}`;

/** True when the row changed the callback. */
export async function applyContactRow(deps: JobDeps, input: RowInput): Promise<boolean> {
  const { row, callback, observation, call } = input;
  const routedTo = call?.routedTo ?? null;
  const signature = signatureOf(row, call);
  if (observation?.signature === signature) return false;
  // Rows of an earlier attempt, and callbacks not in UCCX any more (finished, or waiting to be
  // pushed again), are not moved by this row; it is applied later if the callback gets queued.
  if (callback.uccxDialingListId != null && row.dialingListId < callback.uccxDialingListId) return false;
  if (!IN_UCCX_STATES.includes(callback.status)) return false;

  const effect = mapDialResult(row, call, deps.callResultMap);
  const ended = effect.kind === 'attempt_failed' || effect.kind === 'failed' || effect.kind === 'completed' || effect.kind === 'answered';
  // A closed row always stands for at least one dial, even if UCCX did not count it.
  const callsNow = ended ? Math.max(1, row.callsMade) : row.callsMade;
  const attempts = callback.attempts + Math.max(0, callsNow - (observation?.callsCounted ?? 0));
  const patch: Record<string, unknown> = { attempts, uccxDialingListId: row.dialingListId };
  const events: Array<[HistoryEvent, Record<string, unknown>]> = [
    [
      'dial_result',
      { dialingListId: row.dialingListId, callStatus: row.callStatus, callResult: row.callResult, result: callResultName(row.callResult), callsMade: row.callsMade, routedTo, disposition: call?.disposition ?? null, agentConnected: call?.agentConnected ?? false },
    ],
  ];
  const now = deps.now();
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
    // The IVR may have reported the fallback already (POST /ivr/v1/events routed).
    const fallbackKnown = await countHistorySince(deps.db, callback.id, 'fallback_to_skill', callback.importedAt ? new Date(callback.importedAt) : null);
    if (callback.type === 'personal' && routed?.target === 'csq' && !fallbackKnown) events.push(['fallback_to_skill', { agentId: callback.agentId, csq: routed.name }]);
    events.push(['completed', { by: 'sync', routedTo: effect.routedTo, evidence: 'agent_connection_detail' }]);
  }
  if (effect.kind === 'failed') {
    event = 'fail';
    Object.assign(patch, { reason: effect.reason, lastResult: effect.result, nextAttemptAt: null });
    events.push(['failed', { reason: effect.reason, result: effect.result }]);
  }
  if (effect.kind === 'attempt_failed') {
    const campaign = (await deps.config()).campaigns.find((c) => c.name === callback.campaign);
    const decision = decideRetry(campaign?.retryPolicy, effect.outcome, attempts, now);
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

  try {
    await deps.db.transaction(async (t) => {
      if (event) {
        const result = await transitionCallback(deps.db, callback, { event, actor: 'uccx', at: now, patch, history: events }, t);
        if (!result.ok && result.code === 'changed') throw new ChangedMeanwhile();
        // The table refuses this result in the callback's state: record what UCCX said, change nothing.
        if (!result.ok) deps.log.warn({ callbackId: callback.id, event, from: result.from }, 'sync: result not applicable in this state');
        if (!result.ok) for (const [name, details] of events) await appendHistory(deps.db, { callbackId: callback.id, event: name, actor: 'uccx', details, at: now }, t);
      } else {
        const updated = await updateCallback(deps.db, callback.id, callback.version, patch, t);
        if (!updated) throw new ChangedMeanwhile();
        for (const [name, details] of events) await appendHistory(deps.db, { callbackId: callback.id, event: name, actor: 'uccx', details, at: now }, t);
      }
      if (effect.kind === 'failed' && effect.reason === 'do_not_call') await flagDoNotCall(deps.db, callback.phoneE164, `uccx:${row.dialingListId}`, now, t);
      await saveObservation(deps.db, { dialingListId: row.dialingListId, callbackId: callback.id, signature, callsCounted: callsNow }, now, t);
    });
  } catch (err) {
    // The IVR lookup or a person changed the callback between our read and write: the next run applies the row.
    if (err instanceof ChangedMeanwhile) return false;
    throw err;
  }
  deps.onChanged?.(callback.id);
  return true;
}
