// Purge on demand (issue 11) against the UCCX stand-in, on SQLite and PostgreSQL, with two BFF
// instances on one database: 202 with a run, progress until done (calls waited for, contacts to
// delete, deleted, re-pushed), one purge per campaign at a time across instances, audited.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { as, build } from '../helpers/build.ts';
import { createTestDatabase, DIALECTS } from '../helpers/databases.ts';
import { insertTestCallback } from '../db/seed-helpers.ts';
import { findCallbackById } from '../../db/queries/callbacks.ts';
import { insertPurgeRun } from '../../db/queries/purge-runs.ts';
import { purgeLockName } from '../../jobs/dispatch.ts';
import { releaseJobLock, tryAcquireJobLock } from '../../jobs/queries/locks.ts';
import { dispatchOnce } from '../../jobs/dispatch.ts';
import { DEFAULT_DISPATCH } from '../../jobs/deps.ts';
import { SqlDbCraReader } from '../../jobs/dbcra/sql-reader.ts';
import { syncOnce } from '../../jobs/sync.ts';
import { UccxAdminClient } from '../../jobs/uccx/admin-client.ts';
import { makeDeps } from '../jobs/helpers.ts';
import { startFakeUccx } from '../jobs/fake-uccx.ts';
import { NOW, now } from './fixtures.ts';

const admin = as('9001');

/** Polls the run until it is no longer running; returns every distinct progress seen. */
async function follow(app: FastifyInstance, url: string): Promise<Array<Record<string, unknown>>> {
  const seen: Array<Record<string, unknown>> = [];
  for (let i = 0; i < 300; i++) {
    const run = (await app.inject({ url, headers: admin })).json();
    if (JSON.stringify(run) !== JSON.stringify(seen.at(-1))) seen.push(run);
    if (run.status !== 'running') return seen;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`still running: ${JSON.stringify(seen.at(-1))}`);
}

for (const dialect of DIALECTS) {
  test(`purge on demand on ${dialect}: progress to done, one at a time across two instances, pending callbacks pushed again`, async (t) => {
    const uccx = await startFakeUccx();
    const reader = await SqlDbCraReader.connect(uccx.dbcraUrl);
    const target = await createTestDatabase(dialect);
    t.after(async () => {
      await reader.close();
      await uccx.close();
      await target.drop();
    });
    const env = { CM_UCCX_URL: uccx.url, CM_DBCRA_URL: uccx.dbcraUrl, CM_PURGE_WAIT_FOR_CALLS_SECONDS: '2' };
    const a = await build(t, { now, databaseUrl: target.url, env: { ...env, CM_INSTANCE_ID: 'bff-a' } });
    const b = await build(t, { now, databaseUrl: target.url, env: { ...env, CM_INSTANCE_ID: 'bff-b' } });

    const pending = [await insertTestCallback(a.db, { scheduledAt: NOW.toISOString() }), await insertTestCallback(a.db, { scheduledAt: NOW.toISOString() })];
    const calling = await insertTestCallback(a.db, { scheduledAt: NOW.toISOString() });
    const deps = makeDeps(a.db, { uccx: new UccxAdminClient({ url: uccx.url, user: 'administrator', password: 'ciscocisco', timeoutMs: 1000 }), reader, now });
    assert.equal((await dispatchOnce(deps, DEFAULT_DISPATCH)).imported, 3);
    await uccx.setCallStatus(calling.accountNumber, 2); // UCCX is dialling it
    await syncOnce(deps);
    assert.equal((await findCallbackById(a.db, calling.id))?.status, 'dialing');

    assert.equal((await a.inject({ method: 'POST', url: '/api/v1/admin/campaigns/CB_MAIN/purge', headers: as('2001') })).statusCode, 403, 'admins only');
    assert.equal((await a.inject({ method: 'POST', url: '/api/v1/admin/campaigns/NOPE/purge', headers: admin })).statusCode, 404);
    const started = await a.inject({ method: 'POST', url: '/api/v1/admin/campaigns/CB_MAIN/purge', headers: admin });
    assert.equal(started.statusCode, 202, started.body);
    const run = started.json();
    assert.deepEqual([run.status, run.phase, run.startedBy], ['running', 'waiting_for_calls', '9001']);
    const twice = await b.inject({ method: 'POST', url: '/api/v1/admin/campaigns/CB_MAIN/purge', headers: admin });
    assert.equal(twice.statusCode, 409, 'the other instance may not purge the same campaign meanwhile');
    assert.equal(twice.json().error, 'invalid_state');

    const seen = await follow(b, `/api/v1/admin/campaigns/CB_MAIN/purge-runs/${run.id}`);
    assert.ok(seen.some((s) => s.phase === 'waiting_for_calls' && s.callsInProgress === 1), `waited for the call: ${JSON.stringify(seen)}`);
    const last = seen.at(-1)!;
    assert.deepEqual(
      { status: last.status, phase: last.phase, contactsToDelete: last.contactsToDelete, deleted: last.deleted, toRepush: last.toRepush, repushed: last.repushed, inFlight: last.inFlight },
      { status: 'done', phase: 'finished', contactsToDelete: 2, deleted: 2, toRepush: 2, repushed: 2, inFlight: 1 },
    );
    assert.deepEqual((await uccx.rows(200)).map((r) => r.accountnumber).sort(), pending.map((p) => p.accountNumber).sort(), 'only the pending ones are back in UCCX');
    for (const p of pending) assert.equal((await findCallbackById(a.db, p.id))?.status, 'queued');

    const list = (await a.inject({ url: '/api/v1/admin/campaigns/CB_MAIN/purge-runs', headers: admin })).json();
    assert.deepEqual(list.map((r: { id: string }) => r.id), [run.id]);
    const audit = (await a.inject({ url: '/api/v1/admin/audit', headers: admin })).json();
    assert.deepEqual([audit[0].actor, audit[0].action, audit[0].target, audit[0].after], ['9001', 'campaign.purge', 'campaign:CB_MAIN', { run: run.id }]);
    const again = await b.inject({ method: 'POST', url: '/api/v1/admin/campaigns/CB_MAIN/purge', headers: admin });
    assert.equal(again.statusCode, 202, 'the lock is released when the run ends');
    assert.equal((await follow(b, `/api/v1/admin/campaigns/CB_MAIN/purge-runs/${again.json().id}`)).at(-1)!.status, 'done');
  });
}

