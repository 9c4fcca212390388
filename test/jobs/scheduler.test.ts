// startJobs: the Bree worker threads against the UCCX stand-in. A callback due now is imported and
// the main thread hears of the change (the due → import lag is measured by `npm run bench`).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../config/settings.ts';
import { openTestDb } from '../helpers/databases.ts';
import { insertTestCallback } from '../db/seed-helpers.ts';
import type { Db } from '../../db/index.ts';
import { findCallbackById } from '../../db/queries/callbacks.ts';
import { startJobs } from '../../jobs/scheduler.ts';
import { quietLog, seedDemo } from './helpers.ts';
import { startFakeUccx, type FakeUccx } from './fake-uccx.ts';

describe('startJobs', () => {
  let db: Db;
  let url: string;
  let cleanup: () => Promise<void>;
  let uccx: FakeUccx;
  before(async () => {
    ({ db, url, cleanup } = await openTestDb('sqlite'));
    await seedDemo(db);
    uccx = await startFakeUccx();
  });
  after(async () => {
    await uccx.close();
    await cleanup();
  });

  test('dispatch and sync workers import a due callback and report the change (how fast: npm run bench)', async () => {
    const config = loadConfig({
      CM_DATABASE_URL: url,
      CM_UCCX_URL: uccx.url,
      CM_DBCRA_URL: uccx.dbcraUrl,
      CM_DISPATCH_INTERVAL_MS: '200',
      CM_SYNC_INTERVAL_MS: '300',
      CM_INSTANCE_ID: 'scheduler-test',
    });
    const changed: number[] = [];
    const jobs = await startJobs(config, { onCallbackChanged: (id) => changed.push(id), log: quietLog() });
    try {
      const cb = await insertTestCallback(db, { scheduledAt: new Date().toISOString() });
      const started = Date.now();
      let status = 'scheduled';
      while (status !== 'queued' && Date.now() - started < 10_000) {
        await new Promise((r) => setTimeout(r, 50));
        status = (await findCallbackById(db, cb.id))!.status;
      }
      assert.equal(status, 'queued');
      // The sync worker applies UCCX's result: busy → retry_wait.
      await uccx.setCallStatus(cb.accountNumber, 3, 11);
      while (status !== 'retry_wait' && Date.now() - started < 10_000) {
        await new Promise((r) => setTimeout(r, 50));
        status = (await findCallbackById(db, cb.id))!.status;
      }
      assert.equal(status, 'retry_wait');
      assert.ok(changed.includes(cb.id), 'onCallbackChanged was called from the worker');
    } finally {
      await jobs.stop();
    }
  });

  test('a long-lived worker that dies is started again and goes on dispatching', async () => {
    const config = loadConfig({ CM_DATABASE_URL: url, CM_UCCX_URL: uccx.url, CM_DBCRA_URL: uccx.dbcraUrl, CM_DISPATCH_INTERVAL_MS: '200', CM_INSTANCE_ID: 'restart-test' });
    const jobs = await startJobs(config, { log: quietLog(), jobs: ['dispatch'], restartDelayMs: 100 });
    try {
      const worker = async () => {
        for (let i = 0; i < 100 && !jobs.bree.workers.get('dispatch'); i++) await new Promise((r) => setTimeout(r, 20));
        return jobs.bree.workers.get('dispatch');
      };
      const first = await worker();
      assert.ok(first);
      await first.terminate();
      const cb = await insertTestCallback(db, { scheduledAt: new Date().toISOString() });
      const started = Date.now();
      while ((await findCallbackById(db, cb.id))!.status !== 'queued' && Date.now() - started < 10_000) await new Promise((r) => setTimeout(r, 50));
      assert.equal((await findCallbackById(db, cb.id))!.status, 'queued');
      assert.notEqual(await worker(), first, 'a new worker thread');
    } finally {
      await jobs.stop();
    }
  });
});
