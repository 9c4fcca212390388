// A dispatcher-only process: `tsx jobs/run-dispatcher.ts`, configured by the same environment
// variables as the server (CM_DATABASE_URL, CM_UCCX_URL, CM_DBCRA_URL, CM_INSTANCE_ID, …).
// Useful to run extra dispatchers next to the BFF; several are safe on one database, and on
// PostgreSQL each is woken by the others' bookings (LISTEN cm_due, db/notify.ts). It stops
// cleanly on SIGTERM/SIGINT; if killed outright, its claims are verified and finished by the
// next dispatcher once their lease runs out.
import 'dotenv/config';
import { loadConfig } from '../config/settings.ts';
import { startDispatchWake } from './dispatch-wake.ts';
import { openJobRuntime } from './runtime.ts';

const config = loadConfig();
const runtime = await openJobRuntime(config, { name: 'dispatch', migrate: true });
const dispatcher = startDispatchWake(runtime.deps, config, 1, {
  onTick: (summary) => {
    if (summary.claimed + summary.reclaimed > 0) runtime.deps.log.info({ ...summary }, 'tick');
  },
});
runtime.deps.log.info({ instanceId: config.instanceId, leaseMs: config.jobs.leaseSeconds * 1000, maxSleepMs: config.jobs.dispatchIntervalMs }, 'dispatcher started');

const stop = async () => {
  await dispatcher.stop();
  await runtime.close();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
