// Long-lived dispatch worker: sleeps until the next callback is due (jobs/dispatch-wake.ts), woken
// at once when one is booked, rescheduled or retried sooner (db/notify.ts), at most
// CM_DISPATCH_INTERVAL_MS apart. If it dies, the scheduler starts it again. Each tick first
// expires what is past its expiry, so nothing expired is claimed and pushed to UCCX.
import { startDispatchWake } from '../dispatch-wake.ts';
import { jobWorkerData, onCancel, openWorkerRuntime } from './worker-kit.ts';

const { config, clock } = jobWorkerData();
const runtime = await openWorkerRuntime('dispatch', true);
const dispatcher = startDispatchWake(runtime.deps, config, clock?.speed ?? 1);
onCancel(async () => {
  await dispatcher.stop();
  await runtime.close();
});
