// markQueued when UCCX was faster than the dispatcher: the customer answered (IVR lookup) before
// the import was recorded. The state stays, the import is still recorded. SQLite and PostgreSQL.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, openTestDb } from '../helpers/databases.ts';
import { forceState, insertTestCallback } from '../db/seed-helpers.ts';
import type { Db } from '../../db/index.ts';
import { claimDueCallbacks, findCallbackById, updateCallback } from '../../db/queries/callbacks.ts';
import { listHistory } from '../../db/queries/history.ts';
import { markQueued } from '../../jobs/transitions.ts';
import { makeDeps, seedDemo, seededDbHooks } from './helpers.ts';

for (const dialect of DIALECTS) {
  describe(`markQueued on ${dialect}`, () => {
    let db: Db;
    seededDbHooks(dialect, (opened) => (db = opened));

    test('keeps a callback the IVR already connected, and records the import on it', async () => {
      const now = new Date('2026-12-01T10:00:00Z');
      const cb = await insertTestCallback(db, { scheduledAt: now.toISOString() });
      const [claimed] = await claimDueCallbacks(db, { now, owner: 'cm', leaseMs: 60_000, limit: 10 });
      await forceState(db, cb.id, { status: 'connected' }); // the IVR lookup
      const result = await markQueued(makeDeps(db, { now: () => now, owner: 'cm' }), claimed, { id: 200, name: 'CB_DDI_1' }, 77);
      const after = (await findCallbackById(db, cb.id))!;
      assert.ok(result);
      assert.deepEqual([after.status, after.uccxCampaignId, after.uccxDialingListId, after.claimedBy], ['connected', 200, 77, null]);
      assert.deepEqual((await listHistory(db, cb.id)).map((h) => h.event), ['imported']);
    });

    test('a callback cancelled meanwhile stays cancelled; the import is recorded once, so the lookup knows the contact', async () => {
      const now = new Date('2026-12-01T10:00:00Z');
      const cb = await insertTestCallback(db, { scheduledAt: now.toISOString() });
      const [claimed] = await claimDueCallbacks(db, { now, owner: 'cm', leaseMs: 60_000, limit: 10 });
      await forceState(db, cb.id, { status: 'cancelled' });
      await markQueued(makeDeps(db, { now: () => now, owner: 'cm' }), claimed, { id: 200, name: 'CB_DDI_1' }, 78);
      await markQueued(makeDeps(db, { now: () => now, owner: 'cm' }), claimed, { id: 200, name: 'CB_DDI_1' }, 78);
      const after = (await findCallbackById(db, cb.id))!;
      assert.deepEqual([after.status, after.uccxDialingListId], ['cancelled', 78]);
      assert.deepEqual((await listHistory(db, cb.id)).map((h) => h.event), ['imported']);
    });
  });
}
