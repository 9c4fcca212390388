// Retention: finished callbacks (and their history) older than the retention period are deleted
// in bounded batches, so a purge never holds long locks on the tables CUIC reports from.
import { QueryTypes } from 'sequelize';
import { TERMINAL_STATES } from '../../domain/types.ts';
import type { Db } from '../index.ts';

const FINISHED = `status IN (${TERMINAL_STATES.map((s) => `'${s}'`).join(', ')})`;

/** Deletes at most `limit` history rows of finished callbacks last changed before `before`. */
export async function deleteOldHistoryBatch(db: Db, before: Date, limit: number): Promise<number> {
  const where = `callback_id IN (SELECT id FROM callbacks WHERE ${FINISHED} AND updated_at < :before)`;
  return deleteBatch(db, 'callback_history', where, before, limit);
}

/** Deletes at most `limit` finished callbacks last changed before `before` whose history is gone. */
export async function deleteOldCallbacksBatch(db: Db, before: Date, limit: number): Promise<number> {
  const where = `${FINISHED} AND updated_at < :before AND NOT EXISTS (SELECT 1 FROM callback_history h WHERE h.callback_id = callbacks.id)`;
  return deleteBatch(db, 'callbacks', where, before, limit);
}

async function deleteBatch(db: Db, table: string, where: string, before: Date, limit: number): Promise<number> {
  const result = await db.sequelize.query(db.sql.deleteBatch(table, where), { replacements: { before, limit }, type: QueryTypes.BULKDELETE });
  return Number(result ?? 0);
}
