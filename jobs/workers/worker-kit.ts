// Shared by the worker threads: read workerData, open the runtime, report callback changes to
// the main thread, and stop on Bree's "cancel" message.
import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../../config/settings.ts';
import type { ClockSpec } from '../clock.ts';
import { openJobRuntime, type JobRuntime } from '../runtime.ts';

export interface JobWorkerData {
  config: Config;
  clock: ClockSpec | null;
}

export const jobWorkerData = (): JobWorkerData => workerData as JobWorkerData;

export async function openWorkerRuntime(name: string, withReader: boolean): Promise<JobRuntime> {
  const { config, clock } = jobWorkerData();
  return openJobRuntime(config, {
    name,
    clock,
    withReader,
    onChanged: (id) => parentPort?.postMessage({ type: 'callbackChanged', id }),
  });
}

/** Calls `stop` when Bree asks the worker to end, then tells Bree it may terminate the thread. */
export function onCancel(stop: () => Promise<void>): void {
  parentPort?.on('message', (message) => {
    if (message !== 'cancel') return;
    stop().finally(() => parentPort?.postMessage('cancelled'));
  });
}
