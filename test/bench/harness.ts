// The benchmark plan: which cases run, how long, on which databases. `npm run bench` runs the
// full plan (≈ 8 minutes on a quiet 2-core machine); BENCH_QUICK=1 a ≈ 1-minute smoke version with
// the same code paths and smaller sizes (its figures are not comparable with the goals).
import { DIALECTS, type TestDialect } from '../helpers/databases.ts';
import { benchBooking, benchLookup, type HttpBenchOptions } from './bench-http.ts';
import { fork } from 'node:child_process';
import { benchClaimAmongRows, benchPurge, benchSync } from './bench-jobs.ts';
import { benchBundle, benchCalendarRows, benchFirstRender } from './bench-gadget.ts';
import { sampleRss } from './http-load.ts';
import type { BenchRow } from './table.ts';

export const CASES = ['lookup', 'booking', 'due', 'claim', 'sync', 'purge', 'bundle', 'render', 'calendar'] as const;
/** Cases whose job code runs in this process (with the UCCX simulator and db_cra stand-in): their RSS is this process's. */
const IN_PROCESS: readonly BenchCase[] = ['claim', 'sync', 'purge'];
export type BenchCase = (typeof CASES)[number];

export interface BenchPlan {
  quick: boolean;
  cases: readonly BenchCase[];
  dialects: readonly TestDialect[];
  http: HttpBenchOptions;
  dueSamples: number;
  syncRows: number;
  purgeContacts: number;
  purgePending: number;
  renderRuns: number;
}

export function benchPlan(o: { quick?: boolean; cases?: readonly BenchCase[]; dialects?: readonly TestDialect[]; durationS?: number } = {}): BenchPlan {
  const quick = o.quick ?? false;
  return {
    quick,
    cases: o.cases ?? CASES,
    dialects: o.dialects ?? DIALECTS,
    http: { durationS: o.durationS ?? (quick ? 3 : 30), lookupRate: 2000, seedCallbacks: quick ? 500 : 10_000 },
    dueSamples: quick ? 3 : 20,
    syncRows: quick ? 300 : 10_000,
    purgeContacts: quick ? 3_000 : 100_000,
    purgePending: quick ? 50 : 1_000,
    renderRuns: quick ? 1 : 5,
  };
}

/** Runs the plan case by case; a case that throws becomes a ✗ row saying why (the table is always whole). */
export async function runBench(plan: BenchPlan, progress: (line: string) => void = () => {}): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const perDialect: Partial<Record<BenchCase, (d: TestDialect) => Promise<BenchRow[]>>> = {
    lookup: (d) => benchLookup(d, plan.http),
    booking: (d) => benchBooking(d, plan.http),
    due: (d) => dueToImportInChild(d, plan.dueSamples),
    claim: (d) => benchClaimAmongRows(d, plan.quick),
    sync: (d) => benchSync(d, plan.syncRows),
    purge: (d) => benchPurge(d, plan.purgeContacts, plan.purgePending),
  };
  const once: Partial<Record<BenchCase, () => Promise<BenchRow[]>>> = {
    bundle: async () => benchBundle(),
    render: () => benchFirstRender(plan.renderRuns),
    calendar: () => benchCalendarRows(),
  };
  for (const name of plan.cases) {
    const runs: Array<[string, () => Promise<BenchRow[]>]> = perDialect[name]
      ? plan.dialects.map((d) => [d, () => perDialect[name]!(d)] as [string, () => Promise<BenchRow[]>])
      : [['—', once[name]!]];
    for (const [db, run] of runs) {
      const started = Date.now();
      const rss = IN_PROCESS.includes(name) ? sampleRss(process.pid) : null;
      try {
        const done = await run();
        const peak = rss?.stop();
        rows.push(...done.map((r) => (r.rssMb == null && peak != null ? { ...r, rssMb: peak } : r)));
      } catch (err) {
        rss?.stop();
        rows.push({ case: name, db, figure: `failed: ${(err as Error).message.split('\n')[0]}`, goal: '', ok: false, ratio: '', rssMb: null });
      }
      progress(`${name} ${db}: ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
  }
  return rows;
}

/** benchDueToImport in a child process (test/bench/due-child.ts), its worker threads' log lines dropped. */
function dueToImportInChild(dialect: TestDialect, samples: number): Promise<BenchRow[]> {
  const child = fork(new URL('./due-child.ts', import.meta.url).pathname, [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    env: { ...process.env, BENCH_DIALECT: dialect, BENCH_SAMPLES: String(samples) },
  });
  // The child runs the dispatcher (a Bree worker thread), the UCCX simulator and the recording proxy.
  const rss = sampleRss(child.pid!);
  return new Promise((ok, fail) => {
    let rows: BenchRow[] | null = null;
    let peak = 0;
    child.on('message', (m: { type?: string; rows?: BenchRow[] }) => m?.type === 'rows' && ((rows = m.rows ?? []), (peak = rss.stop())));
    child.once('exit', (code) => (rows ? ok(rows.map((r) => ({ ...r, rssMb: r.rssMb ?? peak }))) : (rss.stop(), fail(new Error(`due → import child exited with ${code}`)))));
  });
}
