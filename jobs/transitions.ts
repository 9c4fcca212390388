// The callback state changes the dispatcher and the purge make, each with its history entry in
// the same transaction. All are optimistic (by version): a callback cancelled meanwhile is left alone.
import { findCallbackById, updateCallback, type CallbackRow } from '../db/queries/callbacks.ts';
import { appendHistory, appendHistoryRows } from '../db/queries/history.ts';
import { transitionCallback, transitionCallbacks } from '../db/queries/transition.ts';
import type { LifecycleEvent } from '../domain/lifecycle.ts';
import type { HistoryEvent } from '../domain/types.ts';
import type { JobDeps, UccxCampaignRef } from './deps.ts';

const RELEASED = { claimedBy: null, leaseUntil: null };

const actorOf = (deps: JobDeps) => `job:${deps.owner}`.slice(0, 50);

/** One state change through the lifecycle table; a refusal or a concurrent change is logged and left alone. */
async function change(deps: JobDeps, row: CallbackRow, event: LifecycleEvent, patch: Record<string, unknown>, events: Array<[HistoryEvent, Record<string, unknown>]>): Promise<CallbackRow | null> {
  const result = await transitionCallback(deps.db, row, { event, actor: actorOf(deps), at: deps.now(), patch, history: events });
  if (result.ok) {
    deps.onChanged?.(row.id);
    return result.row;
  }
  deps.log.warn({ callbackId: row.id, event, from: result.from, code: result.code }, 'lifecycle: event not applied; left as it is');
  return null;
}

export async function markQueued(deps: JobDeps, row: CallbackRow, campaign: UccxCampaignRef, dialingListId: number | null, how: Record<string, unknown> = {}) {
  const importFlag = row.lastResult?.startsWith('import_');
  const uccx = { importedAt: deps.now(), uccxCampaignId: campaign.id, uccxDialingListId: dialingListId ?? row.uccxDialingListId };
  const imported: [HistoryEvent, Record<string, unknown>] = ['imported', { campaign: campaign.name, uccxCampaignId: campaign.id, dialingListId, ...how }];
  const queued = await change(deps, row, 'import', { ...RELEASED, ...uccx, nextAttemptAt: null, ...(importFlag && { lastResult: null }) }, [imported]);
  if (queued) return queued;
  // UCCX was faster than us: the customer already answered (an IVR event moved the callback on).
  // Keep its state, but record the import so the sync and the history know this contact.
  const now = await findCallbackById(deps.db, row.id);
  if (now && now.status !== 'dispatching' && !now.uccxCampaignId) {
    const recorded = await deps.db.transaction(async (t) => {
      const next = await updateCallback(deps.db, now.id, now.version, { ...RELEASED, ...uccx, updatedAt: deps.now() }, t);
      if (next) await appendHistory(deps.db, { callbackId: now.id, event: 'imported', actor: actorOf(deps), details: imported[1], at: deps.now() }, t);
      return next;
    });
    if (recorded) deps.onChanged?.(now.id);
    return recorded;
  }
  return null;
}

/**
 * markQueued for a whole confirmed import batch: one transaction (one history INSERT) instead of one
 * per callback, so a burst of due callbacks is confirmed in a few statements. Callbacks the batch
 * could not move (changed meanwhile) take markQueued's own path one by one. Returns those queued.
 */
