// The do-not-call list: numbers UCCX reported as "do not call" (callresult 5), one row per E.164
// number. Booking refuses them (DO_NOT_CALL) and the dispatcher never pushes them. One function
// per SQL operation.
import { QueryTypes } from 'sequelize';
import type { Db, Tx } from '../index.ts';

/** Flags a number (kept once: a later flag changes nothing, the first source and time stay). */
export async function flagDoNotCall(db: Db, phoneE164: string, source: string, now: Date, t?: Tx): Promise<void> {
  await db.sequelize.query(db.sql.insertIgnore('do_not_call_numbers', ['phone_e164', 'flagged_at', 'source'], ['phone_e164']), {
    replacements: { phone_e164: phoneE164, flagged_at: now, source },
    transaction: t ?? undefined,
  });
}

/** True when the number is on the list (primary-key read). */
export async function isDoNotCall(db: Db, phoneE164: string, t?: Tx): Promise<boolean> {
  const rows = await db.sequelize.query('SELECT 1 AS flagged FROM do_not_call_numbers WHERE phone_e164 = :phone', {
    replacements: { phone: phoneE164 },
    type: QueryTypes.SELECT,
    transaction: t ?? undefined,
  });
  return rows.length > 0;
}

/** Which of `phonesE164` are on the list, 500 numbers per statement (a dispatch batch at most). */
export async function listDoNotCallAmong(db: Db, phonesE164: readonly string[], t?: Tx): Promise<Set<string>> {
  const unique = [...new Set(phonesE164)];
  const flagged = new Set<string>();
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db.sequelize.query<{ phone_e164: string }>('SELECT phone_e164 FROM do_not_call_numbers WHERE phone_e164 IN (:phones)', {
      replacements: { phones: unique.slice(i, i + 500) },
      type: QueryTypes.SELECT,
      transaction: t ?? undefined,
    });
    for (const row of rows) flagged.add(row.phone_e164);
  }
  return flagged;
}
