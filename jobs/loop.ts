// A long-lived job loop: run `tick`, wait out the rest of the interval, repeat until stopped.
// One failing tick is logged and the loop goes on (UCCX or the database may be back next time).
import type { JobLog } from './deps.ts';

export interface Loop {
  stop(): Promise<void>;
}

export function startLoop(name: string, intervalMs: number, tick: () => Promise<unknown>, log: JobLog): Loop {
  let stopped = false;
  let wake: (() => void) | null = null;
  const run = (async () => {
    while (!stopped) {
      const started = Date.now();
      try {
        await tick();
      } catch (err) {
        log.error({ job: name, error: (err as Error).stack ?? String(err) }, `${name} tick failed`);
      }
      const wait = Math.max(0, intervalMs - (Date.now() - started));
      if (!stopped && wait > 0) await new Promise<void>((r) => ((wake = r), setTimeout(r, wait)));
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      wake?.();
      await run;
    },
  };
}

export interface WakeLoop extends Loop {
  /** Something is due at `at` (null: look now). Wakes the loop at once if that is earlier than its planned wake. */
  wake(at: Date | null): void;
}

export interface WakeLoopOptions {
  tick: () => Promise<unknown>;
  /** After a tick: when there is work next (null: nothing known, sleep the safety net). */
  nextWorkAt: () => Promise<Date | null>;
  /** The longest sleep, the safety net for a missed signal (on the jobs' clock). */
  maxSleepMs: number;
  /** The jobs' clock, and how many of its milliseconds pass per real one (an accelerated clock). */
  now: () => Date;
  speed?: number;
  /** Whether a tick's result moved work on; when work is still due but nothing moved (e.g. a campaign's purge holds it), wait idleRetryMs instead of spinning. */
  progressed?: (result: unknown) => boolean;
  idleRetryMs?: number;
}

/**
 * A loop that sleeps until its next work is due instead of polling: after each tick it asks when
 * that is (capped by maxSleepMs), and `wake(at)` cuts the sleep short when work became due sooner.
 * A wake arriving while a tick runs is kept, so a booking committed mid-tick is not slept past.
 */
export function startWakeLoop(name: string, opts: WakeLoopOptions, log: JobLog): WakeLoop {
  const speed = opts.speed && opts.speed > 0 ? opts.speed : 1;
  let stopped = false;
  let sleeping: { until: number; timer: ReturnType<typeof setTimeout>; done: () => void } | null = null;
  let heard = Infinity; // the earliest wake time heard since the current tick began
  const sleepUntil = (until: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        if (sleeping) clearTimeout(sleeping.timer);
        sleeping = null;
        resolve();
      };
      sleeping = { until, done, timer: setTimeout(done, Math.max(0, (until - opts.now().getTime()) / speed)) };
    });
  const run = (async () => {
    while (!stopped) {
      heard = Infinity;
      let progressed = false;
      let next = -Infinity; // unknown (the database may be away for a moment): retry soon, not at the safety net
      try {
        const result = await opts.tick();
        progressed = opts.progressed?.(result) ?? false;
        next = (await opts.nextWorkAt())?.getTime() ?? Infinity;
      } catch (err) {
        log.error({ job: name, error: (err as Error).stack ?? String(err) }, `${name} tick failed`);
      }
      const now = opts.now().getTime();
      let until = Math.min(next, now + opts.maxSleepMs);
      if (until <= now && !progressed) until = now + Math.min(opts.idleRetryMs ?? 1000, opts.maxSleepMs);
      until = Math.min(until, heard); // a wake heard during the tick: the tick may not have seen that callback
      if (!stopped && until > now) await sleepUntil(until);
    }
  })();
  return {
    wake(at) {
      const when = at?.getTime() ?? -Infinity;
      if (!sleeping) heard = Math.min(heard, when);
      else if (when <= opts.now().getTime()) sleeping.done();
      else if (when < sleeping.until) {
        // Due sooner than planned but not yet: sleep until then instead.
        clearTimeout(sleeping.timer);
        sleeping.until = when;
        sleeping.timer = setTimeout(sleeping.done, (when - opts.now().getTime()) / speed);
      }
    },
    stop: async () => {
      stopped = true;
      sleeping?.done();
      await run;
    },
  };
}
