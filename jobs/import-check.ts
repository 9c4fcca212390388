// After UCCX answered an import (200/202): did it keep every contact? With
// allowDuplicateContacts=false UCCX drops a contact whose phone is pending or was dialled since
// midnight, yet still answers 202 (Cisco: "Add Contacts to Campaign", "Data Structure for Campaign
// Contacts"). The import status (GET …/contacts/status, the MANUAL entry) says when the import has
// finished and how many contacts it took; a contact then missing from UCCX was not kept. Each such
// push is counted in the callback's history; after `maxUnkeptPushes` the callback fails with
// reason dropped_by_uccx instead of being pushed again forever.
import type { CallbackRow } from '../db/queries/callbacks.ts';
import { listHistory } from '../db/queries/history.ts';
import type { JobDeps, UccxCampaignRef } from './deps.ts';
import { markDropped, markNotKept } from './transitions.ts';
import type { ImportStatus } from './uccx/contacts-xml.ts';

export interface ImportCheckSettings {
  /** Pushes UCCX answered but did not keep before the callback fails (dropped_by_uccx). */
  maxUnkeptPushes: number;
  /** Wait before a not-kept contact is verified and pushed again. */
  importRetryMs: number;
}

/** Result words of an import still running (Cisco documents SUCCESS only; the others are guarded against). */
const RUNNING = /progress|running|started|pending|queued|scheduled/i;

/** The MANUAL import's status once it has finished, or null (still running, or not readable: decide later). */
export async function finishedImportStatus(deps: JobDeps, target: UccxCampaignRef): Promise<ImportStatus | null> {
  try {
    const status = await deps.uccx.importStatus(target.id);
    if (!status.result || RUNNING.test(status.result)) return null;
    return status;
  } catch (err) {
    deps.log.warn({ campaign: target.name, error: (err as Error).message }, 'import status not readable; the contacts are verified after the lease');
    return null;
  }
}

/** How often this callback was pushed and not kept since it was booked or last rescheduled. */
export async function countUnkeptPushes(deps: JobDeps, callbackId: number): Promise<number> {
  let count = 0;
  for (const entry of await listHistory(deps.db, callbackId)) {
    if (entry.event === 'rescheduled') count = 0;
    else if (entry.event === 'import_failed' && entry.details.notKept === true) count++;
  }
  return count;
}

/** Callbacks pushed in an import that finished without them: verify and push again later, or fail. */
export async function settleNotKept(deps: JobDeps, settings: ImportCheckSettings, target: UccxCampaignRef, rows: CallbackRow[], status: ImportStatus, sent: number): Promise<{ dropped: number; retried: number }> {
  const outcome = { dropped: 0, retried: 0 };
  const details = { campaign: target.name, importResult: status.result, numContactsImported: status.numContactsImported, sent };
  for (const row of rows) {
    const pushes = (await countUnkeptPushes(deps, row.id)) + 1;
    if (pushes >= settings.maxUnkeptPushes) {
      if (await markDropped(deps, row, { ...details, unkeptPushes: pushes })) outcome.dropped++;
    } else if (await markNotKept(deps, row, settings.importRetryMs, { ...details, unkeptPushes: pushes })) outcome.retried++;
  }
  if (rows.length) deps.log.warn({ ...details, notKept: rows.length, ...outcome }, 'UCCX finished the import without some contacts (duplicates dropped?)');
  return outcome;
}
