import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../../db/index.ts';
import { updateCallback } from '../../db/queries/callbacks.ts';
import { appendHistory, listHistory } from '../../db/queries/history.ts';
import { purgeOldCallbacks, retentionIfDue } from '../../jobs/retention.ts';
import { DIALECTS, openTestDb } from '../helpers/databases.ts';
import { forceState, insertTestCallback } from '../db/seed-helpers.ts';
import { makeDeps } from './helpers.ts';

const NOW = new Date('2027-06-01T03:00:00Z');

for (const dialect of DIALECTS) {
  describe(`purgeOldCallbacks on ${dialect}`, () => {
    let db: Db;
    let cleanup: () => Promise<void>;
    before(async () => ({ db, cleanup } = await openTestDb(dialect)));
    after(() => cleanup());

    /** A callback in `status`, last changed `daysAgo` days before NOW, with two history rows. */
    async function seed(status: string, daysAgo: number) {
      const cb = await insertTestCallback(db);
      await appendHistory(db, { callbackId: cb.id, event: 'booked', actor: '1001' });
      await appendHistory(db, { callbackId: cb.id, event: 'cancelled', actor: '1001' });
      await forceState(db, cb.id, { status });
      const changedAt = new Date(NOW.getTime() - daysAgo * 86_400_000);
      await db.sequelize.query('UPDATE callbacks SET updated_at = :changedAt WHERE id = :id', { replacements: { changedAt, id: cb.id } });
      return cb.id;
    }

    test('deletes only finished callbacks older than the retention, with their history, in small batches', async () => {
      const oldFinished = [await seed('completed', 400), await seed('cancelled', 500), await seed('failed', 367), await seed('expired', 900), await seed('completed', 366)];
      const oldActive = await seed('scheduled', 500);
      const recentFinished = await seed('completed', 10);
      const report = await purgeOldCallbacks(makeDeps(db, { now: () => NOW }), { retentionDays: 365, batchSize: 2, maxBatches: 100 });
      assert.deepEqual({ history: report.historyDeleted, callbacks: report.callbacksDeleted, complete: report.complete }, { history: 10, callbacks: 5, complete: true });
      const left = (await db.models.Callback.findAll({ attributes: ['id'], raw: true })).map((r) => Number((r as unknown as { id: number }).id));
      for (const id of oldFinished) assert.ok(!left.includes(id), `old finished ${id} deleted`);
      assert.ok(left.includes(oldActive) && left.includes(recentFinished));
      assert.equal((await listHistory(db, oldActive)).length, 2, 'an active callback keeps its history, however old');
      assert.equal((await listHistory(db, recentFinished)).length, 2);
    });

    test('stops after maxBatches and reports the run incomplete', async () => {
      for (let i = 0; i < 3; i++) await seed('completed', 400);
      const report = await purgeOldCallbacks(makeDeps(db, { now: () => NOW }), { retentionDays: 365, batchSize: 2, maxBatches: 1 });
      assert.equal(report.historyDeleted, 2);
      assert.equal(report.complete, false);
    });

    test('retentionIfDue runs once a day after its time, whichever instance asks', async () => {
      await seed('completed', 400);
      const settings = { retentionDays: 365, batchSize: 100, maxBatches: 10 };
      const at = (iso: string, owner: string) => makeDeps(db, { now: () => new Date(iso), owner });
      assert.equal(await retentionIfDue(at('2027-06-01T01:00:00Z', 'a'), '02:00', settings, 'UTC'), null, 'not before 02:00');
      assert.ok(await retentionIfDue(at('2027-06-01T02:30:00Z', 'a'), '02:00', settings, 'UTC'));
      assert.equal(await retentionIfDue(at('2027-06-01T03:00:00Z', 'b'), '02:00', settings, 'UTC'), null, 'once that day');
      assert.ok(await retentionIfDue(at('2027-06-02T02:30:00Z', 'b'), '02:00', settings, 'UTC'), 'again the next day');
    });
  });
}
