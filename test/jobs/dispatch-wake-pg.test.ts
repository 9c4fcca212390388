// Two instances on one PostgreSQL database: instance B is a separate dispatcher process
// (jobs/run-dispatcher.ts, safety net 60 s); instance A (this process, no dispatcher) books. B is
// woken by A's NOTIFY cm_due and imports within seconds, and still after its LISTEN connection
// was killed (it reconnects). A rolled-back booking notifies nobody.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { openTestDb } from '../helpers/databases.ts';
import { insertTestCallback } from '../db/seed-helpers.ts';
import type { Db } from '../../db/index.ts';
import { findCallbackById } from '../../db/queries/callbacks.ts';
import { listHistory } from '../../db/queries/history.ts';
import { publishDue, subscribeDue } from '../../db/notify.ts';
import { quietLog, seedDemo } from './helpers.ts';
import { startFakeUccx, type FakeUccx } from './fake-uccx.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false> | T | null | undefined | false, limitMs = 20_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - started > limitMs) assert.fail(`${what}: not within ${limitMs} ms`);
    await sleep(25);
  }
}

describe('dispatcher wake across instances (PostgreSQL LISTEN/NOTIFY)', () => {
  let db: Db;
  let url: string;
  let cleanup: () => Promise<void>;
  let uccx: FakeUccx;
  let b: ChildProcess;
  const lines: Array<Record<string, unknown>> = [];
  before(async () => {
    ({ db, url, cleanup } = await openTestDb('postgres'));
    await seedDemo(db);
    uccx = await startFakeUccx();
    const env = { ...process.env, CM_DATABASE_URL: url, CM_UCCX_URL: uccx.url, CM_DBCRA_URL: '', CM_DISPATCH_INTERVAL_MS: '60000', CM_INSTANCE_ID: 'instance-b', CM_IMPORT_AHEAD_SECONDS: '0' };
    b = spawn(process.execPath, ['--import', 'tsx', 'jobs/run-dispatcher.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of [b.stdout!, b.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => {
        try {
          lines.push(JSON.parse(line));
        } catch {
          lines.push({ msg: line });
        }
      });
    }
  });
  after(async () => {
    if (b.exitCode === null) {
      b.kill('SIGTERM');
      await new Promise((r) => b.once('exit', r));
    }
    await uccx.close();
    await cleanup();
  });

  const listening = () => lines.filter((l) => l.msg === 'listening for due callbacks').length;
  /** B's first tick is done (its heartbeat) and it LISTENs: from now on it sleeps for the safety net. */
  const bAsleep = async () => {
    await waitFor('B listening', () => listening() > 0, 30_000);
    await waitFor('B ticked', () => db.sequelize.query("SELECT 1 AS one FROM job_heartbeats WHERE instance_id = 'instance-b'", { plain: true }), 30_000);
    await sleep(500);
  };
  const importedByB = async (id: number) => {
    const started = Date.now();
    await waitFor(`callback ${id} imported`, async () => (await findCallbackById(db, id))?.status === 'queued', 30_000);
    const claimedBy = (await listHistory(db, id)).find((h) => h.event === 'claimed')?.actor;
    assert.equal(claimedBy, 'job:instance-b');
    return Date.now() - started;
  };

  test("instance B's dispatcher is woken by instance A's booking", async () => {
    await bAsleep();
    const cb = await insertTestCallback(db, { scheduledAt: new Date().toISOString() });
    const took = await importedByB(cb.id);
    assert.ok(took < 30_000, `imported after ${took} ms: woken, not the 60 s safety net (speed: npm run bench)`);
  });

  test('B reconnects its LISTEN connection when it is killed and is woken again', async () => {
    await bAsleep();
    const before = listening();
    const [killed] = (await db.sequelize.query("SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN cm_due'", { raw: true }))[0] as Array<{ done: boolean }>;
    assert.equal(killed?.done, true, 'the LISTEN connection was found and killed');
    await waitFor('B listening again', () => listening() > before, 15_000);
    assert.ok(lines.some((l) => l.msg === 'due listener lost its connection; reconnecting'));
    await sleep(300);
    const cb = await insertTestCallback(db, { scheduledAt: new Date().toISOString() });
    assert.ok((await importedByB(cb.id)) < 30_000, 'woken again after the reconnect, not by the 60 s safety net');
  });

  test('NOTIFY is sent at commit: a rolled-back booking wakes nobody, a committed one does', async () => {
    const heard: string[] = [];
    // A subscriber in another "instance": only PostgreSQL carries this (the in-process signal waits for the commit too).
    const sub = subscribeDue(url, (at) => void heard.push(at?.toISOString() ?? 'null'), quietLog());
    try {
      await sleep(500); // LISTEN established
      const at = new Date('2031-05-05T05:05:05.000Z');
      await assert.rejects(db.transaction(async (t) => {
        await publishDue(db, at, t);
        await sleep(200);
        assert.deepEqual(heard, [], 'nothing heard before the commit');
        throw new Error('roll back');
      }));
      await sleep(300);
      assert.deepEqual(heard, []);
      await db.transaction((t) => publishDue(db, at, t));
      await waitFor('notification heard', () => heard.length > 0, 5000);
      assert.equal(heard[0], at.toISOString());
    } finally {
      await sub.close();
    }
  });
});
