// "Is this callback's contact already in UCCX?" asked before any push whose earlier outcome is
// unknown (an expired lease, a timeout, a 5xx), so a contact is never imported twice. Two
// sources: the pending-contacts list (not yet dialled) and db_cra (also rows already dialled).
import type { CallbackRow } from '../db/queries/callbacks.ts';
import type { JobDeps, UccxCampaignRef } from './deps.ts';

/** Account number → dialing-list id (null when only the pending list knows it) of the callbacks present in UCCX. */
export async function findInUccx(deps: JobDeps, campaign: UccxCampaignRef, callbacks: readonly CallbackRow[]): Promise<Map<string, number | null>> {
  const present = new Map<string, number | null>();
  if (callbacks.length === 0) return present;
  const wanted = new Map(callbacks.map((c) => [c.accountNumber, c]));
  for (const contact of await deps.uccx.pendingContacts(campaign.id)) {
    if (wanted.has(contact.accountNumber)) present.set(contact.accountNumber, null);
  }
  if (deps.reader) {
    const rows = await deps.reader.readContacts([campaign.id], undefined, [...wanted.keys()]);
    for (const row of rows) {
      const callback = wanted.get(row.accountNumber);
      // A row of an earlier attempt (an id the callback already recorded) is not this attempt's contact.
      if (!callback || (callback.uccxDialingListId != null && row.dialingListId <= callback.uccxDialingListId)) continue;
      present.set(row.accountNumber, Math.max(row.dialingListId, present.get(row.accountNumber) ?? 0));
    }
  }
  return present;
}
