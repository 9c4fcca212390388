// Result sync (status dataflow A-C): read the callback campaigns' rows from db_cra incrementally
// and move each callback on. db_cra has no last-modified column, so each run reads the rows newer
// than the campaign's dialinglistid cursor plus the rows of callbacks still in UCCX, and applies a
// row only when its state differs from what the sync last applied (uccx_contact_observations).
import { IN_UCCX_STATES } from './queries/callbacks.ts';
import { findObservations, getSyncCursor, listAccountsInUccx, readCallbacksByAccountNumbers, saveSyncCursor } from './queries/sync-state.ts';
import { releaseJobLock, tryAcquireJobLock } from './queries/locks.ts';
import { resolveUccxCampaign, type JobDeps, type UccxCampaignRef } from './deps.ts';
import type { DbCraCallDetail, DbCraContact } from './dbcra/reader.ts';
import { CALL_STATUS, type CallOutcome } from './result-map.ts';
import { DEFAULT_CALLRESULT_MAP, outcomeOf } from '../domain/rules/call-results.ts';
import { applyContactRows } from './sync-apply.ts';
import type { CallbackRow } from '../db/queries/callbacks.ts';

export interface SyncSummary {
  campaigns: number;
  rowsRead: number;
  applied: number;
  skipped: boolean;
}

export const SYNC_LOCK = 'sync';

/** Rows applied per transaction: one commit per 500 rows instead of one per row. */
export const SYNC_BATCH = 500;

/** One sync run over every configured campaign; only one instance runs it at a time (job lock). */
export async function syncOnce(deps: JobDeps, opts: { lockMs?: number; batchSize?: number } = {}): Promise<SyncSummary> {
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
      const { rowsRead, applied } = await syncCampaign(deps, campaign.name, target, opts.batchSize);
      summary.rowsRead += rowsRead;
      summary.applied += applied;
    }
  } finally {
    await releaseJobLock(deps.db, SYNC_LOCK, deps.owner, deps.now());
  }
  if (summary.applied) deps.log.info({ ...summary }, 'sync');
  return summary;
}

/**
 * Reads the campaign's new and in-flight rows and applies them in batches of `batchSize`, each
 * batch in one transaction that also moves the cursor past it: a crash mid-batch leaves the cursor
 * before the batch, and the rows read again are no-ops where their observation was saved.
 */
export async function syncCampaign(deps: JobDeps, campaign: string, target: UccxCampaignRef, batchSize = SYNC_BATCH): Promise<{ rowsRead: number; applied: number }> {
  const reader = deps.reader;
  if (!reader) return { rowsRead: 0, applied: 0 };
  const cursor = await getSyncCursor(deps.db, target.id);
  // Rows above the cursor are read anyway; by account number only the callbacks whose current row
  // may lie at or below it (rows of earlier attempts are ignored when applied).
  const inUccx = (await listAccountsInUccx(deps.db, campaign, IN_UCCX_STATES)).filter((c) => c.dialingListId == null || c.dialingListId <= cursor);
  const rows = await reader.readContacts([target.id], cursor, inUccx.map((c) => c.accountNumber));
  // Saved on every read, even of nothing new: its time is the sync lag /metrics reports.
  if (rows.length === 0) {
    await saveSyncCursor(deps.db, target.id, cursor, deps.now());
    return { rowsRead: 0, applied: 0 };
  }
  let applied = 0;
  let highest = cursor;
  for (const batch of batchesOf(rows, batchSize)) {
    highest = Math.max(highest, ...batch.map((r) => r.dialingListId));
    applied += await syncBatch(deps, target, batch, highest);
  }
  return { rowsRead: rows.length, applied };
}

/** Consecutive rows, at most `size`, and never two rows of one account number (each callback is read once per batch). */
export function batchesOf(rows: readonly DbCraContact[], size: number): DbCraContact[][] {
  const out: DbCraContact[][] = [];
  let batch: DbCraContact[] = [];
  let accounts = new Set<string>();
  for (const row of rows) {
    if (batch.length >= size || accounts.has(row.accountNumber)) {
      out.push(batch);
      batch = [];
      accounts = new Set();
    }
    batch.push(row);
    accounts.add(row.accountNumber);
  }
  if (batch.length) out.push(batch);
  return out;
}

/** One batch: its callbacks, observations and call details read in one statement each, applied in one transaction with the cursor. */
async function syncBatch(deps: JobDeps, target: UccxCampaignRef, rows: DbCraContact[], cursor: number): Promise<number> {
  const callbacks = new Map((await readCallbacksByAccountNumbers(deps.db, [...new Set(rows.map((r) => r.accountNumber))])).map((c) => [c.accountNumber, c]));
  const observations = await findObservations(deps.db, rows.map((r) => r.dialingListId));
  const details = await readRoutingDetails(deps, target, rows, callbacks);
  const inputs = rows.flatMap((row) => {
    const callback = callbacks.get(row.accountNumber);
    if (!callback) return []; // a contact the Campaign Manager did not import
    return [{ row, callback, observation: observations.get(row.dialingListId) ?? null, call: callOutcomeOf(details, row, callback) }];
  });
  const changed = await applyContactRows(deps, inputs, (t) => saveSyncCursor(deps.db, target.id, cursor, deps.now(), t));
  return changed.length;
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
