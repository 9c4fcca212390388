// The figures of the callback reports, computed from one row per callback (rpt_callbacks) and the
// attempt outcomes (rpt_attempts). Pure, so the same numbers come out of the API, the CSV and the
// charts; days are the report zone's local days.
import { DateTime } from 'luxon';

export interface ReportRow {
  campaign: string;
  skill: string | null;
  agentId: string | null;
  callbackType: string;
  status: string;
  reason: string | null;
  attempts: number;
  promisedAt: string;
  firstImportedAt: string | null;
  firstDialResultAt: string | null;
  agentConnectedAt: string | null;
  fellBackToSkill: boolean;
}

export interface Counts {
  booked: number;
  completed: number;
  failed: number;
  expired: number;
  cancelled: number;
  active: number;
}

export interface DelayStats {
  count: number;
  p50: number | null;
  p90: number | null;
  p99: number | null;
  max: number | null;
  /** Share reached within the goal (seconds after the promised minute). */
  withinGoal: number | null;
  goalSeconds: number;
}

export interface Report {
  byDay: Array<{ day: string } & Counts>;
  byCampaign: Array<{ campaign: string } & Counts>;
  bySkill: Array<{ skill: string } & Counts>;
  byAgent: Array<{ agentId: string } & Counts>;
  onTime: { import: DelayStats; dial: DelayStats; connect: DelayStats };
  attempts: Array<{ attempts: number; callbacks: number }>;
  outcomes: Array<{ result: string; attempts: number }>;
  fallbackRate: number | null;
  reachedInboundRate: number | null;
}

export const DEFAULT_GOALS = { import: 60, dial: 120, connect: 300 } as const;

const empty = (): Counts => ({ booked: 0, completed: 0, failed: 0, expired: 0, cancelled: 0, active: 0 });
const FINISHED = new Set(['completed', 'failed', 'expired', 'cancelled']);

function countBy<K extends string>(rows: ReportRow[], keyName: K, keyOf: (r: ReportRow) => string): Array<Record<K, string> & Counts> {
  const groups = new Map<string, Counts>();
  for (const r of rows) {
    const key = keyOf(r);
    const c = groups.get(key) ?? empty();
    c.booked++;
    if (FINISHED.has(r.status)) c[r.status as 'completed']++;
    else c.active++;
    groups.set(key, c);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, c]) => ({ [keyName]: key, ...c }) as Record<K, string> & Counts);
}

/** Nearest-rank percentile of sorted values. */
const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : null);

function delays(rows: ReportRow[], at: (r: ReportRow) => string | null, goalSeconds: number): DelayStats {
  const values = rows.flatMap((r) => {
    const t = at(r);
    return t ? [Math.round((Date.parse(t) - Date.parse(r.promisedAt)) / 1000)] : [];
  });
  values.sort((a, b) => a - b);
  return {
    count: values.length,
    p50: percentile(values, 50),
    p90: percentile(values, 90),
    p99: percentile(values, 99),
    max: values.length ? values[values.length - 1] : null,
    withinGoal: values.length ? values.filter((v) => v <= goalSeconds).length / values.length : null,
    goalSeconds,
  };
}

const rate = (part: number, whole: number) => (whole ? part / whole : null);

export function summarize(rows: ReportRow[], outcomes: Report['outcomes'], zone: string, goals: { import: number; dial: number; connect: number } = DEFAULT_GOALS): Report {
  const completed = rows.filter((r) => r.status === 'completed');
  const personalCompleted = completed.filter((r) => r.callbackType === 'personal');
  const attempts = new Map<number, number>();
  for (const r of rows.filter((x) => FINISHED.has(x.status) && x.status !== 'cancelled')) attempts.set(r.attempts, (attempts.get(r.attempts) ?? 0) + 1);
  return {
    byDay: countBy(rows, 'day', (r) => DateTime.fromISO(r.promisedAt, { zone: 'utc' }).setZone(zone).toISODate() as string),
    byCampaign: countBy(rows, 'campaign', (r) => r.campaign),
    bySkill: countBy(rows, 'skill', (r) => r.skill ?? '(none)'),
    byAgent: countBy(rows.filter((r) => r.agentId), 'agentId', (r) => r.agentId as string),
    onTime: {
      import: delays(rows, (r) => r.firstImportedAt, goals.import),
      dial: delays(rows, (r) => r.firstDialResultAt, goals.dial),
      connect: delays(rows, (r) => r.agentConnectedAt, goals.connect),
    },
    attempts: [...attempts.entries()].sort(([a], [b]) => a - b).map(([n, callbacks]) => ({ attempts: n, callbacks })),
    outcomes,
    fallbackRate: rate(personalCompleted.filter((r) => r.fellBackToSkill).length, personalCompleted.length),
    reachedInboundRate: rate(completed.filter((r) => r.reason === 'reached_inbound').length, completed.length),
  };
}

/** The per-day counts as CSV (what the "download" button gives). */
export function reportCsv(report: Report): string {
  const header = 'day,booked,completed,failed,expired,cancelled,active';
  const lines = report.byDay.map((d) => [d.day, d.booked, d.completed, d.failed, d.expired, d.cancelled, d.active].join(','));
  return `${[header, ...lines].join('\r\n')}\r\n`;
}
