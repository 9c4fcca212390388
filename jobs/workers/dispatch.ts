// Long-lived dispatch worker: one tick every CM_DISPATCH_INTERVAL_MS (starting a thread per
// second would cost more than the work). If it dies, the scheduler starts it again. Each tick
// first expires what is past its expiry, so nothing expired is claimed and pushed to UCCX.
import { dispatchOnce } from '../dispatch.ts';
import { expireOverdue } from '../deadlines.ts';
import { startLoop } from '../loop.ts';
import { dispatchSettingsOf } from '../runtime.ts';
import { jobWorkerData, onCancel, openWorkerRuntime } from './worker-kit.ts';

const { config } = jobWorkerData();
const runtime = await openWorkerRuntime('dispatch', true);
const settings = dispatchSettingsOf(config);
const tick = async () => {
  await expireOverdue(runtime.deps);
  return dispatchOnce(runtime.deps, settings);
};
const loop = startLoop('dispatch', config.jobs.dispatchIntervalMs, tick, runtime.deps.log);
onCancel(async () => {
  await loop.stop();
  await runtime.close();
});
