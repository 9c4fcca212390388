// Job heartbeats (migration 0022): each job of each instance records when it last ran, so the
// /metrics of any instance shows whether dispatch, sync and purge are alive everywhere.
import { QueryTypes } from 'sequelize';
import { toDate, type Db } from '../../db/index.ts';

export type HeartbeatJob = 'dispatch' | 'sync' | 'purge';

/** Rows of instances gone for this long are removed (a restarted instance has a new id). */
const FORGET_AFTER_MS = 7 * 86_400_000;

export async function recordHeartbeat(db: Db, job: HeartbeatJob, instanceId: string, at: Date): Promise<void> {
  await db.sequelize.query(db.sql.upsert('job_heartbeats', ['job', 'instance_id', 'beat_at'], ['job', 'instance_id']), {
    replacements: { job, instance_id: instanceId.slice(0, 100), beat_at: at },
  });
  await db.sequelize.query('DELETE FROM job_heartbeats WHERE job = :job AND beat_at < :before', { replacements: { job, before: new Date(at.getTime() - FORGET_AFTER_MS) } });
}

export async function listHeartbeats(db: Db): Promise<Array<{ job: string; instanceId: string; beatAt: Date }>> {
  const rows = (await db.sequelize.query('SELECT job, instance_id, beat_at FROM job_heartbeats', { type: QueryTypes.SELECT })) as Array<Record<string, unknown>>;
  return rows.map((r) => ({ job: String(r.job), instanceId: String(r.instance_id), beatAt: toDate(r.beat_at) as Date }));
}

/** Writes a job's heartbeat at most every `everyMs` (a dispatcher woken per booking would write per booking). */
export function heartbeat(db: Db, job: HeartbeatJob, instanceId: string, everyMs = 5000): () => Promise<void> {
  let last = 0;
  return async () => {
    const now = Date.now();
    if (now - last < everyMs) return;
    last = now;
    await recordHeartbeat(db, job, instanceId, new Date(now));
  };
}
