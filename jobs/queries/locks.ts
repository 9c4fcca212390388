// Job locks in the CM database: which instance runs a singleton job (the sync, a campaign's purge)
// and whether today's daily run already happened. Bree's schedules live in memory only, so with
// several instances (or after a restart) the database is what decides.
import { QueryTypes } from 'sequelize';
import type { Db } from '../../db/index.ts';

async function ensureLockRow(db: Db, name: string, now: Date): Promise<void> {
  await db.sequelize.query(db.sql.insertIgnore('job_locks', ['name', 'updated_at'], ['name']), { replacements: { name, updated_at: now } });
}

async function readLock(db: Db, name: string): Promise<{ owner: string | null; lastRunKey: string | null }> {
  const [row] = (await db.sequelize.query('SELECT owner, last_run_key FROM job_locks WHERE name = :name', {
    replacements: { name },
    type: QueryTypes.SELECT,
  })) as Array<{ owner: string | null; last_run_key: string | null }>;
  return { owner: row?.owner ?? null, lastRunKey: row?.last_run_key ?? null };
}

/**
 * Takes (or renews) the lock `name` for `owner` until now + leaseMs, unless another owner holds
 * an unexpired lease. One conditional UPDATE, so two instances cannot both win.
 */
export async function tryAcquireJobLock(db: Db, name: string, owner: string, now: Date, leaseMs: number): Promise<boolean> {
  await ensureLockRow(db, name, now);
  await db.sequelize.query(
    'UPDATE job_locks SET owner = :owner, lease_until = :leaseUntil, updated_at = :now ' +
      'WHERE name = :name AND (owner IS NULL OR owner = :owner OR lease_until < :now)',
    { replacements: { name, owner, now, leaseUntil: new Date(now.getTime() + leaseMs) } },
  );
  return (await readLock(db, name)).owner === owner;
}

export async function releaseJobLock(db: Db, name: string, owner: string, now: Date): Promise<void> {
  await db.sequelize.query('UPDATE job_locks SET owner = NULL, lease_until = NULL, updated_at = :now WHERE name = :name AND owner = :owner', {
    replacements: { name, owner, now },
  });
}

/**
 * Claims the daily run `runKey` (e.g. "2026-11-24") of job `name`: true for exactly one caller
 * per key, which also takes the lock for leaseMs.
 */
export async function claimDailyRun(db: Db, name: string, runKey: string, owner: string, now: Date, leaseMs: number): Promise<boolean> {
  await ensureLockRow(db, name, now);
  await db.sequelize.query(
    'UPDATE job_locks SET last_run_key = :runKey, owner = :owner, lease_until = :leaseUntil, updated_at = :now ' +
      'WHERE name = :name AND (last_run_key IS NULL OR last_run_key < :runKey) AND (owner IS NULL OR owner = :owner OR lease_until < :now)',
    { replacements: { name, owner, runKey, now, leaseUntil: new Date(now.getTime() + leaseMs) } },
  );
  const lock = await readLock(db, name);
  return lock.owner === owner && lock.lastRunKey === runKey;
}

/** Whether someone holds an unexpired lease on lock `name`. */
export async function isJobLocked(db: Db, name: string, now: Date): Promise<boolean> {
  const rows = (await db.sequelize.query('SELECT 1 AS held FROM job_locks WHERE name = :name AND owner IS NOT NULL AND lease_until >= :now', {
    replacements: { name, now },
    type: QueryTypes.SELECT,
  })) as unknown[];
  return rows.length > 0;
}
