// A Campaign Manager dispatcher process killed with SIGKILL in the middle of dispatch loses and
// duplicates nothing: a real child process (jobs/run-dispatcher.ts) is killed while it imports,
// a second one takes over when the leases run out, and UCCX ends up with each contact once.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DIALECTS, openTestDb } from '../helpers/databases.ts';
import { insertTestCallback } from '../db/seed-helpers.ts';
import type { Db } from '../../db/index.ts';
import { seedDemo } from '../jobs/helpers.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startUccxSim, type UccxSim } from '../../sim/uccx/index.ts';
import { DEMO_UCCX_CAMPAIGNS } from '../../sim/start.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TOTAL = 1000;

function startDispatcher(env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'jobs/run-dispatcher.ts'], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr?.on('data', () => {}); // keep the pipe drained
  return child;
}
const exited = (child: ChildProcess) => new Promise<void>((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', () => r())));
const count = async (db: Db, status: string) => db.models.Callback.count({ where: { status } });

for (const dialect of DIALECTS) {
  describe(`dispatcher killed with SIGKILL on ${dialect}`, () => {
    let db: Db;
    let url: string;
    let cleanup: () => Promise<void>;
    let uccx: UccxSim;
    let dir: string;
    const children: ChildProcess[] = [];
    before(async () => {
      ({ db, url, cleanup } = await openTestDb(dialect));
      await seedDemo(db);
      dir = mkdtempSync(join(tmpdir(), 'crash-dbcra-'));
      // Real time (the child runs on the real clock); no dialling, so every contact stays listed.
      uccx = await startUccxSim({ dbcraUrl: `sqlite:${join(dir, 'db_cra.sqlite')}`, campaigns: DEMO_UCCX_CAMPAIGNS, dialer: { enabled: false } });
    });
    after(async () => {
      for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
      await Promise.all(children.map(exited));
      await uccx.close();
      await cleanup();
      rmSync(dir, { recursive: true, force: true });
    });

    test('restart after kill -9 imports every callback exactly once', { timeout: 240_000 }, async () => {
      const at = new Date(Date.now() - 1000).toISOString();
      for (let i = 0; i < TOTAL; i++) await insertTestCallback(db, { scheduledAt: at });
      const env = { CM_DATABASE_URL: url, CM_UCCX_URL: uccx.url, CM_DBCRA_URL: `sqlite:${join(dir, 'db_cra.sqlite')}`, CM_LEASE_SECONDS: '3', CM_DISPATCH_INTERVAL_MS: '100', CM_LOG_LEVEL: 'warn' };

      const first = startDispatcher({ ...env, CM_INSTANCE_ID: 'cm-killed' });
      children.push(first);
      // Kill it as soon as its first imports are confirmed, while the rest are still claimed (a busy
      // CI machine can take long to start a tsx child: the wait is generous, the kill immediate).
      const deadline = Date.now() + 120_000;
      while ((await count(db, 'queued')) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      first.kill('SIGKILL');
      await exited(first);
      const queuedAtKill = await count(db, 'queued');
      const claimedAtKill = await count(db, 'dispatching');
      assert.ok(queuedAtKill > 0 && claimedAtKill > 0, `killed mid-dispatch (queued ${queuedAtKill}, claimed ${claimedAtKill})`);

      const second = startDispatcher({ ...env, CM_INSTANCE_ID: 'cm-restarted' });
      children.push(second);
      while ((await count(db, 'queued')) < TOTAL && Date.now() < deadline + 60_000) await new Promise((r) => setTimeout(r, 100));
      second.kill('SIGTERM');
      await exited(second);

      assert.equal(await count(db, 'queued'), TOTAL, 'every callback queued');
      const accounts = (await uccx.db.query<{ accountnumber: string }>('SELECT accountnumber FROM dialinglist UNION ALL SELECT accountnumber FROM dialinglisthistory')).map((r) => r.accountnumber);
      assert.equal(accounts.length, TOTAL, 'as many UCCX contacts as callbacks');
      assert.equal(new Set(accounts).size, TOTAL, 'no contact imported twice');
    });
  });
}
