// The dependency_status / dependency_failures tables (migration 0014): one function per SQL operation.
import { QueryTypes } from 'sequelize';
import type { Db } from '../index.ts';

export const DEPENDENCIES = ['uccx', 'finesse', 'dbcra'] as const;
export type Dependency = (typeof DEPENDENCIES)[number];

export interface DependencyStatusRow {
  name: Dependency;
  lastSuccessAt: Date | null;
  lastFailureAt: Date | null;
  lastCause: string | null;
}

async function ensureStatusRow(db: Db, name: Dependency, at: Date): Promise<void> {
  await db.sequelize.query(db.sql.insertIgnore('dependency_status', ['name', 'updated_at'], ['name']), { replacements: { name, updated_at: at } });
}

/** The dependency answered as expected at `at`. */
export async function recordDependencySuccess(db: Db, name: Dependency, at: Date): Promise<void> {
  await ensureStatusRow(db, name, at);
  await db.sequelize.query('UPDATE dependency_status SET last_success_at = :at, updated_at = :at WHERE name = :name', { replacements: { name, at } });
}

/** The dependency failed at `at` for `cause` (e.g. http_401, timeout, unreachable): remembered and counted. */
export async function recordDependencyFailure(db: Db, name: Dependency, cause: string, at: Date): Promise<void> {
  await ensureStatusRow(db, name, at);
  await db.sequelize.query('UPDATE dependency_status SET last_failure_at = :at, last_cause = :cause, updated_at = :at WHERE name = :name', {
    replacements: { name, cause, at },
  });
  await db.sequelize.query(db.sql.insertIgnore('dependency_failures', ['name', 'cause', 'failures', 'updated_at'], ['name', 'cause']), {
    replacements: { name, cause, failures: 0, updated_at: at },
  });
  await db.sequelize.query('UPDATE dependency_failures SET failures = failures + 1, updated_at = :at WHERE name = :name AND cause = :cause', { replacements: { name, cause, at } });
}

const toDate = (v: unknown): Date | null => (v == null ? null : v instanceof Date ? v : new Date(String(v)));

export async function listDependencyStatus(db: Db): Promise<DependencyStatusRow[]> {
  const rows = (await db.sequelize.query('SELECT name, last_success_at, last_failure_at, last_cause FROM dependency_status', { type: QueryTypes.SELECT })) as Array<Record<string, unknown>>;
  return rows.map((r) => ({ name: r.name as Dependency, lastSuccessAt: toDate(r.last_success_at), lastFailureAt: toDate(r.last_failure_at), lastCause: (r.last_cause as string | null) ?? null }));
}

export async function listDependencyFailureCounts(db: Db): Promise<Array<{ name: Dependency; cause: string; count: number }>> {
  const rows = (await db.sequelize.query('SELECT name, cause, failures FROM dependency_failures', { type: QueryTypes.SELECT })) as Array<Record<string, unknown>>;
  return rows.map((r) => ({ name: r.name as Dependency, cause: String(r.cause), count: Number(r.failures) }));
}
