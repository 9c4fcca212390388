// The claim's cost among many waiting callbacks (not part of npm test): seeds `total` callbacks in
// one INSERT … SELECT (generate_series on PostgreSQL, a recursive CTE on SQLite), `due` of them due
// now (half first attempts, half retries), the rest waiting, and times one claim of the due ones
// and the dispatcher's "when is the next one due" read. Goal: flat as the table grows (indexes on
// (status, scheduled_at) and (status, next_attempt_at), migrations 0002 and 0022).
//   node --import tsx test/bench/claim-plan.ts postgres 1000000 1000   (prints the query plans too)
import { performance } from 'node:perf_hooks';
import { QueryTypes } from 'sequelize';
import { openDatabase, type Db } from '../../db/index.ts';
import { claimDueCallbacks } from '../../db/queries/callbacks.ts';
import { listExpiryCandidates, nextDispatchTimes } from '../../jobs/queries/callbacks.ts';
import { createTestDatabase } from '../helpers/databases.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigCache } from '../../db/service-context.ts';
import { DEMO_SEED_FILE, readSeedFile, seedIfEmpty } from '../../db/seed/seed.ts';
import { dispatchOnce } from '../../jobs/dispatch.ts';
import { DEFAULT_DISPATCH, type JobDeps } from '../../jobs/deps.ts';
import { UccxAdminClient } from '../../jobs/uccx/admin-client.ts';
import { startUccxSim } from '../../sim/uccx/index.ts';
import { DEMO_UCCX_CAMPAIGNS } from '../../sim/start.ts';

const NOW = new Date('2026-12-01T10:00:00.000Z');
const COLUMNS = 'account_number, campaign, type, skill, first_name, last_name, phone, phone_e164, dial_string, scheduled_at, slot_start, time_zone, status, attempts, next_attempt_at, source, created_by, team_id, created_at, updated_at, version';

/**
 * Row g (1..total): the first `due` are due at NOW - g ms; the others wait g seconds after NOW.
 * Every other row is a retry (retry_wait, due by next_attempt_at). Phones differ (one active callback per number).
 */
function seedSql(dialect: 'sqlite' | 'postgres'): string {
  if (dialect === 'postgres') {
    const at = `CASE WHEN g <= :due THEN CAST(:now AS timestamptz) - g * interval '1 millisecond' ELSE CAST(:now AS timestamptz) + g * interval '1 second' END`;
    return (
      `INSERT INTO callbacks (${COLUMNS}) SELECT 'B' || g, 'CB_MAIN', 'skill', 'Sales', 'Jan', 'Kowalski', '+4822' || lpad(g::text, 8, '0'), ` +
      `'+4822' || lpad(g::text, 8, '0'), '022' || lpad(g::text, 8, '0'), ${at}, ${at}, 'Europe/Warsaw', ` +
      `CASE WHEN g % 2 = 0 THEN 'retry_wait' ELSE 'scheduled' END, g % 2, CASE WHEN g % 2 = 0 THEN ${at} END, 'outbound', '1001', '1', now(), now(), 1 ` +
      `FROM generate_series(1, :total) AS g`
    );
  }
  const at = `strftime('%Y-%m-%d %H:%M:%f +00:00', :now, CASE WHEN g <= :due THEN '-' || (g / 1000.0) ELSE '+' || g END || ' seconds')`;
  return (
    `WITH RECURSIVE seq(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM seq WHERE g < :total) ` +
    `INSERT INTO callbacks (${COLUMNS}) SELECT 'B' || g, 'CB_MAIN', 'skill', 'Sales', 'Jan', 'Kowalski', '+4822' || printf('%08d', g), ` +
    `'+4822' || printf('%08d', g), '022' || printf('%08d', g), ${at}, ${at}, 'Europe/Warsaw', ` +
    `CASE WHEN g % 2 = 0 THEN 'retry_wait' ELSE 'scheduled' END, g % 2, CASE WHEN g % 2 = 0 THEN ${at} END, 'outbound', '1001', '1', ` +
    `strftime('%Y-%m-%d %H:%M:%f +00:00', 'now'), strftime('%Y-%m-%d %H:%M:%f +00:00', 'now'), 1 FROM seq`
  );
}

async function seed(db: Db, dialect: 'sqlite' | 'postgres', total: number, due: number): Promise<void> {
  const now = dialect === 'sqlite' ? NOW.toISOString().replace('T', ' ').replace('Z', '') : NOW.toISOString();
  await db.sequelize.query(seedSql(dialect), { replacements: { total, due, now } });
  await db.sequelize.query('ANALYZE');
}

/** The plans of the claim and of the "next due" read (EXPLAIN on PostgreSQL, EXPLAIN QUERY PLAN on SQLite). */
export async function claimPlans(db: Db): Promise<{ claim: string; nextDue: string }> {
  const explain = db.dialect === 'postgres' ? 'EXPLAIN' : 'EXPLAIN QUERY PLAN';
  const plan = async (sql: string, replacements: Record<string, unknown>) => {
    const rows = (await db.sequelize.query(`${explain} ${sql}`, { replacements, type: QueryTypes.SELECT })) as Array<Record<string, unknown>>;
    return rows.map((r) => String(r['QUERY PLAN'] ?? r.detail)).join('\n');
  };
  const claimArgs = { now: NOW, dueBy: NOW, owner: 'bench', leaseUntil: new Date(NOW.getTime() + 60_000), limit: 1000 };
  // The claim's inner SELECT (EXPLAIN of the UPDATE would run nothing but reads the same way).
  const select = db.sql.claimDue.replace(/^UPDATE callbacks SET .* WHERE id IN \(/, '').replace(/\) RETURNING \*$/, '');
  const nextDue = "SELECT (SELECT MIN(scheduled_at) FROM callbacks WHERE status = 'scheduled') AS a, (SELECT MIN(next_attempt_at) FROM callbacks WHERE status = 'retry_wait') AS b";
  return { claim: await plan(select, claimArgs), nextDue: await plan(nextDue, {}) };
}

