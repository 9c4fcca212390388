// The dispatcher as a long-lived loop that wakes when work is due (used by the Bree worker and
// the standalone jobs/run-dispatcher.ts): after each tick it sleeps until the earliest due time
// among claimable callbacks (minus CM_IMPORT_AHEAD_SECONDS) or the earliest dispatch lease to run
// out, at most CM_DISPATCH_INTERVAL_MS; a due signal (db/notify.ts) cuts the sleep short.
import type { Config } from '../config/settings.ts';
import { subscribeDue } from '../db/notify.ts';
import { expireOverdue } from './deadlines.ts';
import { dispatchOnce, type DispatchSummary, type WakeDispatchSettings } from './dispatch.ts';
import type { JobDeps } from './deps.ts';
import { startWakeLoop } from './loop.ts';
import { nextDispatchTimes } from './queries/callbacks.ts';
import { heartbeat } from './queries/heartbeats.ts';
import { dispatchSettingsOf } from './runtime.ts';

export interface DispatchWakeOptions {
  /** Called after each tick with what it did (the standalone dispatcher logs it). */
  onTick?: (summary: DispatchSummary) => void;
  /** Reconnect delay of the PostgreSQL LISTEN connection. */
  reconnectMs?: number;
}

export const wakeDispatchSettingsOf = (config: Config): WakeDispatchSettings => ({ ...dispatchSettingsOf(config), importAheadMs: config.jobs.importAheadSeconds * 1000 });

export function startDispatchWake(deps: JobDeps, config: Config, speed = 1, opts: DispatchWakeOptions = {}): { stop(): Promise<void> } {
  const settings = wakeDispatchSettingsOf(config);
  const aheadMs = settings.importAheadMs ?? 0;
  const beat = heartbeat(deps.db, 'dispatch', deps.owner);
  const loop = startWakeLoop(
    'dispatch',
    {
      tick: async () => {
        await expireOverdue(deps);
        const summary = await dispatchOnce(deps, settings);
        opts.onTick?.(summary);
        await beat();
        return summary;
      },
      // More than a claim's worth due: go on at once. Claimed but all given back (a purge holds the campaign): wait a second.
      progressed: (s) => {
        const summary = s as DispatchSummary;
        return summary.imported + summary.failed + summary.alreadyInUccx > 0 || summary.claimed + summary.reclaimed > summary.deferred;
      },
      nextWorkAt: async () => {
        const { due, leaseEnds } = await nextDispatchTimes(deps.db);
        const times = [due && due.getTime() - aheadMs, leaseEnds?.getTime()].filter((t): t is number => t != null);
        return times.length ? new Date(Math.min(...times)) : null;
      },
      maxSleepMs: config.jobs.dispatchIntervalMs,
      now: deps.now,
      speed,
    },
    deps.log,
  );
  const subscription = subscribeDue(config.databaseUrl, (at) => loop.wake(at && new Date(at.getTime() - aheadMs)), deps.log, { reconnectMs: opts.reconnectMs });
  return {
    stop: async () => {
      await subscription.close();
      await loop.stop();
    },
  };
}
