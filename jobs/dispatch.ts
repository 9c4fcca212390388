// Dispatch (seed steps 5-7): claim the callbacks that are due, push them into the UCCX callback
// campaign of their DDI, and record what UCCX accepted. The database decides what is due and who
// owns it (a claim is a lease), so several instances and crashes are safe:
// - a claim whose lease ran out (crashed or stalled instance) is first checked against UCCX;
// - an import UCCX may have taken despite an error (timeout, 5xx) is checked before the next push;
// - an import UCCX certainly did not take waits in retry_wait and is tried again.
import { claimDueCallbacks, reclaimExpiredCallbacks, type CallbackRow } from '../db/queries/callbacks.ts';
import { listDoNotCallAmong } from '../db/queries/do-not-call.ts';
import { transitionCallback } from '../db/queries/transition.ts';
import { renewDispatchLeases } from './queries/callbacks.ts';
import { isJobLocked } from './queries/locks.ts';
import { chunks } from './dbcra/queries.ts';
import { resolveUccxCampaign, type DispatchSettings, type JobDeps, type UccxCampaignRef } from './deps.ts';
import { findInUccx } from './uccx-presence.ts';
import { closedReason, nextOpenTime } from './open-time.ts';
import { markImportFailed, markQueued, markQueuedMany, markRejected, moveToOpenTime, recordClaims, releaseClaim } from './transitions.ts';
import { UccxError } from './uccx/errors.ts';
import { finishedImportStatus, settleNotKept } from './import-check.ts';
import { failureCause } from '../db/dependency-watch.ts';
import { reportJobMetric } from './job-metrics.ts';

/** CM_IMPORT_AHEAD_SECONDS: callbacks are claimed and imported this long before they are due, so the dial lands on time. */
export type WakeDispatchSettings = DispatchSettings & { importAheadMs?: number };

export interface DispatchSummary {
  claimed: number;
  reclaimed: number;
  imported: number;
  alreadyInUccx: number;
  failed: number;
  deferred: number;
}

/** The lock name a campaign's purge holds; dispatch leaves that campaign alone meanwhile. */
export const purgeLockName = (campaign: string) => `purge:${campaign}`;

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

export async function dispatchOnce(deps: JobDeps, settings: WakeDispatchSettings): Promise<DispatchSummary> {
  const summary: DispatchSummary = { claimed: 0, reclaimed: 0, imported: 0, alreadyInUccx: 0, failed: 0, deferred: 0 };
  const claim = { now: deps.now(), owner: deps.owner, leaseMs: settings.leaseMs, limit: settings.claimLimit };
  const reclaimed = await reclaimExpiredCallbacks(deps.db, claim);
  const due = await claimDueCallbacks(deps.db, { ...claim, aheadMs: settings.importAheadMs ?? 0 });
  summary.reclaimed = reclaimed.length;
  summary.claimed = due.length;
  if (reclaimed.length + due.length === 0) return summary;
  await recordClaims(deps, [...reclaimed.map((row) => ({ row, reclaimed: true })), ...due.map((row) => ({ row, reclaimed: false }))]);

  const open = await deferClosedRetries(deps, due, summary);
  const verify = new Set([...reclaimed, ...open.filter((r) => r.lastResult === 'import_uncertain')].map((r) => r.id));
  const byCampaign = new Map<string, CallbackRow[]>();
  for (const row of [...reclaimed, ...open]) byCampaign.set(row.campaign, [...(byCampaign.get(row.campaign) ?? []), row]);
  for (const [campaign, rows] of byCampaign) await dispatchCampaign(deps, settings, campaign, rows, verify, summary);
  if (summary.imported + summary.failed + summary.alreadyInUccx > 0) deps.log.info({ ...summary }, 'dispatch');
  return summary;
}

/** When the customer was promised the call (this attempt's due time); imports may run ahead of it. */
const promisedTime = (row: CallbackRow) => new Date(row.nextAttemptAt ?? row.scheduledAt);

/**
 * Retries re-check skill hours, holidays and the calling window at the time they will be dialled
 * (the promised time, even when imported ahead of it); closed ones move to the next open time.
 */
