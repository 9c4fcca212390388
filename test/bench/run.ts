// npm run bench: the speed, throughput and memory figures of the hot paths, each with its goal,
// printed as ONE table and written to docs/benchmarks.md with the machine and the date.
// BENCH_QUICK=1: the ≈ 1-minute smoke version. BENCH_CASES=lookup,booking and BENCH_DB=sqlite narrow
// the run (development); the docs are only rewritten by a full, unnarrowed run.
// Goals are checked here, never in timed unit tests.
import { writeFileSync } from 'node:fs';
import type { TestDialect } from '../helpers/databases.ts';
import { benchPlan, CASES, runBench, type BenchCase } from './harness.ts';
import { benchmarksDoc, machine } from './report.ts';
import { renderTable } from './table.ts';

const list = (v: string | undefined) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined);
const cases = list(process.env.BENCH_CASES) as BenchCase[] | undefined;
const dialects = list(process.env.BENCH_DB) as TestDialect[] | undefined;
for (const c of cases ?? []) if (!(CASES as readonly string[]).includes(c)) throw new Error(`BENCH_CASES: unknown case ${c} (${CASES.join(', ')})`);

const plan = benchPlan({ quick: process.env.BENCH_QUICK === '1', cases, dialects });
const started = new Date();
const host = machine();
console.error(`bench: ${plan.quick ? 'quick' : 'full'} run on ${host.summary}`);
const rows = await runBench(plan, (line) => console.error(`  ${line}`));
const table = renderTable(rows);
console.log(`\n${table}\n`);

const narrowed = Boolean(cases || dialects);
if (!plan.quick && !narrowed) {
  const path = new URL('../../docs/benchmarks.md', import.meta.url).pathname;
  writeFileSync(path, benchmarksDoc({ table, host, started, finished: new Date() }));
  console.error(`bench: written to docs/benchmarks.md`);
} else {
  console.error('bench: quick or narrowed run, docs/benchmarks.md left as it is');
}
// A missed goal is a finding in the table, not a failed command (the figures depend on the machine).
process.exit(0);
