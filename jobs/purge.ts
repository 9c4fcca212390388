// Purge (seed "Additional flows"): the UCCX dialing list is limited, and DELETE of all contacts is
// the only delete UCCX offers. So per campaign: hold the campaign's purge lock (dispatch leaves it
// alone meanwhile), apply the latest results, wait (bounded) for the calls in progress to end,
// take the callbacks still pending in UCCX into 'dispatching' under our lease (so a crash
// mid-purge is repaired by the dispatcher's verify-then-push), DELETE all contacts, then push
// those callbacks again. Nothing else is pushed again: a cancelled, expired or finished callback's
// contact goes with the DELETE. A call still in progress when the wait ends loses its contact row
// (its result can never reach db_cra): it gets a 'purged' entry with inFlight, and the deadlines
// job (jobs/deadlines.ts) finds the row gone after its state's deadline and moves it on.
import { DateTime } from 'luxon';
import type { Campaign } from '../domain/types.ts';
import { effectivePurgeAt } from '../domain/effective-config.ts';
import type { CallbackRow } from '../db/queries/callbacks.ts';
import { transitionCallbacks } from '../db/queries/transition.ts';
import { appendHistory } from '../db/queries/history.ts';
import { countLiveDispatches, listCallbacksOfCampaign, renewDispatchLeases } from './queries/callbacks.ts';
import { claimDailyRun, releaseJobLock, tryAcquireJobLock } from './queries/locks.ts';
import { resolveUccxCampaign, type JobDeps, type UccxCampaignRef } from './deps.ts';
import { chunks } from './dbcra/queries.ts';
import { purgeLockName } from './dispatch.ts';
import { syncCampaign } from './sync.ts';
import { expireOverdue } from './deadlines.ts';
import { findInUccx } from './uccx-presence.ts';
import { markQueued } from './transitions.ts';
import { CALL_STATUS } from './result-map.ts';

export interface PurgeSettings {
  /** Lease of the purge lock and of the callbacks taken for re-push. */
  leaseMs: number;
  batchSize: number;
  /** Longest wait for imports already in flight in this campaign. */
  waitForDispatchMs: number;
  /** Longest wait for the campaign's calls in progress (dialing, connected) to end before the DELETE (0: none). */
  waitForCallsMs?: number;
  /** How often the sync is repeated while waiting for calls. */
  pollMs?: number;
}