async function deferClosedRetries(deps: JobDeps, rows: CallbackRow[], summary: DispatchSummary): Promise<CallbackRow[]> {
  const config = await deps.config();
  const open: CallbackRow[] = [];
  for (const row of rows) {
    const dialAt = new Date(Math.max(deps.now().getTime(), promisedTime(row).getTime()));
    const reason = row.attempts > 0 ? closedReason(row, config, dialAt) : null;
    if (!reason) {
      open.push(row);
      continue;
    }
    // Nothing open within two weeks means broken configuration: look again tomorrow rather than drop it.
    const at = nextOpenTime(row, config, dialAt) ?? new Date(deps.now().getTime() + 86_400_000);
    await moveToOpenTime(deps, row, at, reason);
    summary.deferred++;
  }
  return open;
}

async function dispatchCampaign(deps: JobDeps, settings: WakeDispatchSettings, name: string, rows: CallbackRow[], verify: Set<number>, summary: DispatchSummary) {
  const certain = rows.filter((r) => !verify.has(r.id));
  if (await isJobLocked(deps.db, purgeLockName(name), deps.now())) {
    // Contacts pushed while the purge deletes would be lost; unverified claims keep their lease.
    for (const row of certain) await releaseClaim(deps, row);
    summary.deferred += certain.length;
    return;
  }
  const campaign = (await deps.config()).campaigns.find((c) => c.name === name);
  let target: UccxCampaignRef | null = null;
  try {
    target = campaign ? await resolveUccxCampaign(deps, campaign) : null;
  } catch (err) {
    for (const row of certain) await markImportFailed(deps, row, errorText(err), false, settings.importRetryMs);
    countFailures(`campaign_${failureCause(err)}`, certain.length);
    return;
  }
  if (!target) {
    const message = `no UCCX campaign for "${name}" (${campaign?.uccxCampaignName ?? 'campaign not configured'})`;
    for (const row of certain) await markImportFailed(deps, row, message, false, settings.importRetryMs);
    countFailures('no_campaign', certain.length);
    return;
  }
  const toPush = [...certain];
  const toVerify = rows.filter((r) => verify.has(r.id));
  if (toVerify.length) {
    try {
      const present = await findInUccx(deps, target, toVerify);
      for (const row of toVerify) {
        if (present.has(row.accountNumber)) {
          if (await markQueued(deps, row, target, present.get(row.accountNumber) ?? null, { verified: true })) summary.alreadyInUccx++;
        } else toPush.push(row);
      }
    } catch (err) {
      // Cannot tell whether UCCX has them: pushing could duplicate. Their lease expires and they are checked again.
      deps.log.warn({ campaign: name, count: toVerify.length, error: errorText(err) }, 'cannot verify unconfirmed imports; will retry after the lease');
    }
  }
  const allowed = await refuseDoNotCall(deps, toPush, summary);
  // Every import request goes out first, then each is confirmed: the last contact of a large due
  // second is not kept waiting behind the confirmations of the batches before it.
  const accepted: Array<{ rows: CallbackRow[]; at: Date }> = [];
  for (const batch of chunks(allowed, Math.min(500, settings.batchSize))) await pushBatch(deps, settings, target, batch, summary, accepted);
  for (const { rows, at } of accepted) await confirmImported(deps, settings, target, rows, summary, at);
}

/**
 * The last check before a push: a number flagged do-not-call since the booking (UCCX reported it
 * on another callback) is never dialled; its callback fails with reason do_not_call.
 */
async function refuseDoNotCall(deps: JobDeps, rows: CallbackRow[], summary: DispatchSummary): Promise<CallbackRow[]> {
  const flagged = rows.length ? await listDoNotCallAmong(deps.db, rows.map((r) => r.phoneE164)) : new Set<string>();
  if (flagged.size === 0) return rows;
  for (const row of rows.filter((r) => flagged.has(r.phoneE164))) {
    const patch = { claimedBy: null, leaseUntil: null, reason: 'do_not_call', nextAttemptAt: null };
    const result = await transitionCallback(deps.db, row, { event: 'fail', actor: `job:${deps.owner}`.slice(0, 50), at: deps.now(), patch, history: [['failed', { reason: 'do_not_call', when: 'before_import' }]] });
    if (result.ok) {
      summary.failed++;
      countFailures('do_not_call', 1);
      deps.onChanged?.(row.id);
    } else deps.log.warn({ callbackId: row.id, event: 'fail', from: result.from, code: result.code }, 'lifecycle: event not applied; left as it is');
  }
  return rows.filter((r) => !flagged.has(r.phoneE164));
}

