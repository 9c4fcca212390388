// npm run bench: speed and memory of the hot paths, printed as a table with each goal.
// Goals are checked here, never in timed unit tests. Runs on SQLite and PostgreSQL.
import type { TestContext } from 'node:test';
import { performance } from 'node:perf_hooks';
import { build, as } from '../helpers/build.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { claimDueCallbacks } from '../../db/queries/callbacks.ts';
import { insertTestCallback } from '../db/seed-helpers.ts';
import { personalBooking, skillBooking } from '../api/fixtures.ts';

interface Row { dialect: string; case: string; n: number; p50: number; p95: number; perSecond: number; goal: string; ok: boolean }

const NOW = new Date('2026-12-01T07:00:00Z');
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

async function timed(n: number, fn: (i: number) => Promise<void>) {
  const times: number[] = [];
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    times.push(performance.now() - t0);
  }
  const total = performance.now() - start;
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), perSecond: (n / total) * 1000 };
}

/** A stand-in for node:test's context so build() can register its cleanups. */
function context() {
  const cleanups: Array<() => Promise<void> | void> = [];
  return { t: { after: (fn: () => Promise<void>) => cleanups.push(fn) } as unknown as TestContext, close: async () => { for (const c of cleanups.reverse()) await c(); } };
}

async function benchDialect(dialect: (typeof DIALECTS)[number]): Promise<Row[]> {
  const rows: Row[] = [];
  const { t, close } = context();
  const app = await build(t, { dialect, now: () => NOW });
  const row = (name: string, n: number, r: { p50: number; p95: number; perSecond: number }, goalMs: number) =>
    rows.push({ dialect, case: name, n, ...r, goal: `p95 < ${goalMs} ms`, ok: r.p95 < goalMs });

  const hours = ['08', '09', '10', '11', '12', '13', '14', '15', '16', '17'];
  const book = await timed(300, async (i) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/callbacks',
      headers: as('1001'),
      payload: skillBooking({ skill: 'Support', phone: `22 4${String(i).padStart(6, '0')}`, scheduledAt: `2026-12-0${2 + (i % 7)}T${hours[Math.floor(i / 7) % 10]}:${String((i % 4) * 15).padStart(2, '0')}` }),
    });
    if (res.statusCode !== 201) throw new Error(`booking failed: ${res.body}`);
  });
  row('POST /api/v1/callbacks (book)', 300, book, 50);

  const availability = await timed(50, async () => {
    const res = await app.inject({ url: '/api/v1/availability?campaign=CB_MAIN&skill=Support&from=2026-12-01&to=2026-12-15&timeZone=Europe/Warsaw', headers: as('1001') });
    if (res.json().slots.length !== 1344) throw new Error('availability: unexpected slot count');
  });
  row('GET /api/v1/availability (14 days)', 50, availability, 100);

  const list = await timed(100, async () => {
    const res = await app.inject({ url: '/api/v1/callbacks?limit=50', headers: as('2001') });
    if (res.statusCode !== 200) throw new Error('list failed');
  });
  row('GET /api/v1/callbacks (page of 50)', 100, list, 50);

  const cb = (await app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: as('1001'), payload: personalBooking({ phone: '22 999 00 01' }) })).json();
  const ivrAuth = { authorization: `Basic ${Buffer.from('ivr:ivr-demo').toString('base64')}` };
  const lookup = await timed(200, async () => {
    const res = await app.inject({ url: `/ivr/v1/lookup?accountNumber=${cb.accountNumber}`, headers: ivrAuth });
    if (!res.json().found) throw new Error('lookup failed');
  });
  row('GET /ivr/v1/lookup (customer waiting)', 200, lookup, 50);

  for (let i = 0; i < 2000; i++) await insertTestCallback(app.db, { campaign: 'BENCH', scheduledAt: '2026-12-01T06:00:00.000Z' });
  let claimed = 0;
  const claim = await timed(4, async () => {
    claimed += (await claimDueCallbacks(app.db, { now: NOW, owner: 'bench', leaseMs: 60_000, limit: 500 })).length;
  });
  if (claimed < 2000) throw new Error(`claimed only ${claimed}`);
  rows.push({ dialect, case: 'claimDueCallbacks (batch of 500)', n: 4, ...claim, goal: 'p95 < 2000 ms', ok: claim.p95 < 2000 });

  await close();
  return rows;
}

const rows: Row[] = [];
for (const dialect of DIALECTS) rows.push(...(await benchDialect(dialect)));
const rssMb = process.memoryUsage().rss / 1024 / 1024;

const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
console.log('\n| dialect | case | n | p50 ms | p95 ms | ops/s | goal | ok |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.dialect} | ${r.case} | ${r.n} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.perSecond)} | ${r.goal} | ${r.ok ? 'yes' : 'NO'} |`);
console.log(`| both | resident memory after the run | | | | | < 400 MB: ${fmt(rssMb)} MB | ${rssMb < 400 ? 'yes' : 'NO'} |`);
process.exit(0);