/**
 * Seeds `total` callbacks (`due` of them due) on a fresh database and times the claim of the due
 * ones: the median of CLAIM_SAMPLES claims (each given back before the next), after one untimed
 * claim. A single first claim measured the process's first run of the claim path (compiling it
 * took as long as the claim: ~105 ms first, ~40 ms after, at any table size), and the 1,000,000
 * case always ran first. Then the real dispatcher tick (dispatchOnce) against the UCCX simulator:
 * importLastMs is from the tick's start (the due instant, as the wake-up lands on it) to the start
 * of its last import request.
 */
export async function benchClaimAmong(dialect: 'sqlite' | 'postgres', total: number, due: number): Promise<{ seedMs: number; claimMs: number; importLastMs?: number }> {
  return withSeeded(dialect, total, due, async (db, seedMs) => {
    const times: number[] = [];
    for (let i = 0; i <= CLAIM_SAMPLES; i++) {
      const t0 = performance.now();
      const claimed = await claimDueCallbacks(db, { now: NOW, owner: 'bench', leaseMs: 60_000, limit: due });
      if (i > 0) times.push(performance.now() - t0);
      if (claimed.length !== due) throw new Error(`claimed ${claimed.length} of ${due}`);
      // Bench arrangement: the claims given back as they were (first attempts scheduled, retries — those with a next attempt — waiting).
      await db.sequelize.query("UPDATE callbacks SET status = CASE WHEN next_attempt_at IS NOT NULL THEN 'retry_wait' ELSE 'scheduled' END, claimed_by = NULL, lease_until = NULL WHERE status = 'dispatching'");
    }
    const claimMs = times.sort((a, b) => a - b)[times.length >> 1]!;
    return { seedMs, claimMs, importLastMs: await lastImportAfterDue(db, due) };
  });
}

/** Timed claims per table size (their median is the figure). */
const CLAIM_SAMPLES = 5;

async function lastImportAfterDue(db: Db, due: number): Promise<number> {
  await seedIfEmpty(db, readSeedFile(DEMO_SEED_FILE));
  const dir = mkdtempSync(join(tmpdir(), 'claim-bench-'));
  const uccx = await startUccxSim({ port: 0, host: '127.0.0.1', adminUser: 'administrator', adminPassword: 'ciscocisco', dbcraUrl: `sqlite:${join(dir, 'db_cra.sqlite')}`, campaigns: DEMO_UCCX_CAMPAIGNS, dialer: { enabled: false } });
  try {
    const client = new UccxAdminClient({ url: uccx.url, user: 'administrator', password: 'ciscocisco', timeoutMs: 30_000 });
    const requests: number[] = [];
    const add = client.addContacts.bind(client);
    client.addContacts = (...args: Parameters<typeof add>) => (requests.push(performance.now()), add(...args));
    const cache = new ConfigCache(db, 60_000);
    const quiet = { info: () => {}, warn: () => {}, error: () => {} };
    const deps: JobDeps = { db, uccx: client, reader: null, now: () => NOW, owner: 'bench', log: quiet, config: () => cache.get() };
    const start = performance.now();
    const summary = await dispatchOnce(deps, { ...DEFAULT_DISPATCH, claimLimit: Math.max(due, DEFAULT_DISPATCH.claimLimit) });
    if (summary.imported !== due) throw new Error(`imported ${summary.imported} of ${due} (${JSON.stringify(summary)})`);
    return requests[requests.length - 1] - start;
  } finally {
    await uccx.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function withSeeded<T>(dialect: 'sqlite' | 'postgres', total: number, due: number, use: (db: Db, seedMs: number) => Promise<T>): Promise<T> {
  if (due > total) throw new Error('due must not exceed total');
  const target = await createTestDatabase(dialect);
  const db = await openDatabase(target.url);
  try {
    const t0 = performance.now();
    await seed(db, dialect, total, due);
    return await use(db, performance.now() - t0);
  } finally {
    await db.close();
    await target.drop();
  }
}

// Run directly: print the timings, the next-due read's time and both plans.
if (import.meta.url === `file://${process.argv[1]}`) {
  const dialect = (process.argv[2] ?? 'postgres') as 'sqlite' | 'postgres';
  const total = Number(process.argv[3] ?? 1_000_000);
  const due = Number(process.argv[4] ?? 1000);
  await withSeeded(dialect, total, due, async (db, seedMs) => {
    const plans = await claimPlans(db);
    const t0 = performance.now();
    await nextDispatchTimes(db);
    const nextDueMs = performance.now() - t0;
    // Each wake's tick expires what is overdue first (jobs/deadlines.ts expireOverdue): its read is on the import's path too.
    const t2 = performance.now();
    await listExpiryCandidates(db, new Date(NOW.getTime() - 24 * 3_600_000), NOW, 500);
    const expiryReadMs = performance.now() - t2;
    const t1 = performance.now();
    const claimed = await claimDueCallbacks(db, { now: NOW, owner: 'bench', leaseMs: 60_000, limit: due });
    const claimMs = performance.now() - t1;
    console.log(JSON.stringify({ dialect, total, due, seedMs: Math.round(seedMs), nextDueMs: +nextDueMs.toFixed(2), expiryReadMs: +expiryReadMs.toFixed(2), claimMs: +claimMs.toFixed(1), claimed: claimed.length }));
    console.log(`claim plan:\n${plans.claim}\n\nnext-due plan:\n${plans.nextDue}`);
  });
}
