// Starts the background jobs as Bree worker threads. Bree keeps schedules in memory only; what is
// due and who does it is decided in the database (claims with leases, job locks, daily run keys),
// so any number of Campaign Manager instances can run these workers side by side.
//   dispatch  long-lived loop that sleeps until the next callback is due, woken by bookings
//             (db/notify.ts: a BroadcastChannel reaches the worker thread), at most jobs.dispatchIntervalMs (30 s)
//   sync      long-lived loop, every jobs.syncIntervalMs: db_cra results, then the deadlines job
//   purge     a short worker every minute: the daily purge at jobs.purgeAt, once per day
// A long-lived worker that dies (an uncaught error, a lost database) is started again after a
// short back-off; callbacks it had claimed are picked up when their lease runs out.
import Bree from 'bree';
import type { Config } from '../config/settings.ts';
import { openDatabase } from '../db/index.ts';
import type { ClockSpec } from './clock.ts';
import { consoleLog, type JobLog } from './deps.ts';
import { forwardJobMetric } from './job-metrics.ts';

export interface StartJobsOptions {
  /** A worker changed a callback: the main thread refreshes GraphQL subscriptions etc. */
  onCallbackChanged?: (id: number) => void;
  /** Where job events go (Fastify's logger in the server); JSON lines on the console otherwise. */
  log?: JobLog;
  /** Run the jobs on an accelerated clock (e.g. the UCCX simulator's); real time when absent. */
  clock?: ClockSpec | null;
  /** Which jobs to run; all three by default. */
  jobs?: Array<'dispatch' | 'sync' | 'purge'>;
  /** Back-off before a dead long-lived worker is started again. */
  restartDelayMs?: number;
}

const LONG_LIVED = new Set(['dispatch', 'sync']);
// TypeScript under tsx in development, JavaScript in the compiled build: the workers match this file.
const EXTENSION = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
const script = (name: string) => new URL(`./workers/${name}.${EXTENSION}`, import.meta.url).href;
const BOOT = new URL('./workers/boot.mjs', import.meta.url).pathname;

export interface RunningJobs {
  stop(): Promise<void>;
  /** The Bree instance (its `workers` map shows the running threads), for inspection. */
  bree: Bree;
}

export async function startJobs(config: Config, opts: StartJobsOptions = {}): Promise<RunningJobs> {
  const log = opts.log ?? consoleLog('scheduler');
  // Apply migrations once here, so the workers (each with its own connection) never race on them.
  await (await openDatabase(config.databaseUrl, { migrate: true })).close();

  const names = opts.jobs ?? ['dispatch', 'sync', 'purge'];
  const workerData = { config, clock: opts.clock ?? null };
  const bree = new Bree({
    root: false,
    logger: false,
    jobs: names.map((name) => ({
      name,
      path: BOOT,
      ...(name === 'purge' && { interval: '1m' }),
      worker: { workerData: { ...workerData, script: script(name) } },
    })),
    workerMessageHandler: ({ message }: { name: string; message: unknown }) => {
      if (forwardJobMetric(message)) return; // observations for /metrics (jobs/job-metrics.ts)
      const m = message as { type?: string; id?: number } | string;
      if (typeof m === 'object' && m?.type === 'callbackChanged' && typeof m.id === 'number') opts.onCallbackChanged?.(m.id);
    },
    errorHandler: (error: unknown, meta: { name?: string }) => log.error({ job: meta?.name, error: String((error as Error)?.stack ?? error) }, 'job worker error'),
  });

  let stopping = false;
  const restarts = new Set<ReturnType<typeof setTimeout>>();
  bree.on('worker deleted', (name: string) => {
    if (stopping || !LONG_LIVED.has(name)) return;
    log.warn({ job: name }, 'long-lived job worker ended; starting it again');
    const timer = setTimeout(() => {
      restarts.delete(timer);
      if (!stopping) void bree.run(name).catch((err: unknown) => log.error({ job: name, error: String(err) }, 'restart failed'));
    }, opts.restartDelayMs ?? 1000);
    restarts.add(timer);
  });

  await bree.start();
  log.info({ jobs: names, instanceId: config.instanceId }, 'jobs started');
  return {
    bree,
    stop: async () => {
      stopping = true;
      for (const timer of restarts) clearTimeout(timer);
      await bree.stop();
    },
  };
}