test('purge on demand fails visibly when UCCX does not answer, and releases the campaign', async (t) => {
  const app = await build(t, { now, env: { CM_UCCX_URL: 'http://127.0.0.1:9', CM_DBCRA_URL: 'sqlite::memory:' } });
  const started = await app.inject({ method: 'POST', url: '/api/v1/admin/campaigns/CB_MAIN/purge', headers: admin });
  assert.equal(started.statusCode, 202, started.body);
  const last = (await follow(app, `/api/v1/admin/campaigns/CB_MAIN/purge-runs/${started.json().id}`)).at(-1)!;
  assert.equal(last.status, 'failed');
  assert.ok(typeof last.error === 'string' && last.error.length > 0);
  assert.equal((await app.inject({ method: 'POST', url: '/api/v1/admin/campaigns/CB_MAIN/purge', headers: admin })).statusCode, 202);
});

test('a run left "running" by an instance that stopped is reported failed once its lock is gone and it went quiet', async (t) => {
  const app = await build(t, { now, env: { CM_UCCX_URL: 'http://127.0.0.1:9' } });
  const id = '5d0c7a1e-2b3f-4c5d-8e9f-0a1b2c3d4e5f';
  await insertPurgeRun(app.db, { id, campaign: 'CB_MAIN', startedBy: '9001', at: new Date(NOW.getTime() - 3_600_000) });
  const url = `/api/v1/admin/campaigns/CB_MAIN/purge-runs/${id}`;
  await tryAcquireJobLock(app.db, purgeLockName('CB_MAIN'), 'other-instance/purge-run/x', NOW, 60_000);
  assert.equal((await app.inject({ url, headers: admin })).json().status, 'running', 'its lock is still held: it runs elsewhere');
  await releaseJobLock(app.db, purgeLockName('CB_MAIN'), 'other-instance/purge-run/x', NOW);
  const run = (await app.inject({ url, headers: admin })).json();
  assert.deepEqual([run.status, run.error], ['failed', 'the instance running this purge stopped']);
});
