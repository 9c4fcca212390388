// Failures that nobody saw (issue 9): UCCX, Finesse and db_cra failures are logged and counted in
// the database by whoever saw them; /readyz reports each dependency and answers 503 on a required one.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { as, build } from '../helpers/build.ts';
import { DIALECTS, openTestDb, createTestDatabase } from '../helpers/databases.ts';
import { now } from '../api/fixtures.ts';
import { listDependencyFailureCounts, listDependencyStatus, recordDependencyFailure, recordDependencySuccess } from '../../db/queries/dependency-status.ts';
import { dependencyWatch, failureCause, watched } from '../../db/dependency-watch.ts';
import { dependencyState } from '../../bff/routes/health.ts';
import { openJobRuntime } from '../../jobs/runtime.ts';
import { dispatchOnce } from '../../jobs/dispatch.ts';
import { DEFAULT_DISPATCH } from '../../jobs/deps.ts';
import { loadConfig } from '../../config/settings.ts';
import { quietLog, seedDemo } from '../jobs/helpers.ts';
import { insertTestCallback } from '../db/seed-helpers.ts';
import { UccxError } from '../../jobs/uccx/errors.ts';

const settle = () => new Promise((r) => setTimeout(r, 50));
/** The failure is written to the database after the answer: wait for it rather than for a fixed time. */
async function eventually(check: () => Promise<boolean>, what: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await settle();
  }
}

for (const dialect of DIALECTS) {
  describe(`dependency status on ${dialect}`, () => {
    test('recordDependencySuccess / recordDependencyFailure / listDependencyStatus / listDependencyFailureCounts', async (t) => {
      const { db, cleanup } = await openTestDb(dialect);
      t.after(cleanup);
      const t1 = new Date('2026-12-01T09:00:00Z');
      const t2 = new Date('2026-12-01T09:01:00Z');
      await recordDependencySuccess(db, 'uccx', t1);
      await recordDependencyFailure(db, 'uccx', 'http_401', t2);
      await recordDependencyFailure(db, 'uccx', 'http_401', t2);
      await recordDependencyFailure(db, 'uccx', 'timeout', t2);
      const [row] = await listDependencyStatus(db);
      assert.deepEqual(row, { name: 'uccx', lastSuccessAt: t1, lastFailureAt: t2, lastCause: 'timeout' });
      const counts = (await listDependencyFailureCounts(db)).sort((a, b) => a.cause.localeCompare(b.cause));
      assert.deepEqual(counts, [{ name: 'uccx', cause: 'http_401', count: 2 }, { name: 'uccx', cause: 'timeout', count: 1 }]);
    });

    test('dispatch against a UCCX answering 401: logged, counted, /readyz 503 and /metrics count it', async (t) => {
      const uccx = Fastify();
      uccx.all('/*', async (_req, reply) => reply.code(401).type('application/xml').send('<apiError><errorMessage>Unauthorized</errorMessage></apiError>'));
      const uccxUrl = await uccx.listen({ port: 0, host: '127.0.0.1' });
      const target = await createTestDatabase(dialect);
      const log = quietLog();
      const config = loadConfig({ CM_DATABASE_URL: target.url, CM_UCCX_URL: uccxUrl });
      const runtime = await openJobRuntime(config, { name: 'dispatch', migrate: true, withReader: false, log });
      t.after(async () => {
        await runtime.close();
        await uccx.close();
        await target.drop();
      });
      await seedDemo(runtime.deps.db);
      await insertTestCallback(runtime.deps.db, { scheduledAt: new Date(Date.now() - 60_000).toISOString() });
      await dispatchOnce(runtime.deps, DEFAULT_DISPATCH);
      await settle();
      const failure = log.lines.find((l) => l.message === 'uccx call failed');
      assert.ok(failure, 'logged');
      assert.equal((failure.details as { cause: string }).cause, 'http_401');
      const [status] = await listDependencyStatus(runtime.deps.db);
      assert.equal(status.name, 'uccx');
      assert.equal(status.lastCause, 'http_401');

      // Any BFF instance on the same database now reports it.
      const app = await build(t, { databaseUrl: target.url, now, env: { CM_EXPOSE_OPS: 'true' } });
      const ready = await app.inject('/readyz');
      assert.equal(ready.statusCode, 503, ready.body);
      assert.equal(ready.json().dependencies.uccx.state, 'failing');
      assert.equal(ready.json().dependencies.uccx.cause, 'http_401');
      assert.doesNotMatch(ready.body, /Unauthorized|127\.0\.0\.1/, 'no error text, no addresses');
      assert.match((await app.inject('/metrics')).body, /cm_uccx_failures_total\{cause="http_401"\} [1-9]/);
      await recordDependencySuccess(runtime.deps.db, 'uccx', new Date());
      assert.equal((await app.inject('/readyz')).statusCode, 200, 'ready again after a success');
    });
  });
}

