// The change feed under a booking load: more changes within its look-back than one page holds must
// all be announced, each once, and a later change of an old row too (one page per poll stalled).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ChangeFeed } from '../../bff/services/change-feed.ts';
import { findCallbackById, insertCallback } from '../../db/queries/callbacks.ts';
import { CallbackEvents } from '../../db/service-context.ts';
import type { Callback } from '../../domain/types.ts';
import { forceState } from '../db/seed-helpers.ts';
import { DIALECTS, openTestDb } from '../helpers/databases.ts';

for (const dialect of DIALECTS) {
  test(`${dialect}: 1,200 changes made elsewhere within the look-back are all announced once; a later change of the oldest too`, async (t) => {
    const { db, cleanup } = await openTestDb(dialect);
    t.after(cleanup);
    const events = new CallbackEvents((id) => findCallbackById(db, id));
    const heard: Callback[] = [];
    events.on('changed', (c) => heard.push(c));
    const feed = new ChangeFeed(db, events, new Date(Date.now() - 1000));
    t.after(() => feed.stop());
    // Written by "another instance": nothing announced here.
    const ids = await db.transaction(async (tx) => {
      const made: number[] = [];
      for (let i = 0; i < 1200; i++) {
        const phone = `+4822${String(3_000_000 + i).padStart(7, '0')}`;
        const at = new Date(Date.UTC(2026, 11, 2, 8) + (i % 40) * 900_000).toISOString();
        const row = await insertCallback(db, {
          accountNumber: `F${dialect[0]}${i}`, campaign: 'CB_MAIN', type: 'skill', agentId: null, skill: 'Support', firstName: 'Jan', lastName: 'K', phone, phoneE164: phone,
          dialString: `0${phone.slice(3)}`, scheduledAt: at, slotStart: at, timeZone: 'Europe/Warsaw', notes: null, source: 'outbound', createdBy: '1001', teamId: '1',
        }, tx);
        made.push(row.id);
      }
      return made;
    });
    assert.equal(await feed.poll(), 1200);
    assert.equal(await feed.poll(), 0, 'nothing twice');
    assert.deepEqual(new Set(heard.map((c) => c.id)).size, 1200);
    await forceState(db, ids[0], { status: 'cancelled', reason: 'customer' });
    assert.equal(await feed.poll(), 1);
    assert.deepEqual([heard.at(-1)?.id, heard.at(-1)?.status], [ids[0], 'cancelled']);
    // A change this instance announced itself is not read again.
    const own = await forceState(db, ids[1], { notes: 'edited here' });
    events.changed(own);
    const before = heard.length;
    assert.equal(await feed.poll(), 0);
    assert.equal(heard.length, before);
  });
}