export async function markQueuedMany(deps: JobDeps, campaign: UccxCampaignRef, found: ReadonlyArray<{ row: CallbackRow; dialingListId: number | null }>): Promise<CallbackRow[]> {
  if (found.length === 0) return [];
  const at = deps.now();
  const items = found.map(({ row, dialingListId }) => {
    const importFlag = row.lastResult?.startsWith('import_');
    const patch = { ...RELEASED, importedAt: at, uccxCampaignId: campaign.id, uccxDialingListId: dialingListId ?? row.uccxDialingListId, nextAttemptAt: null, ...(importFlag && { lastResult: null }) };
    const history: Array<[HistoryEvent, Record<string, unknown>]> = [['imported', { campaign: campaign.name, uccxCampaignId: campaign.id, dialingListId }]];
    return { current: row, req: { event: 'import' as const, actor: actorOf(deps), at, patch, history } };
  });
  const results = await deps.db.transaction((t) => transitionCallbacks(deps.db, items, t));
  const queued: CallbackRow[] = [];
  for (const [i, result] of results.entries()) {
    const { row, dialingListId } = found[i]!;
    if (result.ok) {
      deps.onChanged?.(row.id);
      queued.push(result.row);
    } else if (await markQueued(deps, row, campaign, dialingListId)) queued.push(row);
  }
  return queued;
}

/** UCCX did not take it: try again after `retryMs`. `uncertain` marks that UCCX may have it anyway (verify first). */
export function markImportFailed(deps: JobDeps, row: CallbackRow, error: string, uncertain: boolean, retryMs: number) {
  const at = new Date(deps.now().getTime() + retryMs);
  return change(
    deps,
    row,
    'import_failed',
    { ...RELEASED, nextAttemptAt: at, lastResult: uncertain ? 'import_uncertain' : 'import_failed' },
    [['import_failed', { error, uncertain, nextAttemptAt: at.toISOString() }]],
  );
}

export function markRejected(deps: JobDeps, row: CallbackRow, message: string) {
  return change(
    deps,
    row,
    'reject',
    { ...RELEASED, reason: 'rejected_by_uccx', nextAttemptAt: null, lastResult: message.slice(0, 40) },
    [['failed', { reason: 'rejected_by_uccx', message }]],
  );
}

/**
 * UCCX answered the import but does not hold the contact (a dropped duplicate, or not visible yet):
 * wait `retryMs`, then verify before pushing again (lastResult import_uncertain).
 */
export function markNotKept(deps: JobDeps, row: CallbackRow, retryMs: number, details: Record<string, unknown>) {
  const at = new Date(deps.now().getTime() + retryMs);
  return change(
    deps,
    row,
    'import_failed',
    { ...RELEASED, nextAttemptAt: at, lastResult: 'import_uncertain' },
    [['import_failed', { error: 'UCCX accepted the import but does not list the contact', notKept: true, uncertain: true, nextAttemptAt: at.toISOString(), ...details }]],
  );
}

/** UCCX did not keep the contact however often it was pushed: a clear end instead of re-pushing forever. */
export function markDropped(deps: JobDeps, row: CallbackRow, details: Record<string, unknown>) {
  return change(
    deps,
    row,
    'fail',
    { ...RELEASED, reason: 'dropped_by_uccx', nextAttemptAt: null, lastResult: 'dropped_by_uccx' },
    [['failed', { reason: 'dropped_by_uccx', ...details }]],
  );
}

/** A retry whose time is closed (skill hours, holiday, calling window) waits for the next open time. */
export function moveToOpenTime(deps: JobDeps, row: CallbackRow, at: Date, reason: string) {
  return change(deps, row, 'defer', { ...RELEASED, nextAttemptAt: at }, [['retry_scheduled', { nextAttemptAt: at.toISOString(), reason }]]);
}

/** Gives a claim back untouched (its campaign is being purged): scheduled or retry_wait as before. */
export function releaseClaim(deps: JobDeps, row: CallbackRow) {
  return change(deps, row, 'release', { ...RELEASED }, []);
}

/** The history of a tick's claims in one INSERT: the import request must not wait for one write per callback. */
export function recordClaims(deps: JobDeps, claims: Array<{ row: CallbackRow; reclaimed: boolean }>) {
  const at = deps.now();
  return appendHistoryRows(deps.db, claims.map(({ row, reclaimed }) => ({ callbackId: row.id, event: 'claimed' as const, actor: actorOf(deps), details: { owner: deps.owner, leaseUntil: row.leaseUntil, reclaimed }, at })));
}
