// npm run bench's harness, smallest run: the IVR lookup case over real HTTP against the server
// child on SQLite for one second. Checks the table's shape and that real figures came back —
// never their speed (goals belong to the benchmark, not to timed unit tests).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { benchPlan, runBench } from './bench/harness.ts';
import { renderTable, TABLE_HEADER } from './bench/table.ts';

test('bench harness (quick, lookup on sqlite): one row per figure with goal and reference, rendered as one table', async () => {
  const rows = await runBench(benchPlan({ quick: true, cases: ['lookup'], dialects: ['sqlite'], durationS: 1 }));
  assert.equal(rows.length, 2, JSON.stringify(rows));
  const [lookup, bare] = rows;
  assert.match(lookup.case, /^IVR lookup at 2000\/s/);
  assert.equal(lookup.db, 'sqlite');
  assert.match(lookup.figure, /^p50 [\d.]+ ms \/ p99 [\d.]+ ms/);
  assert.equal(lookup.goal, 'p99 ≤ 5 ms');
  assert.equal(typeof lookup.ok, 'boolean');
  assert.match(lookup.ratio, /^p99 × [\d.]+ of bare route$/);
  assert.ok(lookup.rssMb !== null && lookup.rssMb > 20, `server RSS sampled from /proc: ${lookup.rssMb}`);
  assert.match(bare.case, /bare Fastify route/);
  assert.equal(bare.ok, null);
  // A failed case would be a row saying "failed: …"; none here.
  assert.ok(rows.every((r) => !r.figure.startsWith('failed')), JSON.stringify(rows));

  const lines = renderTable(rows).split('\n');
  assert.equal(lines.length, rows.length + 2);
  for (const line of lines) assert.equal(line.split(' | ').length, TABLE_HEADER.length, line);
  assert.equal(lines[0], `| ${TABLE_HEADER.join(' | ')} |`);
});