export interface PurgeReport {
  campaign: string;
  skipped?: string;
  pendingBefore: number;
  repushed: number;
  /** Calls still in progress at the DELETE, left to the deadlines job. */
  inFlight: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function purgeCampaign(deps: JobDeps, campaign: Campaign, settings: PurgeSettings): Promise<PurgeReport> {
  const report: PurgeReport = { campaign: campaign.name, pendingBefore: 0, repushed: 0, inFlight: 0 };
  const lock = purgeLockName(campaign.name);
  if (!(await tryAcquireJobLock(deps.db, lock, deps.owner, deps.now(), settings.leaseMs))) return { ...report, skipped: 'another instance is purging' };
  try {
    const target = await resolveUccxCampaign(deps, campaign);
    if (!target) return { ...report, skipped: 'no UCCX campaign' };
    const waitUntil = Date.now() + settings.waitForDispatchMs;
    while ((await countLiveDispatches(deps.db, campaign.name, deps.owner, deps.now())) > 0 && Date.now() < waitUntil) await sleep(100);
    await syncCampaign(deps, campaign.name, target);
    await expireOverdue(deps); // a queued callback past its expiry is not pushed again
    const inFlight = await waitForCalls(deps, campaign.name, target, settings);
    report.inFlight = inFlight.length;

    const pending = await stillPendingInUccx(deps, target, await listCallbacksOfCampaign(deps.db, campaign.name, ['queued']));
    report.pendingBefore = pending.length;
    deps.log.info({ campaign: campaign.name, uccxCampaignId: target.id, pending: pending.length }, 'purge: start');
    const taken = await takeForRepush(deps, pending, target, settings.leaseMs);

    await deps.uccx.deleteAllContacts(target.id);
    deps.log.info({ campaign: campaign.name, uccxCampaignId: target.id }, 'purge: all contacts deleted');
    await markInFlight(deps, inFlight, target);
    for (const batch of chunks(taken, Math.min(500, settings.batchSize))) {
      report.repushed += await repush(deps, target, batch, settings.leaseMs);
      deps.log.info({ campaign: campaign.name, repushed: report.repushed, of: taken.length }, 'purge: re-push progress');
    }
    return report;
  } finally {
    await releaseJobLock(deps.db, lock, deps.owner, deps.now());
  }
}

/** Waits (bounded) until no callback of the campaign is dialing or connected; returns the ones that still are. */
async function waitForCalls(deps: JobDeps, campaign: string, target: UccxCampaignRef, settings: PurgeSettings): Promise<CallbackRow[]> {
  const until = Date.now() + (settings.waitForCallsMs ?? 0);
  for (;;) {
    const calls = await listCallbacksOfCampaign(deps.db, campaign, ['dialing', 'connected']);
    if (calls.length === 0 || Date.now() >= until) return calls;
    deps.log.info({ campaign, calls: calls.length }, 'purge: waiting for calls in progress');
    await sleep(Math.min(settings.pollMs ?? 1000, Math.max(0, until - Date.now())));
    await syncCampaign(deps, campaign, target);
  }
}

/** Calls whose contact the DELETE took: recorded, so the history and the deadlines job know why no result comes. */
async function markInFlight(deps: JobDeps, calls: CallbackRow[], target: UccxCampaignRef): Promise<void> {
  for (const c of calls) {
    await appendHistory(deps.db, { callbackId: c.id, event: 'purged', actor: 'job:purge', details: { campaign: target.name, uccxCampaignId: target.id, inFlight: true, status: c.status }, at: deps.now() });
  }
  if (calls.length) deps.log.warn({ campaign: target.name, inFlight: calls.length }, 'purge: calls still in progress lost their contact; the deadlines job resolves them');
}

/**
 * The queued callbacks whose contact UCCX has not dialled yet: listed as pending (the CSV stops at
 * 10,000 rows), or open in db_cra (pending, callback, retry) on the callback's current row.
 */
async function stillPendingInUccx(deps: JobDeps, target: UccxCampaignRef, queued: CallbackRow[]): Promise<CallbackRow[]> {
  const open = new Set((await deps.uccx.pendingContacts(target.id)).map((c) => c.accountNumber));
  if (deps.reader && queued.length) {
    const current = new Map(queued.map((c) => [c.accountNumber, c.uccxDialingListId ?? 0]));
    for (const row of await deps.reader.readContacts([target.id], undefined, [...current.keys()])) {
      const openStatus = ![CALL_STATUS.active, CALL_STATUS.closed, CALL_STATUS.maxCalls].includes(row.callStatus as 2 | 3 | 5);
      if (openStatus && row.dialingListId >= (current.get(row.accountNumber) ?? 0)) open.add(row.accountNumber);
    }
  }
  return queued.filter((c) => open.has(c.accountNumber));
}

/**
 * Pending callbacks go to 'dispatching' under our lease: if we die, the dispatcher verifies and
 * re-pushes them. One transaction per 500 (transitionCallbacks), not one per callback.
 */
async function takeForRepush(deps: JobDeps, pending: CallbackRow[], target: UccxCampaignRef, leaseMs: number): Promise<CallbackRow[]> {
  const taken: CallbackRow[] = [];
  const now = deps.now();
  for (const batch of chunks(pending, 500)) {
    const results = await deps.db.transaction((t) =>
      transitionCallbacks(deps.db, batch.map((callback) => ({
        current: callback,
        req: {
          event: 'take_for_repush' as const,
          actor: 'job:purge',
          at: now,
          patch: { claimedBy: deps.owner, leaseUntil: new Date(now.getTime() + leaseMs) },
          history: [['purged', { campaign: target.name, uccxCampaignId: target.id }] as ['purged', Record<string, unknown>]],
        },
      })), t));
    for (const result of results) if (result.ok) taken.push(result.row);
  }
  return taken;
}

async function repush(deps: JobDeps, target: UccxCampaignRef, taken: CallbackRow[], leaseMs: number): Promise<number> {
  const held = await renewDispatchLeases(deps.db, taken.map((r) => r.id), deps.owner, deps.now(), leaseMs);
  const rows = taken.filter((r) => held.has(r.id));
  if (rows.length === 0) return 0;
  try {
    await deps.uccx.addContacts(target, rows.map((r) => ({ accountNumber: r.accountNumber, firstName: r.firstName, lastName: r.lastName, phone1: r.dialString })));
    const present = await findInUccx(deps, target, rows);
    let done = 0;
    for (const row of rows) {
      if (!present.has(row.accountNumber)) continue; // keeps its lease: the dispatcher verifies and pushes it
      const queued = await markQueued(deps, row, target, present.get(row.accountNumber) ?? null, { repushed: true });
      if (queued) {
        await appendHistory(deps.db, { callbackId: row.id, event: 'repushed', actor: 'job:purge', details: { dialingListId: queued.uccxDialingListId }, at: deps.now() });
        done++;
      }
    }
    return done;
  } catch (err) {
    deps.log.warn({ campaign: target.name, count: rows.length, error: (err as Error).message }, 'purge: re-push failed; the dispatcher re-pushes after the lease');
    return 0;
  }
}

/** The daily purge: once per local day at or after the campaign's purge time, else `purgeAt` ("HH:MM" in `zone`), once across instances. */
export async function purgeIfDue(deps: JobDeps, purgeAt: string, settings: PurgeSettings, zone = 'local'): Promise<PurgeReport[]> {
  const local = DateTime.fromJSDate(deps.now()).setZone(zone);
  const reports: PurgeReport[] = [];
  for (const campaign of (await deps.config()).campaigns) {
    const [h, m] = effectivePurgeAt(campaign, purgeAt).split(':').map(Number);
    if (local.hour * 60 + local.minute < h * 60 + m) continue;
    const runKey = local.toISODate() as string;
    if (!(await claimDailyRun(deps.db, `purge-daily:${campaign.name}`, runKey, deps.owner, deps.now(), settings.leaseMs))) continue;
    try {
      reports.push(await purgeCampaign(deps, campaign, settings));
    } finally {
      await releaseJobLock(deps.db, `purge-daily:${campaign.name}`, deps.owner, deps.now());
    }
  }
  return reports;
}
