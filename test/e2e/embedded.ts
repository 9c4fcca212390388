// Starts the Campaign Manager exactly as `npm start` does (bff/server.ts on the embedded default:
// SQLite, UCCX and Finesse simulators), on free ports and a temporary data folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Embedded {
  cmUrl: string;
  /** The instance's own database (tests arrange large histories in it directly). */
  databaseUrl: string;
  desktopUrl: string;
  output: () => string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export async function startEmbedded(env: Record<string, string> = {}): Promise<Embedded> {
  const dir = mkdtempSync(join(tmpdir(), 'cm-e2e-'));
  const [port, uccxPort, finessePort] = [await freePort(), await freePort(), await freePort()];
  const scheme = env.CM_TLS_CERT ? 'https' : 'http';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'bff/server.ts'], {
    cwd: new URL('../../', import.meta.url).pathname,
    env: {
      ...process.env,
      CM_PORT: String(port),
      CM_HOST: '127.0.0.1',
      CM_PUBLIC_URL: `${scheme}://127.0.0.1:${port}`,
      CM_SIM_UCCX_PORT: String(uccxPort),
      CM_SIM_FINESSE_PORT: String(finessePort),
      CM_DATABASE_URL: `sqlite:${join(dir, 'cm.sqlite')}`,
      CM_SIM_DBCRA_URL: `sqlite:${join(dir, 'db_cra.sqlite')}`,
      CM_LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const started = Date.now();
  while (!out.includes('Callback Campaign Manager is running')) {
    if (child.exitCode !== null) throw new Error(`the Campaign Manager exited:\n${out}`);
    if (Date.now() - started > 60_000) throw new Error(`the Campaign Manager did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    cmUrl: `${scheme}://127.0.0.1:${port}`,
    databaseUrl: env.CM_DATABASE_URL ?? `sqlite:${join(dir, 'cm.sqlite')}`,
    desktopUrl: out.match(/Finesse desktop simulator \(open this\):\s+(\S+)/)?.[1] ?? `${scheme}://127.0.0.1:${finessePort}/desktop/`,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium as root in this sandbox (never a downloaded browser). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** A demo user's headers (password "demo"). */
export const demoAuth = (id: string) => ({ authorization: `Basic ${Buffer.from(`${id}:demo`).toString('base64')}`, 'content-type': 'application/json' });

/** A REST call as a demo user that must succeed; the parsed answer. */
export async function restAs(cm: Embedded, method: string, path: string, user: string, body?: unknown) {
  const res = await fetch(`${cm.cmUrl}${path}`, { method, headers: demoAuth(user), body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** Open every hour of every day with no lead time, so a test does not depend on when CI runs. */
export async function openAroundTheClock(cm: Embedded): Promise<void> {
  const rules = await restAs(cm, 'GET', '/api/v1/admin/global-rules', '9001');
  await restAs(cm, 'PUT', '/api/v1/admin/global-rules', '9001', { ...rules, leadMinutes: 0, windowStart: '00:00', windowEnd: '24:00' });
  const allDay = Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, ['00:00-24:00']]));
  await restAs(cm, 'PUT', '/api/v1/admin/skills/Sales', '9001', { csq: 'CSQ_Sales', timeZone: 'Europe/Warsaw', hours: allDay, holidayCalendar: null });
}
