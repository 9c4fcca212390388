// Slot capacity counters. A booking takes a place with one conditional UPDATE, which every
// dialect executes atomically: of two agents racing for the last place only one row-count is 1.
import { Op, QueryTypes } from 'sequelize';
import { iso, type Db, type Tx } from '../index.ts';
import { driverRun } from '../driver-query.ts';

export const skillScope = (skill: string) => `skill:${skill}`;
export const agentScope = (agentId: string) => `agent:${agentId}`;

/** Takes one place in the slot if fewer than `capacity` are taken; false when the slot is full. */
export async function reserveSlot(db: Db, scope: string, slotStart: Date, capacity: number, t?: Tx): Promise<boolean> {
  // Most bookings land in a slot that has a counter already: try the conditional UPDATE first and
  // create the counter only when it touched nothing (one statement instead of two).
  if (await takeOne(db, scope, slotStart, capacity, t)) return true;
  await driverRun(db, db.sql.insertIgnore('slot_counters', ['scope', 'slot_start', 'booked'], ['scope', 'slot_start']), { scope, slot_start: slotStart, booked: 0 }, t);
  return takeOne(db, scope, slotStart, capacity, t);
}

/** The atomic conditional increment (on the driver: it runs in every booking's transaction, db/driver-query.ts). */
async function takeOne(db: Db, scope: string, slotStart: Date, capacity: number, t?: Tx): Promise<boolean> {
  const changed = await driverRun(db, 'UPDATE slot_counters SET booked = booked + 1 WHERE scope = :scope AND slot_start = :slotStart AND booked < :capacity', { scope, slotStart, capacity }, t);
  return changed === 1;
}

/** Gives a place back (cancel, reschedule, reassign). Never goes below zero. */
export async function releaseSlot(db: Db, scope: string, slotStart: Date, t?: Tx): Promise<void> {
  await db.sequelize.query('UPDATE slot_counters SET booked = booked - 1 WHERE scope = :scope AND slot_start = :slotStart AND booked > 0', {
    replacements: { scope, slotStart },
    type: QueryTypes.BULKUPDATE,
    transaction: t ?? undefined,
  });
}

/** Places taken per slot start (ISO UTC) in [from, to). */
export async function bookedBySlot(db: Db, scope: string, from: Date, to: Date): Promise<Map<string, number>> {
  const rows = (await db.models.SlotCounter.findAll({
    where: { scope, slotStart: { [Op.gte]: from, [Op.lt]: to } },
    raw: true,
  })) as unknown as Array<{ slotStart: unknown; booked: number }>;
  return new Map(rows.map((r) => [iso(r.slotStart) as string, Number(r.booked)]));
}

/** Used by tests and reports: the raw counter of one slot. */
export async function slotBooked(db: Db, scope: string, slotStart: Date): Promise<number> {
  const rows = await db.sequelize.query<{ booked: number }>('SELECT booked FROM slot_counters WHERE scope = :scope AND slot_start = :slotStart', {
    replacements: { scope, slotStart },
    type: QueryTypes.SELECT,
  });
  return rows[0] ? Number(rows[0].booked) : 0;
}
