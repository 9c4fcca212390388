// Purge worker, started by Bree every minute: runs the daily purge when it is due (the database
// records each day's run, so it happens once across instances and restarts), then ends.
import { parentPort } from 'node:worker_threads';
import { purgeIfDue } from '../purge.ts';
import { retentionIfDue } from '../retention.ts';
import { purgeSettingsOf } from '../runtime.ts';
import { recordHeartbeat } from '../queries/heartbeats.ts';
import { jobWorkerData, openWorkerRuntime } from './worker-kit.ts';

const { config } = jobWorkerData();
const runtime = await openWorkerRuntime('purge', true);
try {
  const reports = await purgeIfDue(runtime.deps, config.jobs.purgeAt, purgeSettingsOf(config));
  for (const report of reports) runtime.deps.log.info({ ...report }, 'purge done');
  const retention = await retentionIfDue(runtime.deps, config.jobs.purgeAt, { retentionDays: config.jobs.retentionDays, batchSize: 500, maxBatches: 2000 });
  if (retention) runtime.deps.log.info({ ...retention }, 'retention done');
  await recordHeartbeat(runtime.deps.db, 'purge', config.instanceId, new Date()); // /metrics: the purge worker ran
} finally {
  await runtime.close();
}
parentPort?.postMessage('done');
