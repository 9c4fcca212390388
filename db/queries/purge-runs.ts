// The purge_runs table (migration 0021): purges an admin started, with their progress.
import { QueryTypes } from 'sequelize';
import { iso, type Db } from '../index.ts';

export type { PurgePhase, PurgeRun, PurgeRunStatus } from '../../domain/admin-contract.ts';
import type { PurgePhase, PurgeRun, PurgeRunStatus } from '../../domain/admin-contract.ts';

const COLUMNS: Record<keyof Omit<PurgeRun, 'id' | 'updatedAt'>, string> = {
  campaign: 'campaign',
  startedBy: 'started_by',
  startedAt: 'started_at',
  status: 'status',
  phase: 'phase',
  callsInProgress: 'calls_in_progress',
  contactsToDelete: 'contacts_to_delete',
  deleted: 'deleted',
  toRepush: 'to_repush',
  repushed: 'repushed',
  inFlight: 'in_flight',
  error: 'error',
  finishedAt: 'finished_at',
};

const toRun = (r: Record<string, unknown>): PurgeRun => ({
  id: String(r.id),
  campaign: String(r.campaign),
  startedBy: String(r.started_by),
  startedAt: iso(r.started_at) as string,
  status: r.status as PurgeRunStatus,
  phase: r.phase as PurgePhase,
  callsInProgress: Number(r.calls_in_progress),
  contactsToDelete: r.contacts_to_delete == null ? null : Number(r.contacts_to_delete),
  deleted: Number(r.deleted),
  toRepush: Number(r.to_repush),
  repushed: Number(r.repushed),
  inFlight: Number(r.in_flight),
  error: (r.error as string | null) ?? null,
  finishedAt: iso(r.finished_at),
  updatedAt: iso(r.updated_at) as string,
});

export async function insertPurgeRun(db: Db, run: { id: string; campaign: string; startedBy: string; at: Date }): Promise<void> {
  await db.sequelize.query(
    "INSERT INTO purge_runs (id, campaign, started_by, started_at, status, phase, calls_in_progress, deleted, to_repush, repushed, in_flight, updated_at) VALUES (:id, :campaign, :startedBy, :at, 'running', 'waiting_for_calls', 0, 0, 0, 0, 0, :at)",
    { replacements: run },
  );
}

/** Writes the given progress fields of a run. */
export async function updatePurgeRun(db: Db, id: string, patch: Partial<Omit<PurgeRun, 'id' | 'campaign' | 'startedBy' | 'startedAt' | 'finishedAt' | 'updatedAt'>> & { finishedAt?: Date }, at: Date): Promise<void> {
  const entries = Object.entries(patch).filter(([, v]) => v !== undefined);
  const sets = entries.map(([k]) => `${COLUMNS[k as keyof typeof COLUMNS]} = :${k}`);
  await db.sequelize.query(`UPDATE purge_runs SET ${[...sets, 'updated_at = :updatedAt'].join(', ')} WHERE id = :id`, {
    replacements: { ...Object.fromEntries(entries), id, updatedAt: at },
  });
}

export async function findPurgeRun(db: Db, id: string): Promise<PurgeRun | null> {
  const [row] = await db.sequelize.query<Record<string, unknown>>('SELECT * FROM purge_runs WHERE id = :id', { replacements: { id }, type: QueryTypes.SELECT });
  return row ? toRun(row) : null;
}

/** The latest runs, newest first (of one campaign when given). */
export async function listPurgeRuns(db: Db, campaign: string | null, limit: number): Promise<PurgeRun[]> {
  const where = campaign ? 'WHERE campaign = :campaign' : '';
  const rows = await db.sequelize.query<Record<string, unknown>>(`SELECT * FROM purge_runs ${where} ORDER BY started_at DESC, id ${db.sql.limit(limit)}`, {
    replacements: { campaign },
    type: QueryTypes.SELECT,
  });
  return rows.map(toRun);
}
