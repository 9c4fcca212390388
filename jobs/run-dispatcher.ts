// A dispatcher-only process: `tsx jobs/run-dispatcher.ts`, configured by the same environment
// variables as the server (CM_DATABASE_URL, CM_UCCX_URL, CM_DBCRA_URL, CM_INSTANCE_ID, …).
// Useful to run extra dispatchers next to the BFF; several are safe on one database. It stops
// cleanly on SIGTERM/SIGINT; if killed outright, its claims are verified and finished by the
// next dispatcher once their lease runs out.
import 'dotenv/config';
import { loadConfig } from '../config/settings.ts';
import { dispatchOnce } from './dispatch.ts';
import { expireOverdue } from './deadlines.ts';
import { startLoop } from './loop.ts';
import { dispatchSettingsOf, openJobRuntime } from './runtime.ts';

const config = loadConfig();
const runtime = await openJobRuntime(config, { name: 'dispatch', migrate: true });
const settings = dispatchSettingsOf(config);
const loop = startLoop(
  'dispatch',
  config.jobs.dispatchIntervalMs,
  async () => {
    // As the dispatch worker: nothing past its expiry is claimed and pushed to UCCX.
    await expireOverdue(runtime.deps);
    const summary = await dispatchOnce(runtime.deps, settings);
    if (summary.claimed + summary.reclaimed > 0) runtime.deps.log.info({ ...summary }, 'tick');
  },
  runtime.deps.log,
);
runtime.deps.log.info({ instanceId: config.instanceId, leaseMs: settings.leaseMs }, 'dispatcher started');

const stop = async () => {
  await loop.stop();
  await runtime.close();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
