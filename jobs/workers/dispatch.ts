// Long-lived dispatch worker: one tick every CM_DISPATCH_INTERVAL_MS (starting a thread per
// second would cost more than the work). If it dies, the scheduler starts it again.
import { dispatchOnce } from '../dispatch.ts';
import { startLoop } from '../loop.ts';
import { dispatchSettingsOf } from '../runtime.ts';
import { jobWorkerData, onCancel, openWorkerRuntime } from './worker-kit.ts';

const { config } = jobWorkerData();
const runtime = await openWorkerRuntime('dispatch', true);
const settings = dispatchSettingsOf(config);
const loop = startLoop('dispatch', config.jobs.dispatchIntervalMs, () => dispatchOnce(runtime.deps, settings), runtime.deps.log);
onCancel(async () => {
  await loop.stop();
  await runtime.close();
});
