// One SQL operation: the active callbacks stored under any of a caller's possible E.164 numbers
// (the "customer calls in first" view). Uses the (phone_e164, campaign) index of active callbacks.
import { toCallback, type CallbackRow } from './callbacks.ts';
import type { Db } from '../index.ts';

/** How many callbacks one number can have at once is bounded by the campaigns; this caps the answer anyway. */
export const MAX_ACTIVE_FOR_NUMBER = 20;

export async function listActiveCallbacksForPhones(db: Db, phonesE164: readonly string[], activeStates: readonly string[]): Promise<CallbackRow[]> {
  if (phonesE164.length === 0) return [];
  const rows = await db.models.Callback.findAll({
    where: { phoneE164: [...phonesE164], status: [...activeStates] },
    order: [['scheduledAt', 'ASC'], ['id', 'ASC']],
    limit: MAX_ACTIVE_FOR_NUMBER,
  });
  return rows.map((r) => toCallback(r.get({ plain: true })));
}
