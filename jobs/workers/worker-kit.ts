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

/**
 * Calls `stop` when Bree asks the worker to end, tells Bree, then ends the thread itself: Bree
 * waits for the worker's next message only, so a callbackChanged posted while stopping would hide
 * 'cancelled' and Bree would wait for ever (seen in the chaos run: no stop on SIGTERM).
 */
export function onCancel(stop: () => Promise<void>): void {
  parentPort?.on('message', (message) => {
    if (message !== 'cancel') return;
    stop().finally(() => {
      parentPort?.postMessage('cancelled');
      process.exit(0); // in a worker thread: ends this thread only
    });
  });
}
