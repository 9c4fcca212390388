// /metrics after a dispatch: what a monitoring system alerts on (docs/deploy.md, Monitoring).
// The dispatcher runs in this thread here, so its observations reach the app's registry the way
// a worker's do through jobs/scheduler.ts (test/jobs/dispatch-wake.test.ts covers the worker).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { build } from '../helpers/build.ts';
import { insertTestCallback } from '../db/seed-helpers.ts';
import { dependencyWatch, watched } from '../../db/dependency-watch.ts';
import { dispatchOnce } from '../../jobs/dispatch.ts';
import { DEFAULT_DISPATCH } from '../../jobs/deps.ts';
import { SqlDbCraReader } from '../../jobs/dbcra/sql-reader.ts';
import { heartbeat } from '../../jobs/queries/heartbeats.ts';
import { syncOnce } from '../../jobs/sync.ts';
import { UccxAdminClient } from '../../jobs/uccx/admin-client.ts';
import { makeDeps, quietLog } from '../jobs/helpers.ts';
import { startFakeUccx } from '../jobs/fake-uccx.ts';
import { forwardJobMetric } from '../../jobs/job-metrics.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The value of one sample line, e.g. sample(text, 'cm_dependency_up{dependency="uccx"}'). */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

test('after a dispatch /metrics reports import lag, import failures by cause, sync lag, reachability, heartbeats and callbacks per state', async (t) => {
  const uccx = await startFakeUccx();
  t.after(() => uccx.close());
  const app = await build(t, { env: { CM_EXPOSE_OPS: 'true' } });
  const scrape = async () => (await app.inject('/metrics')).body;
  const log = quietLog();
  const reader = await SqlDbCraReader.connect(uccx.dbcraUrl);
  t.after(() => reader.close());
  const now = new Date();
  const deps = makeDeps(app.db, {
    uccx: watched(new UccxAdminClient({ url: uccx.url, user: 'administrator', password: 'ciscocisco', timeoutMs: 5000 }), dependencyWatch(app.db, 'uccx', log)),
    reader: watched(reader, dependencyWatch(app.db, 'dbcra', log)),
    now: () => now,
    owner: 'metrics-test',
  });

  // Due 2 s ago (the promised time, nothing imported ahead): the lag observed is 2 s.
  await insertTestCallback(app.db, { scheduledAt: new Date(now.getTime() - 2000).toISOString() });
  assert.equal((await dispatchOnce(deps, DEFAULT_DISPATCH)).imported, 1);
  await syncOnce(deps);
  await heartbeat(app.db, 'dispatch', 'metrics-test')();
  await sleep(200); // dependency outcomes are written in the background
  let text = await scrape();
  assert.equal(sample(text, 'cm_dispatch_import_lag_seconds_count'), 1);
  assert.equal(sample(text, 'cm_dispatch_import_lag_seconds_sum'), 2);
  assert.equal(sample(text, 'cm_dispatch_import_lag_seconds_bucket{le="1"}'), 0);
  assert.equal(sample(text, 'cm_dispatch_import_lag_seconds_bucket{le="2.5"}'), 1);
  assert.equal(sample(text, 'cm_callbacks{status="queued"}'), 1);
  assert.equal(sample(text, 'cm_dependency_up{dependency="uccx"}'), 1);
  assert.equal(sample(text, 'cm_dependency_up{dependency="dbcra"}'), 1);
  const syncLag = sample(text, 'cm_sync_lag_seconds{uccx_campaign_id="200"}');
  assert.ok(syncLag !== undefined && syncLag >= 0 && syncLag < 60, `sync lag ${syncLag}`);
  const beat = sample(text, 'cm_job_heartbeat_timestamp_seconds{job="dispatch",instance="metrics-test"}');
  assert.ok(beat !== undefined && Math.abs(beat - Date.now() / 1000) < 60, `heartbeat ${beat}`);
  assert.equal(sample(text, 'cm_import_failures_total{cause="http_500"}'), undefined, 'no failure yet');

  // UCCX answers 500: the import fails, counted by cause, and UCCX shows as unreachable.
  uccx.setFault('error500');
  await insertTestCallback(app.db, { scheduledAt: now.toISOString() });
  assert.equal((await dispatchOnce(deps, DEFAULT_DISPATCH)).imported, 0);
  await sleep(200);
  text = await scrape();
  assert.equal(sample(text, 'cm_import_failures_total{cause="http_500"}'), 1);
  assert.equal(sample(text, 'cm_dependency_up{dependency="uccx"}'), 0);
  assert.equal(sample(text, 'cm_dispatch_import_lag_seconds_count'), 1, 'a failed import is no import');
});

test("a dispatch worker's observations reach the main thread's /metrics through the scheduler", async (t) => {
  const app = await build(t, { env: { CM_EXPOSE_OPS: 'true' } });
  // What jobs/scheduler.ts does with a message a worker posted (jobs/job-metrics.ts).
  assert.equal(forwardJobMetric({ type: 'jobMetric', metric: { type: 'importFailure', cause: 'timeout', count: 3 } }), true);
  assert.equal(forwardJobMetric({ type: 'callbackChanged', id: 1 }), false);
  assert.equal(sample((await app.inject('/metrics')).body, 'cm_import_failures_total{cause="timeout"}'), 3);
});
