import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../../db/index.ts';
import { listActiveCallbacksForPhones } from '../../db/queries/active-for-number.ts';
import { ACTIVE_STATES } from '../../domain/types.ts';
import { DIALECTS, openTestDb } from '../helpers/databases.ts';
import { insertTestCallback } from './seed-helpers.ts';

for (const dialect of DIALECTS) {
  describe(`active-for-number on ${dialect}`, () => {
    let db: Db;
    let cleanup: () => Promise<void>;
    before(async () => ({ db, cleanup } = await openTestDb(dialect)));
    after(() => cleanup());

    test('listActiveCallbacksForPhones: active callbacks of any of the numbers, soonest first; finished ones and other numbers left out', async () => {
      const phone = { phoneE164: '+48601000001', phone: '+48601000001' };
      const later = await insertTestCallback(db, { ...phone, scheduledAt: '2026-12-02T10:00:00.000Z', status: 'retry_wait' });
      const sooner = await insertTestCallback(db, { ...phone, campaign: 'CB_US', scheduledAt: '2026-12-01T10:00:00.000Z', status: 'connected' });
      // (another campaign: one active callback per number and campaign is a unique index)
      await insertTestCallback(db, { ...phone, campaign: 'CB_OLD', scheduledAt: '2026-11-30T10:00:00.000Z', status: 'completed' });
      await insertTestCallback(db, { phoneE164: '+48601000002', phone: '+48601000002' });
      const other = await insertTestCallback(db, { phoneE164: '+12125550151', phone: '+12125550151', scheduledAt: '2026-12-01T12:00:00.000Z' });
      const found = await listActiveCallbacksForPhones(db, ['+48601000001', '+12125550151'], ACTIVE_STATES);
      assert.deepEqual(found.map((c) => c.id), [sooner.id, other.id, later.id]);
      assert.deepEqual(await listActiveCallbacksForPhones(db, [], ACTIVE_STATES), []);
    });
  });
}
