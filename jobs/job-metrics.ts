// What the jobs observe for /metrics (due → import lag, import failures by cause). The jobs run
// in Bree worker threads while /metrics is served by the main thread, so a worker posts each
// observation to its parent (jobs/scheduler.ts passes it on here); in the main thread (tests,
// direct calls) it goes to the listeners at once. These are per-instance: Prometheus sums them.
// A standalone dispatcher process (jobs/run-dispatcher.ts) serves no /metrics: its observations stay unseen.
import { EventEmitter } from 'node:events';
import { isMainThread, parentPort } from 'node:worker_threads';

export type JobMetric =
  /** Seconds from when a callback was due to be imported (promised time minus the import-ahead) until UCCX took it. */
  | { type: 'importLag'; seconds: number }
  /** Callbacks whose import failed, by cause (http_503, timeout, rejected, no_campaign, …). */
  | { type: 'importFailure'; cause: string; count: number };

const MESSAGE = 'jobMetric';
const local = new EventEmitter();
local.setMaxListeners(100);

export function reportJobMetric(metric: JobMetric): void {
  if (!isMainThread && parentPort) parentPort.postMessage({ type: MESSAGE, metric });
  else local.emit(MESSAGE, metric);
}

/** Subscribes to observations of this process's jobs; returns the unsubscribe. */
export function onJobMetric(listener: (metric: JobMetric) => void): () => void {
  local.on(MESSAGE, listener);
  return () => void local.off(MESSAGE, listener);
}

/** In the main thread: passes on an observation a worker posted; false if the message is something else. */
export function forwardJobMetric(message: unknown): boolean {
  const m = message as { type?: string; metric?: JobMetric } | null;
  if (typeof m !== 'object' || m?.type !== MESSAGE || !m.metric) return false;
  local.emit(MESSAGE, m.metric);
  return true;
}
