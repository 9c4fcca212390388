// Job figures with the real job code against the UCCX simulator: due → import request arriving
// at UCCX (the Bree dispatch worker as `npm start` runs it), claiming among many scheduled
// (benchClaimAmong, from the wake work), sync of changed db_cra rows, purge of a large campaign.
import { createServer, request as httpRequest } from 'node:http';
import { performance } from 'node:perf_hooks';
import { QueryTypes } from 'sequelize';
import type { TestDialect } from '../helpers/databases.ts';
import { loadConfig } from '../../config/settings.ts';
import { startJobs } from '../../jobs/scheduler.ts';
import { syncOnce } from '../../jobs/sync.ts';
import { purgeCampaign } from '../../jobs/purge.ts';
import { arrangeQueued, insertDueCallbacks, openJobsWorld, UCCX_PASSWORD, UCCX_USER } from './jobs-world.ts';
import { fmt, ms, unavailable, type BenchRow } from './table.ts';
import { publishDue } from '../../db/notify.ts';

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

/** A pass-through proxy in front of the simulator noting when each contact import arrives. */
async function importRecorder(target: string): Promise<{ url: string; arrivals: number[]; close(): Promise<void> }> {
  const arrivals: number[] = [];
  const to = new URL(target);
  const server = createServer((req, res) => {
    if (req.method === 'POST' && /\/contacts/.test(req.url ?? '')) arrivals.push(Date.now());
    const upstream = httpRequest({ host: to.hostname, port: to.port, path: req.url, method: req.method, headers: req.headers }, (up) => {
      // No keep-alive: an idle pooled socket would keep the worker thread from ending at stop.
      res.writeHead(up.statusCode ?? 502, { ...up.headers, connection: 'close' });
      up.pipe(res);
    });
    req.pipe(upstream);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, arrivals, close: () => new Promise((ok) => (server.close(() => ok()), server.closeAllConnections())) };
}

/** One callback due at a time: from its due instant to its import request arriving at UCCX. */
export async function benchDueToImport(dialect: TestDialect, samples: number): Promise<BenchRow[]> {
  const world = await openJobsWorld(dialect);
  const proxy = await importRecorder(world.uccx.url);
  const config = loadConfig({ CM_DATABASE_URL: world.dbUrl, CM_UCCX_URL: proxy.url, CM_UCCX_USER: UCCX_USER, CM_UCCX_PASSWORD: UCCX_PASSWORD, CM_DBCRA_URL: world.dbcraUrl });
  const jobs = await startJobs(config, { jobs: ['dispatch'], log: { info: () => {}, warn: () => {}, error: () => {} } });
  const lags: number[] = [];
  try {
    // Sample 0 waits for the worker thread to start and warm up; it is not counted.
    for (let i = 0; i <= samples; i++) {
      // Due a little ahead, at a random point of the dispatcher's cycle (as real due times fall).
      const due = new Date(Date.now() + 1500 + Math.random() * 1000);
      const seen = proxy.arrivals.length;
      await insertDueCallbacks(world.db, 1, due, `D${i}x`);
      // As a booking does (insertCallback announces its due time): the sleeping dispatcher re-plans.
      await publishDue(world.db, due);
      const deadline = due.getTime() + 30_000;
      while (proxy.arrivals.length === seen && Date.now() < deadline) await sleep(5);
      if (proxy.arrivals.length === seen) throw new Error(`due → import: callback ${i} was not imported within 30 s`);
      if (i > 0) lags.push(proxy.arrivals[seen] - due.getTime());
    }
  } finally {
    // The bench's figures are taken; a worker that does not end within 5 s is terminated.
    await Promise.race([jobs.stop(), sleep(5000)]);
    for (const worker of (jobs.bree as unknown as { workers: Map<string, { terminate(): Promise<number> }> }).workers.values()) await worker.terminate();
    await proxy.close();
    await world.close();
  }
  const p50 = percentile(lags, 0.5);
  const p99 = percentile(lags, 0.99);
  const mean = lags.reduce((a, b) => a + b, 0) / lags.length;
  return [{
    case: `due → UCCX import request, one callback (${samples} samples; woken at the due time, safety net ${config.jobs.dispatchIntervalMs / 1000} s)`,
    db: dialect, figure: `p50 ${ms(p50)} / p99 ${ms(p99)}, mean ${ms(mean)}`, goal: 'p99 ≤ 100 ms', ok: p99 <= 100,
    // The seed design polled once a minute: due times fall uniformly in the poll cycle, so it lags 30 s on average.
    ratio: `seed design (analytic, 60 s poll): mean 30 s = × ${fmt(30_000 / Math.max(mean, 1))} of this`, rssMb: null,
  }];
}

interface ClaimPlan { benchClaimAmong(dialect: TestDialect, total: number, due: number): Promise<{ seedMs: number; claimMs: number; importLastMs?: number }> }

/** 1,000 due in the same second among 1,000,000 (and 10,000) scheduled: benchClaimAmong from test/bench/claim-plan.ts. */
export async function benchClaimAmongRows(dialect: TestDialect, quick: boolean): Promise<BenchRow[]> {
  const name = '1,000 due in the same second among 1,000,000 scheduled: last import after due';
  let plan: ClaimPlan;
  try {
    plan = (await import(new URL('./claim-plan.ts', import.meta.url).href)) as ClaimPlan;
  } catch {
    return [unavailable(name, dialect, '≤ 2 s; claim cost flat (1,000,000 vs 10,000)', 'test/bench/claim-plan.ts comes with the wake work')];
  }
  const big = quick ? 20_000 : 1_000_000;
  const small = quick ? 2_000 : 10_000;
  const due = quick ? 100 : 1_000;
  const a = await plan.benchClaimAmong(dialect, big, due);
  const b = await plan.benchClaimAmong(dialect, small, due);
  const last = a.importLastMs;
  return [{
    case: `${due} due in the same second among ${big.toLocaleString('en')} scheduled (seeded in ${fmt(a.seedMs / 1000)} s)`,
    db: dialect, figure: `claim ${ms(a.claimMs)}${last === undefined ? '' : `, last import ${ms(last)} after due`}`,
    goal: 'last import ≤ 2 s after due; claim flat', ok: last === undefined ? null : last <= 2000 && a.claimMs <= b.claimMs * 2,
    ratio: `claim × ${fmt(a.claimMs / Math.max(b.claimMs, 0.01))} of among ${small.toLocaleString('en')} (${ms(b.claimMs)})`, rssMb: null,
  }];
}

/** Sync of `n` db_cra rows changed since the last run (busy: each callback goes to retry_wait). */
export async function benchSync(dialect: TestDialect, n: number): Promise<BenchRow[]> {
  const world = await openJobsWorld(dialect);
  try {
    await arrangeQueued(world, n, 'S');
    // UCCX dialled them all and the line was busy: closed, callresult 11 (busy), one call made.
    await world.uccx.db.run('UPDATE dialinglist SET callstatus = 3, callresult = 11, callsmadetophone01 = 1');
    const t0 = performance.now();
    const summary = await syncOnce(world.deps);
    const took = performance.now() - t0;
    const [{ moved }] = await world.db.sequelize.query<{ moved: number | string }>("SELECT COUNT(*) AS moved FROM callbacks WHERE status = 'retry_wait'", { type: QueryTypes.SELECT });
    const allMoved = Number(moved) === n;
    return [{
      case: `sync of ${n.toLocaleString('en')} changed db_cra rows, one run (jobs/sync.ts, db_cra stand-in)`, db: dialect,
      figure: `${fmt(took / 1000)} s (${summary.rowsRead} rows read, ${Number(moved)} callbacks moved)`, goal: '≤ 2 s', ok: took <= 2000 && allMoved, ratio: '', rssMb: null,
    }];
  } finally {
    await world.close();
  }
}

/** Purge of a campaign holding `n` contacts in UCCX, `pending` of them still to be pushed again. */
export async function benchPurge(dialect: TestDialect, n: number, pending: number): Promise<BenchRow[]> {
  const world = await openJobsWorld(dialect);
  try {
    await arrangeQueued(world, pending, 'P');
    // The rest of the campaign: contacts of earlier days still in the dialing list.
    const campaign = { id: 200, name: 'CB_DDI_1' };
    for (let start = 0; start < n - pending; start += 500) {
      const rows = Array.from({ length: Math.min(500, n - pending - start) }, (_, i) => ({ accountNumber: `OLD${start + i}`, firstName: 'Jan', lastName: 'Kowalski', phone1: `0221${String(start + i).padStart(6, '0')}` }));
      await world.deps.uccx.addContacts(campaign, rows);
    }
    const cbMain = (await world.deps.config()).campaigns.find((c) => c.name === 'CB_MAIN')!;
    const t0 = performance.now();
    const report = await purgeCampaign(world.deps, cbMain, { leaseMs: 600_000, batchSize: 500, waitForDispatchMs: 0, waitForCallsMs: 0 });
    const took = performance.now() - t0;
    return [{
      case: `purge of a campaign with ${n.toLocaleString('en')} contacts (jobs/purge.ts, UCCX simulator)`, db: dialect,
      figure: `${fmt(took / 1000)} s (${report.repushed} of ${pending} pending pushed again${report.skipped ? `, skipped: ${report.skipped}` : ''})`,
      goal: 'report time', ok: report.skipped ? false : null, ratio: '', rssMb: null,
    }];
  } finally {
    await world.close();
  }
}