test('Finesse failures are counted by the BFF; /readyz is 503 while Finesse fails, dbcra is not required by default', async (t) => {
  const app = await build(t, { now, env: { CM_FINESSE_URL: 'http://127.0.0.1:9', CM_EXPOSE_OPS: 'true' } });
  assert.equal((await app.inject({ url: '/api/v1/callbacks', headers: as('1001') })).statusCode, 503);
  await eventually(async () => (await app.inject('/readyz')).statusCode === 503, 'the Finesse failure to be recorded');
  const ready = await app.inject('/readyz');
  assert.equal(ready.statusCode, 503);
  assert.equal(ready.json().dependencies.finesse.state, 'failing');
  assert.equal(ready.json().dependencies.finesse.cause, 'unreachable');
  assert.match((await app.inject('/metrics')).body, /cm_finesse_failures_total\{cause="unreachable"\} 1/);
  await recordDependencyFailure(app.db, 'dbcra', 'error', new Date());
  const relaxed = await build(t, { now, env: { CM_READY_REQUIRES: 'uccx' }, databaseUrl: undefined });
  assert.equal((await relaxed.inject('/readyz')).statusCode, 200);
});

test('watched(): async failures are reported with their cause and rethrown; cancellations are not', async () => {
  const seen: string[] = [];
  const watch = { success: () => seen.push('ok'), failure: (e: unknown) => seen.push(failureCause(e)) };
  const client = watched({ ok: async () => 1, fail: async () => { throw new UccxError('http', 'HTTP 401', 401); }, abort: async () => { throw Object.assign(new Error('x'), { name: 'AbortError' }); }, sync: () => 2 }, watch);
  assert.equal(await client.ok(), 1);
  await assert.rejects(client.fail(), UccxError);
  await assert.rejects(client.abort());
  assert.equal(client.sync(), 2);
  assert.deepEqual(seen, ['ok', 'http_401']);
  assert.equal(failureCause(new UccxError('timeout', 't')), 'timeout');
  assert.equal(failureCause(Object.assign(new Error('x'), { code: 'ECONNREFUSED' })), 'econnrefused');
});

test('dependencyState: ok, failing within the window, unknown otherwise', () => {
  const at = (s: string) => new Date(`2026-12-01T09:${s}Z`);
  const row = (ok: string | null, fail: string | null) => ({ name: 'uccx' as const, lastSuccessAt: ok ? at(ok) : null, lastFailureAt: fail ? at(fail) : null, lastCause: 'x' });
  assert.equal(dependencyState(undefined, at('10:00'), 300), 'unknown');
  assert.equal(dependencyState(row('05:00', '01:00'), at('10:00'), 300), 'ok');
  assert.equal(dependencyState(row('01:00', '05:00'), at('10:00'), 300), 'failing');
  assert.equal(dependencyState(row(null, '05:00'), at('10:00'), 300), 'failing');
  assert.equal(dependencyState(row(null, '05:00'), at('59:00'), 300), 'unknown', 'an old failure with no news since');
});

test('dependencyWatch writes successes at most every successEveryMs, but the first after a failure at once', async (t) => {
  const { db, cleanup } = await openTestDb('sqlite');
  t.after(cleanup);
  let clock = new Date('2026-12-01T09:00:00Z');
  const watch = dependencyWatch(db, 'dbcra', quietLog(), { successEveryMs: 10_000, now: () => clock });
  watch.success();
  await settle();
  clock = new Date('2026-12-01T09:00:05Z');
  watch.success();
  await settle();
  assert.deepEqual((await listDependencyStatus(db))[0].lastSuccessAt, new Date('2026-12-01T09:00:00Z'));
  watch.failure(new Error('boom'));
  await settle();
  clock = new Date('2026-12-01T09:00:06Z');
  watch.success();
  await settle();
  assert.deepEqual((await listDependencyStatus(db))[0].lastSuccessAt, new Date('2026-12-01T09:00:06Z'));
});
