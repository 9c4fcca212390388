// The audit log of configuration changes and admin actions: appended, never changed.
import { Op } from 'sequelize';
import { iso, type Db, type Tx } from '../index.ts';
import type { AuditEntry } from '../../domain/types.ts';

export type { AuditEntry };


export async function appendAudit(db: Db, entry: Omit<AuditEntry, 'id' | 'at'> & { at: Date }, t?: Tx): Promise<void> {
  const { before, after, ...rest } = entry;
  await db.models.AuditEntry.create({ ...rest, beforeValue: before, afterValue: after, actor: entry.actor.slice(0, 50), target: entry.target.slice(0, 100) }, { transaction: t ?? undefined });
}

/** Newest first; `beforeId` pages back. */
export async function listAudit(db: Db, args: { limit: number; beforeId?: number | null; target?: string | null }): Promise<AuditEntry[]> {
  const where: Record<string | symbol, unknown> = {};
  if (args.beforeId) where.id = { [Op.lt]: args.beforeId };
  if (args.target) where.target = args.target;
  const rows = await db.models.AuditEntry.findAll({ where, order: [['id', 'DESC']], limit: args.limit });
  return rows.map((r) => {
    const v = r.get({ plain: true }) as Record<string, unknown>;
    return { id: Number(v.id), at: iso(v.at) as string, actor: String(v.actor), action: String(v.action), target: String(v.target), before: v.beforeValue ?? null, after: v.afterValue ?? null };
  });
}
