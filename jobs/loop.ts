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
