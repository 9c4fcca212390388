// Production never runs on demo settings (issue 9, blocker 2): bff/server.ts as `npm start` runs it,
// in CM_MODE=production, refuses to start with one line per missing or demo setting; fully
// configured, it starts without simulators or demo seed, serves HTTPS, trusts Finesse's self-signed
// certificate through CM_TLS_CA, and prints no secret.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import Fastify from 'fastify';
import { Agent, fetch as tlsFetch } from 'undici';
import { finesseUserApi } from '../../sim/finesse/user-api.ts';
import { createTestDatabase } from '../helpers/databases.ts';
import { makeTestCertificate } from '../helpers/tls.ts';
import { freePort } from '../e2e/embedded.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const baseEnv = () => ({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', CM_LOG_LEVEL: 'warn' });

interface Run {
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code, or null once the banner is printed (the server runs on). */
  settled: Promise<number | null>;
}

/** Starts bff/server.ts with exactly `env` (nothing of this process's CM_* settings leaks in). */
function runServer(env: Record<string, string>): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bff/server.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const settled = new Promise<number | null>((resolve) => {
    const onData = (d: Buffer) => {
      out += d;
      if (out.includes('Callback Campaign Manager is running')) resolve(null);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => resolve(code));
  });
  return { child, output: () => out, settled };
}

const exitOf = async (env: Record<string, string>) => {
  const run = runServer(env);
  const code = await run.settled;
  if (code === null) run.child.kill('SIGKILL');
  return { code, out: run.output() };
};

test('startupProblems: production without settings exits non-zero naming each missing one', async () => {
  const { code, out } = await exitOf({ ...baseEnv(), CM_MODE: 'production' });
  assert.equal(code, 2, out);
  for (const name of ['CM_DATABASE_URL', 'CM_FINESSE_URL', 'CM_UCCX_URL', 'CM_UCCX_USER', 'CM_UCCX_PASSWORD', 'CM_IVR_USER', 'CM_IVR_PASSWORD', 'CM_ADMIN_USERS', 'CM_PUBLIC_URL', 'CM_IDS_CLIENT_SECRET']) {
    assert.match(out, new RegExp(`^  - ${name}\\b`, 'm'), `${name} named on its own line`);
  }
  assert.doesNotMatch(out, /is running/);
});

test('startupProblems: demo secrets, http Finesse and the demo seed are refused in production', async () => {
  const { code, out } = await exitOf({
    ...baseEnv(),
    CM_MODE: 'production',
    CM_DATABASE_URL: 'postgres://cm:pw@127.0.0.1:5432/none',
    CM_FINESSE_URL: 'http://finesse.example:8082',
    CM_UCCX_URL: 'https://uccx.example',
    CM_UCCX_USER: 'administrator',
    CM_UCCX_PASSWORD: 'ciscocisco',
    CM_IVR_USER: 'ivr',
    CM_IVR_PASSWORD: 'ivr-demo',
    CM_ADMIN_USERS: '9001',
    CM_PUBLIC_URL: 'http://cm.example',
    CM_SEED_FILE: 'db/seed/demo.json',
    CM_IDS_CLIENT_SECRET: 'demo-client-secret',
  });
  assert.equal(code, 2, out);
  for (const pattern of [/CM_FINESSE_URL must be https/, /CM_PUBLIC_URL must be https/, /CM_UCCX_PASSWORD is a demo or factory default/, /CM_IVR_PASSWORD is a demo or factory default/, /CM_SEED_FILE is the demo seed/, /CM_IDS_CLIENT_SECRET is a demo or factory default/]) {
    assert.match(out, pattern);
  }
  assert.doesNotMatch(out, /ciscocisco|ivr-demo/, 'no secret printed');
});

test('startupProblems: a real UCCX next to the demo mode is refused (it would get demo credentials)', async () => {
  const { code, out } = await exitOf({ ...baseEnv(), CM_UCCX_URL: 'https://uccx.example' });
  assert.equal(code, 2, out);
  assert.match(out, /CM_UCCX_URL points at a real system but CM_MODE is "demo"/);
});

test('production start: HTTPS, CM_TLS_CA trusts Finesse, no simulators, no demo seed, no secret printed', async (t) => {
  const tls = await makeTestCertificate();
  t.after(() => tls.remove());
  const finesse = Fastify({ https: { key: tls.key, cert: tls.cert } });
  await finesse.register(finesseUserApi);
  const finesseUrl = await finesse.listen({ port: 0, host: '127.0.0.1' });
  t.after(() => finesse.close());
  const database = await createTestDatabase('postgres');
  t.after(() => database.drop());
  const dbUrl = new URL(database.url);
  dbUrl.password = 'Db-Secret-42'; // trust auth ignores it; the banner must not show it
  const [port, simUccx, simFinesse] = [await freePort(), await freePort(), await freePort()];
  const env = {
    ...baseEnv(),
    CM_MODE: 'production',
    CM_PORT: String(port),
    CM_HOST: '127.0.0.1',
    CM_PUBLIC_URL: `https://127.0.0.1:${port}`,
    CM_TLS_CERT: tls.certFile,
    CM_TLS_KEY: tls.keyFile,
    CM_TLS_CA: tls.certFile,
    CM_DATABASE_URL: dbUrl.toString(),
    CM_FINESSE_URL: finesseUrl,
    CM_UCCX_URL: 'https://127.0.0.1:9',
    CM_UCCX_USER: 'cmservice',
    CM_UCCX_PASSWORD: 'Uccx-Secret-42',
    CM_IVR_USER: 'ivrscript',
    CM_IVR_PASSWORD: 'Ivr-Secret-4242',
    CM_ADMIN_USERS: '9001',
    CM_SSO: 'off',
    CM_JOBS_ENABLED: 'false',
    CM_SIM_UCCX_PORT: String(simUccx),
    CM_SIM_FINESSE_PORT: String(simFinesse),
  };
  const run = runServer(env);
  t.after(() => {
    run.child.kill('SIGTERM');
  });
  assert.equal(await run.settled, null, run.output());
  const out = run.output();
  assert.match(out, /Mode:\s+production \(https\)/);
  for (const secret of ['Db-Secret-42', 'Uccx-Secret-42', 'Ivr-Secret-4242']) assert.ok(!out.includes(secret), `${secret} not printed`);
  assert.doesNotMatch(out, /simulator/i);

  const dispatcher = new Agent({ connect: { ca: tls.cert } });
  const auth = (id: string) => ({ authorization: `Basic ${Buffer.from(`${id}:demo`).toString('base64')}` });
  // 1001 is verified against Finesse over HTTPS, trusted only through CM_TLS_CA.
  const list = await tlsFetch(`https://127.0.0.1:${port}/api/v1/callbacks`, { headers: auth('1001'), dispatcher });
  assert.equal(list.status, 200, await list.clone().text());
  const campaigns = await tlsFetch(`https://127.0.0.1:${port}/api/v1/admin/campaigns`, { headers: auth('9001'), dispatcher });
  assert.equal(campaigns.status, 200);
  assert.deepEqual(await campaigns.json(), [], 'no demo seed in production');
  // No simulator listens on its ports.
  for (const p of [simUccx, simFinesse]) await assert.rejects(() => fetch(`http://127.0.0.1:${p}/`, { signal: AbortSignal.timeout(2000) }));
});
