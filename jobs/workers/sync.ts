// Long-lived sync worker: every CM_SYNC_INTERVAL_MS read results from db_cra, then run the
// deadlines job (nothing waits forever: jobs/deadlines.ts) on what the sync left.
// One instance syncs at a time (the "sync" job lock).
import { deadlinesOnce } from '../deadlines.ts';
import { startLoop } from '../loop.ts';
import { syncOnce } from '../sync.ts';
import { heartbeat } from '../queries/heartbeats.ts';
import { jobWorkerData, onCancel, openWorkerRuntime } from './worker-kit.ts';

const { config } = jobWorkerData();
const runtime = await openWorkerRuntime('sync', true);
const beat = heartbeat(runtime.deps.db, 'sync', config.instanceId);
const lockMs = Math.max(60_000, config.jobs.syncIntervalMs * 10);
const loop = startLoop(
  'sync',
  config.jobs.syncIntervalMs,
  async () => {
    await beat(); // /metrics: the loop is alive (cm_job_heartbeat_timestamp_seconds), whether db_cra answers or not (cm_sync_lag_seconds)
    await syncOnce(runtime.deps, { lockMs });
    await deadlinesOnce(runtime.deps, config.jobs.deadlines);
  },
  runtime.deps.log,
);
onCancel(async () => {
  await loop.stop();
  await runtime.close();
});
