// Slot capacity counters. A booking takes a place with one conditional UPDATE, which every
// dialect executes atomically: of two agents racing for the last place only one row-count is 1.
import { Op, QueryTypes } from 'sequelize';
import { iso, type Db, type Tx } from '../index.ts';

export const skillScope = (skill: string) => `skill:${skill}`;
export const agentScope = (agentId: string) => `agent:${agentId}`;

/** Takes one place in the slot if fewer than `capacity` are taken; false when the slot is full. */
export async function reserveSlot(db: Db, scope: string, slotStart: Date, capacity: number, t?: Tx): Promise<boolean> {
  await db.sequelize.query(db.sql.insertIgnore('slot_counters', ['scope', 'slot_start', 'booked'], ['scope', 'slot_start']), {
    replacements: { scope, slot_start: slotStart, booked: 0 },
    transaction: t ?? undefined,
  });
  const [count] = await db.models.SlotCounter.update(
    { booked: db.sequelize.literal('booked + 1') },
    { where: { scope, slotStart, booked: { [Op.lt]: capacity } }, transaction: t ?? undefined },
  );
  return count === 1;
}

/** Gives a place back (cancel, reschedule, reassign). Never goes below zero. */
export async function releaseSlot(db: Db, scope: string, slotStart: Date, t?: Tx): Promise<void> {
  await db.models.SlotCounter.update(
    { booked: db.sequelize.literal('booked - 1') },
    { where: { scope, slotStart, booked: { [Op.gt]: 0 } }, transaction: t ?? undefined },
  );
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
