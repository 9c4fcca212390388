// What a booking's rules need from the database before its transaction, read in ONE statement:
// the places taken in the requested slot (per scope: SLOT_FULL pre-check), whether the number is on
// the do-not-call list (DO_NOT_CALL), and the active callback the number already has in the
// campaign (the duplicate check). Three statements before; each cost a round trip on the hot path.
// The transaction still re-checks the slot atomically and the partial unique index still decides
// duplicates that race past this read.
import type { Db } from '../index.ts';
import { driverRows } from '../driver-query.ts';

export interface BookingFactsQuery {
  /** The slot's start, or null when the time could not be read (nothing to count). */
  slotStart: Date | null;
  /** Slot-counter scopes to read (skill:…, agent:…). */
  scopes: string[];
  /** The number in E.164, or null when it is not valid (nothing to look up). */
  phoneE164: string | null;
  campaign: string;
  /** States that make an existing callback a duplicate; empty: do not look. */
  activeStates: readonly string[];
}

export interface BookingFacts {
  /** Places taken per scope (0 when the counter does not exist yet). */
  booked: Map<string, number>;
  doNotCall: boolean;
  /** The id of the number's active callback in the campaign, if any. */
  duplicateId: number | null;
}

export async function readBookingFacts(db: Db, q: BookingFactsQuery): Promise<BookingFacts> {
  // Each part answers (fact, key, n) rows; only the parts that have something to look up are sent.
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  if (q.slotStart && q.scopes.length) {
    parts.push("SELECT 'slot' AS fact, scope AS k, booked AS n FROM slot_counters WHERE scope IN (:scopes) AND slot_start = :slotStart");
    Object.assign(params, { scopes: q.scopes, slotStart: q.slotStart });
  }
  if (q.phoneE164) {
    parts.push("SELECT 'dnc' AS fact, phone_e164 AS k, 1 AS n FROM do_not_call_numbers WHERE phone_e164 = :phone");
    params.phone = q.phoneE164;
    if (q.activeStates.length) {
      parts.push("SELECT 'dup' AS fact, account_number AS k, id AS n FROM callbacks WHERE phone_e164 = :phone AND campaign = :campaign AND status IN (:states)");
      Object.assign(params, { campaign: q.campaign, states: [...q.activeStates] });
    }
  }
  const facts: BookingFacts = { booked: new Map(q.scopes.map((s) => [s, 0])), doNotCall: false, duplicateId: null };
  if (!parts.length) return facts;
  for (const row of await driverRows(db, parts.join(' UNION ALL '), params)) {
    if (row.fact === 'slot') facts.booked.set(String(row.k), Number(row.n));
    else if (row.fact === 'dnc') facts.doNotCall = true;
    else if (row.fact === 'dup') facts.duplicateId = Number(row.n);
  }
  return facts;
}
