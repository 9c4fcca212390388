// The reads the IVR needs, one function per SQL operation. The lookup only reads; the events
// write through transitionCallback (db/queries/transition.ts).
import type { Db } from '../db/index.ts';
import { toCallback, type CallbackRow } from '../db/queries/callbacks.ts';

/**
 * The callbacks of one campaign on any of `phonesE164`, newest booking first, `limit` at most.
 * Finished ones are included: a contact still in UCCX after a cancel must be answered as such.
 */
export async function findCampaignCallbacksByPhone(db: Db, campaign: string, phonesE164: string[], limit = 20): Promise<CallbackRow[]> {
  if (phonesE164.length === 0) return [];
  const rows = await db.models.Callback.findAll({
    where: { campaign, phoneE164: phonesE164 },
    order: [['scheduledAt', 'DESC'], ['id', 'DESC']],
    limit,
  });
  return rows.map((r) => toCallback(r.get({ plain: true })));
}
