// The deadlines job (watchdog): nothing waits forever. Each active state has a deadline
// (domain/deadlines.ts); past it the callback is moved on through the lifecycle table:
// - waiting (scheduled, retry_wait), never dialled (queued) or left claimed by a dead dispatcher
//   (dispatching, lease run out) past scheduledAt + expiryHours → expired. A queued contact left in
//   UCCX is answered as expired by the IVR lookup and removed by the next purge (not re-pushed).
// - dialing / connected without news for dialingMinutes / connectedMinutes → ask db_cra and UCCX
//   where the call is. Gone (the purge deleted it) or closed without a result the sync could apply
//   → the attempt failed: retry per the campaign's policy, failed (max_attempts) when none is
//   left, expired when past the expiry. Still open there (or UCCX cannot be asked) → wait, at
//   most callMaxMinutes; then expired, never retried: a second contact while UCCX still holds the
//   first could call the customer twice. The IVR answers it as expired; the purge removes it.
import { transitionCallback } from '../db/queries/transition.ts';
import type { CallbackRow } from '../db/queries/callbacks.ts';
import type { LifecycleEvent } from '../domain/lifecycle.ts';
import { deadlineOf, expiresAt, type DeadlineSettings } from '../domain/deadlines.ts';
import type { HistoryEvent } from '../domain/types.ts';
import { lastHistoryTimes, listCallbacksInStates, listExpiryCandidates } from './queries/callbacks.ts';
import { findObservations } from './queries/sync-state.ts';
import type { JobDeps } from './deps.ts';
import { CALL_STATUS } from './result-map.ts';
import { decideRetry } from './retry-policy.ts';

export interface DeadlinesSummary {
  expired: number;
  attemptsFailed: number;
  failed: number;
  /** Calls past their verify time that UCCX still shows open. */
  stillInUccx: number;
}

type Found = 'gone' | 'closed' | 'open';

const CLOSED: readonly number[] = [CALL_STATUS.closed, CALL_STATUS.maxCalls];

export async function deadlinesOnce(deps: JobDeps, settings: DeadlineSettings, limit = 500): Promise<DeadlinesSummary> {
  const summary: DeadlinesSummary = { expired: await expireOverdue(deps, limit), attemptsFailed: 0, failed: 0, stillInUccx: 0 };
  await resolveCalls(deps, settings, (await deps.config()).rules.expiryHours, limit, summary);
  if (summary.expired + summary.attemptsFailed + summary.failed > 0) deps.log.info({ ...summary }, 'deadlines');
  return summary;
}

/**
 * The expiry part alone: callbacks waiting, queued or left claimed past scheduledAt + expiryHours
 * are expired. The dispatch worker runs it before each claim and the purge before it re-pushes,
 * so nothing past its expiry is pushed to UCCX in the seconds before the deadlines job's turn.
 */
export async function expireOverdue(deps: JobDeps, limit = 500): Promise<number> {
  const { rules } = await deps.config();
  const now = deps.now();
  const cutoff = new Date(now.getTime() - rules.expiryHours * 3_600_000);
  let expired = 0;
  for (const callback of await listExpiryCandidates(deps.db, cutoff, now, limit)) {
    const details = { reason: 'deadline', previousStatus: callback.status, scheduledAt: callback.scheduledAt, expiryHours: rules.expiryHours, attempts: callback.attempts };
    if (await move(deps, callback, 'expire', { nextAttemptAt: null, claimedBy: null, leaseUntil: null }, ['expired', details])) expired++;
  }
  return expired;
}

