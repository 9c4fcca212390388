// Real OS processes of a chaos run (Campaign Manager instances, the UCCX simulator, purge runs):
// started with tsx, their output kept in a log file, killed with a real signal.
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface Proc {
  readonly name: string;
  readonly child: ChildProcess;
  readonly alive: boolean;
  /** Resolves with the exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export function startTsx(name: string, script: string, env: Record<string, string>, logFile: string): Proc {
  const fd = openSync(logFile, 'a');
  const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  let alive = true;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => ((alive = false), resolve(code))));
  return {
    name,
    child,
    get alive() {
      return alive;
    },
    exited,
    kill: async (signal = 'SIGKILL') => {
      if (!alive) return;
      child.kill(signal);
      await exited;
    },
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `url` until it answers 2xx (or `proc` dies, or the time runs out). */
export async function waitForHttp(url: string, timeoutMs: number, proc?: Proc): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not up yet
    }
    if (proc && !proc.alive) throw new Error(`${proc.name} exited before ${url} answered`);
    if (Date.now() > until) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await sleep(200);
  }
}
