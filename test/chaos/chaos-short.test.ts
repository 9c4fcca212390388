// The short chaos run inside `npm test`: two Campaign Manager processes on one private PostgreSQL
// cluster, the UCCX simulator as a process, a few hundred callbacks and a few SIGKILLs, UCCX down,
// answering 500, failing over, db_cra unreachable and PostgreSQL crash-restarted. No callback may
// be lost or duplicated. The long run (10,000 callbacks, 20 kills) is `npm run test:chaos`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runChaos, SHORT_PLAN } from './run.ts';

test('chaos (short): nothing lost, nothing duplicated', { timeout: 240_000 }, async () => {
  const seed = Number(process.env.CHAOS_SEED ?? Math.floor(Math.random() * 2 ** 31));
  const lines: string[] = [];
  const results = await runChaos(SHORT_PLAN(seed), (line) => lines.push(line));
  const report = lines.join('\n');
  assert.equal(results.length, Object.keys(SHORT_PLAN(seed).scenarios).length, report);
  for (const r of results) {
    assert.ok(r.callbacks > 0, `${r.name}: the batch was stored\n${report}`);
    assert.equal(r.lost, 0, `${r.name}: lost callbacks (seed ${seed})\n${report}`);
    assert.equal(r.duplicated, 0, `${r.name}: duplicated callbacks (seed ${seed})\n${report}`);
  }
  console.log(report);
});