/** Calls (dialing, connected) past their verify time: asked about in UCCX, moved on when they ended unseen. */
async function resolveCalls(deps: JobDeps, settings: DeadlineSettings, expiryHours: number, limit: number, summary: DeadlinesSummary) {
  const now = deps.now();
  const calls = await listCallbacksInStates(deps.db, ['dialing', 'connected'], limit);
  const lastChange = await lastHistoryTimes(deps.db, calls.map((c) => c.id));
  const due = calls
    .map((c) => ({ c, deadline: deadlineOf({ ...c, lastChangeAt: lastChange.get(c.id) ?? c.updatedAt }, expiryHours, settings)! }))
    .filter(({ deadline }) => deadline.at <= now);
  if (due.length === 0) return;
  const found = await whereAreTheCalls(deps, due.map((d) => d.c));
  const counted = await findObservations(deps.db, due.flatMap(({ c }) => (c.uccxDialingListId != null ? [c.uccxDialingListId] : [])));
  for (const { c, deadline } of due) {
    const where = found.get(c.id) ?? 'open';
    if (where === 'open' && deadline.hardAt > now) {
      summary.stillInUccx++;
      continue;
    }
    // The sync counts an attempt when db_cra shows its calls; a call lost with its row was not counted.
    const seen = c.uccxDialingListId != null && (counted.get(c.uccxDialingListId)?.callsCounted ?? 0) > 0;
    const attempts = seen ? c.attempts : c.attempts + 1;
    const details = { reason: 'deadline', previousStatus: c.status, found: where, attempts };
    const released = { claimedBy: null, leaseUntil: null };
    const decision = decideRetry((await deps.config()).campaigns.find((k) => k.name === c.campaign)?.retryPolicy, 'default', attempts, now);
    if (where === 'open' || now >= expiresAt(c, expiryHours) || (decision.kind === 'retry' && decision.at >= expiresAt(c, expiryHours))) {
      if (await move(deps, c, 'expire', { ...released, attempts, nextAttemptAt: null }, ['expired', details])) summary.expired++;
    } else if (decision.kind === 'retry') {
      const patch = { ...released, attempts, nextAttemptAt: decision.at, lastResult: 'deadline' };
      if (await move(deps, c, 'attempt_failed', patch, ['retry_scheduled', { ...details, nextAttemptAt: decision.at.toISOString(), maxAttempts: decision.maxAttempts }])) summary.attemptsFailed++;
    } else {
      const patch = { ...released, attempts, nextAttemptAt: null, reason: 'max_attempts', lastResult: 'deadline' };
      if (await move(deps, c, 'fail', patch, ['failed', { ...details, maxAttempts: decision.maxAttempts }])) summary.failed++;
    }
  }
}

/**
 * Per callback: its contact of this attempt is still open in UCCX (pending list, or a db_cra row
 * not closed), closed, or gone. When UCCX cannot be asked the call counts as open (wait), so only
 * the hard deadline moves it.
 */
export async function whereAreTheCalls(deps: JobDeps, calls: CallbackRow[]): Promise<Map<number, Found>> {
  const found = new Map<number, Found>();
  const byCampaign = new Map<number, CallbackRow[]>();
  for (const c of calls) {
    if (c.uccxCampaignId == null) found.set(c.id, 'gone');
    else byCampaign.set(c.uccxCampaignId, [...(byCampaign.get(c.uccxCampaignId) ?? []), c]);
  }
  for (const [campaignId, list] of byCampaign) {
    try {
      const pending = new Set((await deps.uccx.pendingContacts(campaignId)).map((p) => p.accountNumber));
      const rows = deps.reader ? await deps.reader.readContacts([campaignId], undefined, list.map((c) => c.accountNumber)) : [];
      for (const c of list) {
        // Only this attempt's rows: an earlier attempt's closed row says nothing about this one.
        const mine = rows.filter((r) => r.accountNumber === c.accountNumber && r.dialingListId >= (c.uccxDialingListId ?? 0));
        if (pending.has(c.accountNumber) || mine.some((r) => !CLOSED.includes(r.callStatus))) found.set(c.id, 'open');
        else found.set(c.id, mine.length ? 'closed' : 'gone');
      }
    } catch (err) {
      deps.log.warn({ uccxCampaignId: campaignId, count: list.length, error: (err as Error).message }, 'deadlines: cannot ask UCCX; calls wait for their hard deadline');
    }
  }
  return found;
}

async function move(deps: JobDeps, c: CallbackRow, event: LifecycleEvent, patch: Record<string, unknown>, history: [HistoryEvent, Record<string, unknown>]): Promise<boolean> {
  const result = await transitionCallback(deps.db, c, { event, actor: 'job:deadlines', at: deps.now(), patch, history: [history] });
  if (!result.ok) {
    deps.log.warn({ callbackId: c.id, event, from: result.from, code: result.code }, 'deadlines: event not applied; left as it is');
    return false;
  }
  deps.onChanged?.(c.id);
  return true;
}
