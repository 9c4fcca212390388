// The append-only callback history: rows are only ever inserted.
import type { HistoryEntry, HistoryEvent } from '../../domain/types.ts';
import { Op } from 'sequelize';
import { iso, type Db, type Tx } from '../index.ts';
import { sqlLiterals } from './sql-literals.ts';
import { driverRun } from '../driver-query.ts';

export async function appendHistory(
  db: Db,
  entry: { callbackId: number; event: HistoryEvent; actor: string; details?: Record<string, unknown>; at?: Date },
  t?: Tx,
): Promise<void> {
  // One raw INSERT: every booking writes one (db/driver-query.ts).
  await driverRun(db, 'INSERT INTO callback_history (callback_id, at, event, actor, details) VALUES (:callbackId, :at, :event, :actor, :details)', {
    callbackId: entry.callbackId,
    at: entry.at ?? new Date(),
    event: entry.event,
    actor: entry.actor,
    details: JSON.stringify(entry.details ?? {}),
  }, t);
}

export interface NewHistoryRow {
  callbackId: number;
  event: HistoryEvent;
  actor: string;
  details: Record<string, unknown>;
  at: Date;
}

/**
 * Many history rows in one multi-row INSERT per 500 (a sync batch, the dispatcher's claims of a
 * tick): the same rows appendHistory writes one by one. Plain SQL, not bulkCreate, which built and
 * validated a model instance per row and read every row back.
 */
export async function appendHistoryRows(db: Db, entries: readonly NewHistoryRow[], t?: Tx): Promise<void> {
  for (let i = 0; i < entries.length; i += 500) {
    const literal = sqlLiterals(db);
    const rows = entries.slice(i, i + 500).map((e) => `(${[e.callbackId, e.at, e.event, e.actor, JSON.stringify(e.details ?? {})].map(literal).join(', ')})`);
    await db.sequelize.query(`INSERT INTO callback_history (callback_id, at, event, actor, details) VALUES ${rows.join(', ')}`, { transaction: t ?? undefined });
  }
}

export async function listHistory(db: Db, callbackId: number): Promise<HistoryEntry[]> {
  const rows = await db.models.CallbackHistory.findAll({ where: { callbackId }, order: [['id', 'ASC']] });
  return rows.map((r) => {
    const v = r.get({ plain: true }) as Record<string, unknown>;
    return {
      id: Number(v.id),
      callbackId: Number(v.callbackId),
      at: iso(v.at) as string,
      event: v.event as HistoryEvent,
      actor: String(v.actor),
      details: (v.details ?? {}) as Record<string, unknown>,
    };
  });
}

/** How many history rows of `event` the callback has from `since` on (e.g. its current attempt, since its last import). */
export async function countHistorySince(db: Db, callbackId: number, event: HistoryEvent, since: Date | null, t?: Tx): Promise<number> {
  return db.models.CallbackHistory.count({
    where: { callbackId, event, ...(since && { at: { [Op.gte]: since } }) },
    transaction: t ?? undefined,
  });
}
