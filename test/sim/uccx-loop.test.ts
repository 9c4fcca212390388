// The simulator's own loop on an accelerated clock: automatic retries after the campaign's delay,
// the automatic midnight job, the campaign window, and a close() that stops a call mid-ring.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startUccxSim, type UccxSim } from '../../sim/uccx/index.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.ts';
import { HEADER, SIM_CAMPAIGNS, postContacts } from './uccx-helpers.ts';

const row = async (sim: UccxSim, account: string) =>
  (await sim.db.query<Record<string, unknown>>('SELECT * FROM dialinglist WHERE accountnumber = :account', { account }))[0];

async function until<T>(probe: () => Promise<T | undefined | false>, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

for (const dialect of DIALECTS) {
  describe(`UCCX simulator loop on the accelerated clock (db_cra on ${dialect})`, () => {
    let target: TestDatabase;
    before(async () => (target = await createTestDatabase(dialect)));
    after(() => target.drop());

    test('startUccxSim dialler retries a busy contact after retryBusySignalDelay, then max calls; midnight moves it to history', async () => {
      // At 600x the busy delay (120 s) is 0.2 real seconds.
      const sim = await startUccxSim({
        dbcraUrl: target.url,
        campaigns: SIM_CAMPAIGNS,
        clock: { speed: 600, start: new Date('2026-12-01T10:00:00.000Z') },
        dialer: { tickMs: 10, ringSeconds: 2 },
      });
      try {
        const dialled: number[] = [];
        const errors: unknown[] = [];
        sim.events.on('error', (e) => void errors.push(e));
        // The simulated time the result was recorded (the retry counts from it), not when the listener runs:
        // on a busy machine a database write between the two is seconds of simulated time at 600x.
        sim.events.on('dialed', (e: { contact: { accountnumber: string }; at: Date }) => void (e.contact.accountnumber === 'BUSY' && dialled.push(e.at.getTime())));
        await postContacts(sim, `${HEADER}\nBUSY,Jan,K,0221234566,,,`);
        await until(async () => dialled.length >= 2);
        assert.ok(dialled[1]! - dialled[0]! >= 120_000, `second dial ${(dialled[1]! - dialled[0]!) / 1000} s after the first`);
        const closed = await until(async () => {
          const r = await row(sim, 'BUSY');
          return r && Number(r.callstatus) === 5 && r;
        });
        assert.deepEqual([Number(closed.callresult), Number(closed.callsmadetophone01), closed.active], [11, 2, 'F']);
        // The loop's midnight job moves it once the simulated day changes (jump to 00:01 next day).
        const nextMidnight = Date.parse(`${String(closed.dateinactive).slice(0, 10)}T00:00:00Z`) + 86_400_000;
        sim.clock.advance(nextMidnight + 60_000 - sim.clock.now().getTime());
        const moved = await until(async () => (await sim.db.query<{ callstatus: number }>("SELECT callstatus FROM dialinglisthistory WHERE accountnumber = 'BUSY'"))[0]);
        assert.equal(Number(moved.callstatus), 5);
        assert.equal(await row(sim, 'BUSY'), undefined);
        assert.equal(dialled.length, 2, 'never dialled more than maxDialAttempts');
        assert.deepEqual(errors, [], 'no failed loop pass');
      } finally {
        await sim.close();
      }
    });

    test('dialerTick dials only inside the campaign window (server zone)', async () => {
      // 06:30 UTC = 07:30 in Warsaw; the window opens at 08:00 Warsaw time.
      const sim = await startUccxSim({
        dbcraUrl: target.url,
        campaigns: [{ ...SIM_CAMPAIGNS[0]!, startTime: '08:00', endTime: '21:00' }],
        timeZone: 'Europe/Warsaw',
        clock: { speed: 1, start: new Date('2026-12-02T06:30:00.000Z') },
        dialer: { enabled: false, ringSeconds: 0 },
      });
      try {
        await postContacts(sim, `${HEADER}\nWIN,Jan,K,0221234569,,,`);
        await sim.dialerTick();
        await sim.dialerSettle();
        assert.equal(Number((await row(sim, 'WIN'))?.callstatus), 1, 'not dialled before 08:00');
        sim.clock.advance(31 * 60_000);
        await sim.dialerTick();
        await sim.dialerSettle();
        assert.deepEqual([Number((await row(sim, 'WIN'))?.callstatus), Number((await row(sim, 'WIN'))?.callresult)], [3, 4]);
      } finally {
        await sim.close();
      }
    });

    test('close stops a call mid-ring at once; a restart marks it unknown (7) and dials it again', async () => {
      const opts = { dbcraUrl: target.url, campaigns: SIM_CAMPAIGNS, dialer: { enabled: false, ringSeconds: 3600 } };
      const first = await startUccxSim(opts);
      await postContacts(first, `${HEADER}\nRING,Jan,K,0221234569,,,`);
      await first.dialerTick();
      await until(async () => Number((await row(first, 'RING'))?.callstatus) === 2);
      const started = Date.now();
      await first.close();
      assert.ok(Date.now() - started < 2000, `close took ${Date.now() - started} ms`);
      const second = await startUccxSim({ ...opts, dialer: { enabled: false, ringSeconds: 0 } });
      try {
        assert.equal(Number((await row(second, 'RING'))?.callstatus), 7);
        await second.dialerTick();
        await second.dialerSettle();
        assert.deepEqual([Number((await row(second, 'RING'))?.callstatus), Number((await row(second, 'RING'))?.callresult)], [3, 4]);
      } finally {
        await second.close();
      }
    });
  });
}
