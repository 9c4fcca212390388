// Result sync (status dataflow A-C): read the callback campaigns' rows from db_cra incrementally
// and move each callback on. db_cra has no last-modified column, so each run reads the rows newer
// than the campaign's dialinglistid cursor plus the rows of callbacks still in UCCX, and applies a
// row only when its state differs from what the sync last applied (uccx_contact_observations).
import { findCallbacksByAccountNumbers, listCallbacksInUccx } from './queries/callbacks.ts';
import { findObservations, getSyncCursor, saveSyncCursor } from './queries/sync-state.ts';
import { releaseJobLock, tryAcquireJobLock } from './queries/locks.ts';
import { resolveUccxCampaign, type JobDeps, type UccxCampaignRef } from './deps.ts';
import type { DbCraCallDetail, DbCraContact } from './dbcra/reader.ts';
import { CALL_STATUS, type CallOutcome } from './result-map.ts';
import { DEFAULT_CALLRESULT_MAP, outcomeOf } from '../domain/rules/call-results.ts';
import { applyContactRow } from './sync-apply.ts';
import type { CallbackRow } from '../db/queries/callbacks.ts';

export interface SyncSummary {
  campaigns: number;
  rowsRead: number;
  applied: number;
  skipped: boolean;
}

export const SYNC_LOCK = 'sync';

/** One sync run over every configured campaign; only one instance runs it at a time (job lock). */
export async function syncOnce(deps: JobDeps, opts: { lockMs?: number } = {}): Promise<SyncSummary> {
  const summary: SyncSummary = { campaigns: 0, rowsRead: 0, applied: 0, skipped: false };
  if (!deps.reader) return { ...summary, skipped: true };
  if (!(await tryAcquireJobLock(deps.db, SYNC_LOCK, deps.owner, deps.now(), opts.lockMs ?? 60_000))) return { ...summary, skipped: true };
  try {
    for (const campaign of (await deps.config()).campaigns) {
      let target: UccxCampaignRef | null = null;
      try {
        target = await resolveUccxCampaign(deps, campaign);
      } catch (err) {
        deps.log.warn({ campaign: campaign.name, error: (err as Error).message }, 'sync: UCCX campaign unknown for now');
      }
      if (!target) continue;
      summary.campaigns++;
      const { rowsRead, applied } = await syncCampaign(deps, campaign.name, target);
      summary.rowsRead += rowsRead;
      summary.applied += applied;
    }
  } finally {
    await releaseJobLock(deps.db, SYNC_LOCK, deps.owner, deps.now());
  }
  if (summary.applied) deps.log.info({ ...summary }, 'sync');
  return summary;
}

export async function syncCampaign(deps: JobDeps, campaign: string, target: UccxCampaignRef): Promise<{ rowsRead: number; applied: number }> {
  const reader = deps.reader;
  if (!reader) return { rowsRead: 0, applied: 0 };
  const cursor = await getSyncCursor(deps.db, target.id);
  const inUccx = await listCallbacksInUccx(deps.db, campaign);
  const rows = await reader.readContacts([target.id], cursor, inUccx.map((c) => c.accountNumber));
  if (rows.length === 0) return { rowsRead: 0, applied: 0 };

  const callbacks = new Map((await findCallbacksByAccountNumbers(deps.db, [...new Set(rows.map((r) => r.accountNumber))])).map((c) => [c.accountNumber, c]));
  const observations = await findObservations(deps.db, rows.map((r) => r.dialingListId));
  const details = await readRoutingDetails(deps, target, rows, callbacks);
  let applied = 0;
  for (const row of rows) {
    const callback = callbacks.get(row.accountNumber);
    if (!callback) continue; // a contact the Campaign Manager did not import
    const call = callOutcomeOf(details, row, callback);
    if (await applyContactRow(deps, { row, callback, observation: observations.get(row.dialingListId) ?? null, call })) applied++;
  }
  const highest = Math.max(cursor, ...rows.map((r) => r.dialingListId));
  if (highest > cursor) await saveSyncCursor(deps.db, target.id, highest, deps.now());
  return { rowsRead: rows.length, applied };
}

/** ContactCallDetail of the rows that were answered or are being handled: where the IVR routed them, and whether an agent talked. */
async function readRoutingDetails(deps: JobDeps, target: UccxCampaignRef, rows: DbCraContact[], callbacks: Map<string, CallbackRow>): Promise<DbCraCallDetail[]> {
  const map = deps.callResultMap ?? DEFAULT_CALLRESULT_MAP;
  const answered = rows.filter((r) => r.callStatus === CALL_STATUS.active || outcomeOf(map, r.callResult) === 'answered');
  if (answered.length === 0 || !deps.reader) return [];
  const callbackIds = answered.map((r) => callbacks.get(r.accountNumber)?.id).filter((id): id is number => id != null).map(String);
  return deps.reader.readCallDetails([target.id], { dialingListIds: answered.map((r) => r.dialingListId), callbackIds });
}

/**
 * The row's call as ContactCallDetail tells it: matched by dialing-list id, else by the callback id
 * the script set (_ccdrVar1). Several legs (a transfer): an agent on any of them counts.
 */
function callOutcomeOf(details: DbCraCallDetail[], row: DbCraContact, callback: CallbackRow): CallOutcome | null {
  const byRow = details.filter((d) => d.dialingListId === row.dialingListId);
  const legs = byRow.length ? byRow : details.filter((d) => d.callbackId === String(callback.id) && d.dialingListId == null);
  if (legs.length === 0) return null;
  const agentLeg = legs.find((d) => d.agentConnected);
  const leg = agentLeg ?? legs.find((d) => d.routedTo) ?? legs[0]!;
  return { routedTo: leg.routedTo ?? legs.find((d) => d.routedTo)?.routedTo ?? null, disposition: leg.disposition, agentConnected: Boolean(agentLeg) };
}
