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

/**
 * Places taken per slot start (epoch ms) in [from, to): one statement over the whole range, the
 * starts read as epoch milliseconds (parsing ~1,000 dates per answer was most of the query's CPU on
 * PostgreSQL). Empty counters are left out.
 */
export async function bookedBySlot(db: Db, scope: string, from: Date, to: Date): Promise<Map<number, number>> {
  const sql = `SELECT ${db.sql.epochMillis('slot_start')} AS start_ms, booked FROM slot_counters WHERE scope = ? AND slot_start >= ? AND slot_start < ? AND booked > 0`;
  const rows = await selectBooked(db, sql, scope, from, to);
  const booked = new Map<number, number>();
  for (const row of rows) booked.set(Number(row.start_ms), Number(row.booked));
  return booked;
}

type BookedRow = { start_ms: number | string; booked: number };

/**
 * The booked counters of a range. On SQLite on Sequelize's own connection without its query path
 * (as ivr/queries.ts does): it captured and source-mapped an error stack per statement. PostgreSQL
 * (measured: a named prepared statement was no cheaper) and SQL Server go through Sequelize.
 */
async function selectBooked(db: Db, sql: string, scope: string, from: Date, to: Date): Promise<BookedRow[]> {
  if (db.dialect === 'sqlite') {
    // No transaction named: Sequelize's shared ("default") connection, the one its own reads use.
    const conn = (await db.sequelize.connectionManager.getConnection({} as never)) as unknown as SqliteConnection;
    // Bound as Sequelize stores SQLite dates ("YYYY-MM-DD HH:MM:SS.SSS +00:00"), so text order is time order.
    const params = [scope, sqliteInstant(from), sqliteInstant(to)];
    return new Promise((ok, fail) => conn.all(sql, params, (err, rows) => (err ? fail(err) : ok(rows))));
  }
  return db.sequelize.query<BookedRow>(sql, { replacements: [scope, from, to], type: QueryTypes.SELECT });
}

interface SqliteConnection {
  all(sql: string, params: unknown[], done: (err: Error | null, rows: BookedRow[]) => void): void;
}

const sqliteInstant = (d: Date) => `${d.toISOString().replace('T', ' ').slice(0, 23)} +00:00`;

/** Used by tests and reports: the raw counter of one slot. */
export async function slotBooked(db: Db, scope: string, slotStart: Date): Promise<number> {
  const rows = await db.sequelize.query<{ booked: number }>('SELECT booked FROM slot_counters WHERE scope = :scope AND slot_start = :slotStart', {
    replacements: { scope, slotStart },
    type: QueryTypes.SELECT,
  });
  return rows[0] ? Number(rows[0].booked) : 0;
}

