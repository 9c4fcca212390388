// Reads of the reporting views (rpt_callbacks, rpt_attempts) for the product's own reports: the
// same data CUIC reads (docs/cuic.md), bounded by the promised time and the caller's scope.
import { QueryTypes } from 'sequelize';
import { iso, type Db } from '../index.ts';

/** Whose callbacks: everything (admin) or the callbacks of some teams (supervisor). */
export type ReportScope = { all: true } | { teamIds: readonly string[] };

export interface ReportFilter {
  from: Date;
  to: Date;
  campaign?: string | null;
  skill?: string | null;
  agentId?: string | null;
}

export interface ReportCallbackRow {
  callbackId: number;
  campaign: string;
  skill: string | null;
  agentId: string | null;
  callbackType: string;
  status: string;
  reason: string | null;
  attempts: number;
  promisedAt: string;
  bookedAt: string;
  firstImportedAt: string | null;
  firstDialResultAt: string | null;
  agentConnectedAt: string | null;
  fellBackToSkill: boolean;
}

function where(f: ReportFilter, scope: ReportScope): { sql: string; replacements: Record<string, unknown> } {
  const parts = ['promised_at >= :from', 'promised_at < :to'];
  const replacements: Record<string, unknown> = { from: f.from, to: f.to };
  if (f.campaign) (parts.push('campaign = :campaign'), (replacements.campaign = f.campaign));
  if (f.skill) (parts.push('skill = :skill'), (replacements.skill = f.skill));
  if (f.agentId) (parts.push('agent_id = :agentId'), (replacements.agentId = f.agentId));
  if (!('all' in scope)) {
    // An empty team list matches nothing (a supervisor without teams sees no report rows).
    parts.push(scope.teamIds.length ? 'team_id IN (:teamIds)' : '1 = 0');
    replacements.teamIds = [...scope.teamIds];
  }
  return { sql: parts.join(' AND '), replacements };
}

export async function listReportCallbacks(db: Db, f: ReportFilter, scope: ReportScope): Promise<ReportCallbackRow[]> {
  const w = where(f, scope);
  const rows = await db.sequelize.query<Record<string, unknown>>(`SELECT * FROM rpt_callbacks WHERE ${w.sql} ORDER BY promised_at, callback_id`, { replacements: w.replacements, type: QueryTypes.SELECT });
  return rows.map((r) => ({
    callbackId: Number(r.callback_id),
    campaign: String(r.campaign),
    skill: (r.skill as string) ?? null,
    agentId: (r.agent_id as string) ?? null,
    callbackType: String(r.callback_type),
    status: String(r.status),
    reason: (r.reason as string) ?? null,
    attempts: Number(r.attempts),
    promisedAt: iso(r.promised_at) as string,
    bookedAt: iso(r.booked_at) as string,
    firstImportedAt: iso(r.first_imported_at),
    firstDialResultAt: iso(r.first_dial_result_at),
    agentConnectedAt: iso(r.agent_connected_at),
    fellBackToSkill: Number(r.fell_back_to_skill) === 1,
  }));
}

/** Attempts of the callbacks in range, counted by the UCCX result they ended with. */
export async function countAttemptOutcomes(db: Db, f: ReportFilter, scope: ReportScope): Promise<Array<{ result: string; attempts: number }>> {
  const w = where(f, scope);
  const rows = await db.sequelize.query<{ result_name: string | null; n: number | string }>(
    `SELECT a.result_name, COUNT(*) AS n FROM rpt_attempts a WHERE a.callback_id IN (SELECT callback_id FROM rpt_callbacks WHERE ${w.sql}) GROUP BY a.result_name`,
    { replacements: w.replacements, type: QueryTypes.SELECT },
  );
  return rows.map((r) => ({ result: r.result_name ?? 'no_result_yet', attempts: Number(r.n) })).sort((a, b) => b.attempts - a.attempts || a.result.localeCompare(b.result));
}
