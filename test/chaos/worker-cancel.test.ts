// Found by the chaos run: an instance did not stop on SIGTERM when a job worker reported a changed
// callback while being cancelled. Bree listens for the worker's next message only, took the
// callbackChanged for it, missed 'cancelled' and waited for the thread for ever.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Bree from 'bree';

const BOOT = new URL('../../jobs/workers/boot.mjs', import.meta.url).pathname;
const SCRIPT = new URL('./fixtures/busy-cancel-worker.ts', import.meta.url).href;

test('a job worker that reports a change while being cancelled still ends, so bree.stop() returns', { timeout: 30_000 }, async () => {
  let ready: () => void = () => {};
  const started = new Promise<void>((r) => (ready = r));
  const bree = new Bree({
    root: false,
    logger: false,
    jobs: [{ name: 'busy', path: BOOT, worker: { workerData: { script: SCRIPT } } }],
    workerMessageHandler: ({ message }: { message: unknown }) => void (message === 'ready' && ready()),
  });
  await bree.start();
  await started;
  const stopped = await Promise.race([bree.stop().then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 10_000))]);
  if (!stopped) for (const worker of bree.workers.values()) await worker.terminate(); // do not leave the thread behind
  assert.equal(stopped, true, 'bree.stop() returned within 10 s');
});