/** One import request; data UCCX refuses is split until the refused contacts are alone. */
async function pushBatch(deps: JobDeps, settings: WakeDispatchSettings, target: UccxCampaignRef, claimed: CallbackRow[], summary: DispatchSummary, accepted: Array<{ rows: CallbackRow[]; at: Date }>): Promise<void> {
  const held = await renewDispatchLeases(deps.db, claimed.map((r) => r.id), deps.owner, deps.now(), settings.leaseMs);
  const rows = claimed.filter((r) => held.has(r.id));
  if (rows.length < claimed.length) deps.log.warn({ campaign: target.name, lost: claimed.length - rows.length }, 'claims ran out before the import; left to whoever holds them now');
  if (rows.length === 0) return;
  try {
    await deps.uccx.addContacts(target, rows.map((r) => ({ accountNumber: r.accountNumber, firstName: r.firstName, lastName: r.lastName, phone1: r.dialString })));
  } catch (err) {
    if (err instanceof UccxError && err.permanent) {
      if (rows.length > 1) {
        const half = Math.ceil(rows.length / 2);
        await pushBatch(deps, settings, target, rows.slice(0, half), summary, accepted);
        await pushBatch(deps, settings, target, rows.slice(half), summary, accepted);
      } else if (await markRejected(deps, rows[0], err.uccxMessage ?? err.message)) {
        summary.failed++;
        countFailures('rejected', 1);
      }
      return;
    }
    const uncertain = !(err instanceof UccxError) || err.uncertain;
    deps.log.warn({ campaign: target.name, count: rows.length, uncertain, error: errorText(err) }, 'UCCX import failed');
    for (const row of rows) await markImportFailed(deps, row, errorText(err), uncertain, settings.importRetryMs);
    countFailures(failureCause(err), rows.length);
    return;
  }
  accepted.push({ rows, at: deps.now() });
}

/**
 * Reads back what UCCX holds. A contact missing once the import has finished was not kept
 * (import-check.ts); one missing while the import may still run keeps its lease and is verified when it expires.
 */
async function confirmImported(deps: JobDeps, settings: WakeDispatchSettings, target: UccxCampaignRef, rows: CallbackRow[], summary: DispatchSummary, acceptedAt: Date): Promise<void> {
  let present: Map<string, number | null>;
  try {
    present = await findInUccx(deps, target, rows);
  } catch (err) {
    deps.log.warn({ campaign: target.name, count: rows.length, error: errorText(err) }, 'imported but not confirmed yet; verified after the lease');
    return;
  }
  const missing = rows.filter((r) => !present.has(r.accountNumber));
  const status = missing.length ? await finishedImportStatus(deps, target) : null;
  if (status) {
    const dropped = (await settleNotKept(deps, settings, target, missing, status, rows.length)).dropped;
    summary.failed += dropped;
    countFailures('not_kept', missing.length);
  }
  else for (const row of missing) deps.log.warn({ callbackId: row.id, campaign: target.name }, 'UCCX accepted the import but does not list the contact; verified after the lease');
  const found = rows.filter((r) => present.has(r.accountNumber)).map((row) => ({ row, dialingListId: present.get(row.accountNumber) ?? null }));
  for (const row of await markQueuedMany(deps, target, found)) {
    summary.imported++;
    reportImportLag(settings, row, acceptedAt);
  }
}

/** Due → import lag: from the promised time minus the import-ahead (when the claim could first take it) until UCCX accepted the import (counted once confirmed). */
function reportImportLag(settings: WakeDispatchSettings, row: CallbackRow, acceptedAt: Date): void {
  const dueAt = promisedTime(row).getTime() - (settings.importAheadMs ?? 0);
  reportJobMetric({ type: 'importLag', seconds: Math.max(0, acceptedAt.getTime() - dueAt) / 1000 });
}

function countFailures(cause: string, count: number): void {
  if (count > 0) reportJobMetric({ type: 'importFailure', cause, count });
}
