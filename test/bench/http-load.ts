// Load over real HTTP on loopback: the server in a child process, autocannon in this one, and
// the child's resident memory sampled from /proc/<pid>/status while the load runs. While a load
// runs, the load generator is pinned to the CPUs but the first (taskset) and, at a fixed rate, the
// server to the first, so the generator's own pauses do not show up as server latency on 2 cores.
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import autocannon from 'autocannon';
import type { TestDialect } from '../helpers/databases.ts';

export interface ServerChild {
  url: string;
  pid: number;
  accountNumbers: string[];
  stop(): Promise<void>;
}

const CHILD = new URL('./server-child.ts', import.meta.url).pathname;

export async function startServerChild(dialect: TestDialect, env: Record<string, string> = {}): Promise<ServerChild> {
  const child: ChildProcess = fork(CHILD, [], {
    execArgv: ['--import', 'tsx', ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [])],
    // The server logs like production (pino to stdout): the cost is real, the lines are not needed.
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    // NODE_ENV as deploy/cm.service and cm-winsw.xml set it.
    env: { ...process.env, NODE_ENV: 'production', BENCH_DIALECT: dialect, ...env },
  });
  const ready = await new Promise<{ url: string; pid: number; accountNumbers: string[] }>((ok, fail) => {
    child.once('exit', (code) => fail(new Error(`bench server (${dialect}) exited with ${code} before it was ready`)));
    child.on('message', (m: { type?: string }) => m?.type === 'ready' && ok(m as never));
  });
  child.removeAllListeners('exit');
  return {
    ...ready,
    stop: () =>
      new Promise<void>((ok) => {
        child.once('exit', () => ok());
        child.send('stop');
      }),
  };
}

/** Resident memory of a process (VmRSS) in MB, read every 200 ms; `stop()` gives the peak. */
export function sampleRss(pid: number): { stop(): number } {
  let peak = 0;
  const read = () => {
    let status = '';
    try {
      status = readFileSync(`/proc/${pid}/status`, 'utf8');
    } catch {
      return; // the process has ended: the peak so far stands
    }
    const m = /VmRSS:\s+(\d+) kB/.exec(status);
    if (m) peak = Math.max(peak, Number(m[1]) / 1024);
  };
  read();
  const timer = setInterval(read, 200);
  return { stop: () => (clearInterval(timer), read(), peak) };
}

export interface LoadResult {
  p50: number;
  p99: number;
  /** Answered requests per second, 2xx only. */
  perSecond: number;
  total: number;
  /** Non-2xx answers plus socket errors and timeouts. */
  failures: number;
  rssMb: number;
}

export interface LoadOptions {
  url: string;
  pid: number;
  connections: number;
  durationS: number;
  /** Fixed overall rate (requests/s); omitted: as fast as the connections go. */
  overallRate?: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** Per-request body/headers; `context` is per connection (autocannon keeps one per client). */
  setupRequest?: (req: Record<string, unknown>, context: Record<string, unknown>) => Record<string, unknown>;
}

const cpus = availableParallelism();
const SERVER_CPUS = '0';
const GENERATOR_CPUS = cpus > 1 ? `1-${cpus - 1}` : '0';
const ALL_CPUS = `0-${cpus - 1}`;

/** Sets the CPU affinity of every thread of a process; a machine without taskset (or one CPU) runs unpinned. */
function pin(pid: number, list: string): void {
  if (cpus < 2) return;
  try {
    execFileSync('taskset', ['-a', '-p', '-c', list, String(pid)], { stdio: 'ignore' });
  } catch {
    // util-linux missing: the figures are only noisier.
  }
}

/** Unmeasured load before the measured one: the server's JIT and connection pools are warm, as in production. */
const WARM_UP_S = 3;

export async function load(o: LoadOptions): Promise<LoadResult> {
  // A fixed rate measures latency: the server alone on its CPU. As fast as it goes measures
  // throughput: the server may use every CPU (its database driver's threads too), as deployed.
  pin(o.pid, o.overallRate ? SERVER_CPUS : ALL_CPUS);
  pin(process.pid, GENERATOR_CPUS);
  try {
    await autocannon({ url: o.url, connections: o.connections, duration: Math.min(WARM_UP_S, o.durationS), ...(o.overallRate ? { overallRate: o.overallRate } : {}), requests: [request(o)] });
    return await measure(o);
  } finally {
    pin(process.pid, ALL_CPUS);
  }
}

const request = (o: LoadOptions) => ({ method: o.method ?? 'GET', ...(o.headers && { headers: o.headers }), ...(o.setupRequest && { setupRequest: o.setupRequest }) });

async function measure(o: LoadOptions): Promise<LoadResult> {
  const rss = sampleRss(o.pid);
  const result = await autocannon({
    url: o.url,
    connections: o.connections,
    duration: o.durationS,
    ...(o.overallRate ? { overallRate: o.overallRate } : {}),
    requests: [request(o)],
  });
  const ok = result['2xx'];
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    perSecond: ok / o.durationS,
    total: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
    rssMb: rss.stop(),
  };
}
