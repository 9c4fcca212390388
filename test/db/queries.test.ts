import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../../db/index.ts';
import { claimDueCallbacks, findActiveDuplicate, reclaimExpiredCallbacks, updateCallback } from '../../db/queries/callbacks.ts';
import { appendHistory, appendHistoryRows, listHistory } from '../../db/queries/history.ts';
import { bookedBySlot, reserveSlot, releaseSlot, slotBooked } from '../../db/queries/slots.ts';
import { findAgent, upsertAgent } from '../../db/queries/agents.ts';
import { ACTIVE_STATES } from '../../domain/types.ts';
import { DIALECTS, openTestDb } from '../helpers/databases.ts';
import { insertTestCallback, forceState } from './seed-helpers.ts';

for (const dialect of DIALECTS) {
  describe(`queries on ${dialect}`, () => {
    let db: Db;
    let cleanup: () => Promise<void>;
    before(async () => ({ db, cleanup } = await openTestDb(dialect)));
    after(() => cleanup());

    test('appendHistoryRows: many entries in one statement, each readable in order; none is a no-op', async () => {
      const a = await insertTestCallback(db, {});
      const b = await insertTestCallback(db, {});
      const at = new Date('2026-12-01T10:00:00Z');
      await appendHistoryRows(db, []);
      await appendHistoryRows(db, [
        { callbackId: a.id, event: 'claimed', actor: 'job:x', details: { owner: 'x' }, at },
        { callbackId: b.id, event: 'claimed', actor: 'job:x', details: { owner: 'x', reclaimed: true }, at },
      ]);
      const ofB = (await listHistory(db, b.id)).filter((h) => h.event === 'claimed');
      assert.equal(ofB.length, 1);
      assert.deepEqual([ofB[0].actor, ofB[0].details, ofB[0].at], ['job:x', { owner: 'x', reclaimed: true }, at.toISOString()]);
      assert.equal((await listHistory(db, a.id)).filter((h) => h.event === 'claimed').length, 1);
    });

    test('reserveSlot: of 25 concurrent reservations for capacity 10 exactly 10 win', async () => {
      const slot = new Date('2026-12-01T10:00:00Z');
      const results = await Promise.all(Array.from({ length: 25 }, () => db.transaction((t) => reserveSlot(db, 'skill:Race', slot, 10, t))));
      assert.equal(results.filter(Boolean).length, 10);
      assert.equal(await slotBooked(db, 'skill:Race', slot), 10);
      await releaseSlot(db, 'skill:Race', slot);
      assert.equal(await slotBooked(db, 'skill:Race', slot), 9);
    });

    test('bookedBySlot: places per slot start (epoch ms) in [from, to) of one scope, empty counters left out', async () => {
      const at = (iso: string) => new Date(iso);
      for (const [scope, iso, places] of [['skill:Range', '2026-12-02T07:45:00Z', 1], ['skill:Range', '2026-12-02T08:00:00Z', 2], ['skill:Range', '2026-12-02T08:15:00Z', 1], ['skill:Range', '2026-12-02T09:00:00Z', 1], ['skill:Other', '2026-12-02T08:30:00Z', 1]] as const)
        for (let i = 0; i < places; i++) assert.equal(await reserveSlot(db, scope, at(iso), 10), true);
      await releaseSlot(db, 'skill:Range', at('2026-12-02T08:15:00Z'));
      const booked = await bookedBySlot(db, 'skill:Range', at('2026-12-02T08:00:00Z'), at('2026-12-02T09:00:00Z'));
      assert.deepEqual([...booked].sort(([a], [b]) => a - b), [[Date.parse('2026-12-02T08:00:00Z'), 2]]);
      assert.equal((await bookedBySlot(db, 'skill:Range', at('2026-12-02T07:00:00Z'), at('2026-12-02T10:00:00Z'))).size, 3);
      // Read as epoch milliseconds by the dialect (sqlFor(…).epochMillis), to the millisecond.
      await reserveSlot(db, 'skill:Millis', at('2026-12-02T09:00:00.250Z'), 10);
      assert.deepEqual([...(await bookedBySlot(db, 'skill:Millis', at('2026-12-02T00:00:00Z'), at('2026-12-03T00:00:00Z')))], [[Date.parse('2026-12-02T09:00:00.250Z'), 1]]);
    });

    test('releaseSlot never goes below zero', async () => {
      const slot = new Date('2026-12-01T11:00:00Z');
      await releaseSlot(db, 'skill:Empty', slot);
      assert.equal(await slotBooked(db, 'skill:Empty', slot), 0);
    });

    test('the partial unique index allows one active callback per number and campaign', async () => {
      const first = await insertTestCallback(db, { phoneE164: '+48500000001' });
      await assert.rejects(insertTestCallback(db, { phoneE164: '+48500000001' }), /Unique|unique|UNIQUE/);
      assert.equal((await findActiveDuplicate(db, '+48500000001', 'CB_MAIN', ACTIVE_STATES))?.id, first.id);
      await forceState(db, first.id, { status: 'cancelled' });
      const second = await insertTestCallback(db, { phoneE164: '+48500000001' });
      assert.ok(second.id > first.id, 'a new one once the old one is no longer active');
    });

    test('updateCallback applies only on the expected version', async () => {
      const cb = await insertTestCallback(db);
      const updated = await updateCallback(db, cb.id, cb.version, { notes: 'first' });
      assert.equal(updated?.version, cb.version + 1);
      assert.equal(await updateCallback(db, cb.id, cb.version, { notes: 'stale' }), null);
    });

    test('claimDueCallbacks: two concurrent claimers take disjoint sets of due callbacks only', async () => {
      const due: Array<{ id: number }> = [];
      for (let i = 0; i < 12; i++) due.push(await insertTestCallback(db, { campaign: 'CLAIM', scheduledAt: `2026-12-01T0${i % 9}:00:00.000Z` }));
      const future = await insertTestCallback(db, { campaign: 'CLAIM', scheduledAt: '2026-12-02T10:00:00.000Z' });
      const now = new Date('2026-12-01T09:30:00Z');
      const [a, b] = await Promise.all([
        claimDueCallbacks(db, { now, owner: 'A', leaseMs: 60_000, limit: 8 }),
        claimDueCallbacks(db, { now, owner: 'B', leaseMs: 60_000, limit: 8 }),
      ]);
      const ids = [...a, ...b].map((c) => c.id).filter((id) => due.some((d) => d.id === id));
      assert.equal(new Set(ids).size, ids.length, 'no callback claimed twice');
      assert.ok(!ids.includes(future.id));
      const mine = [...a, ...b].filter((c) => c.campaign === 'CLAIM');
      assert.equal(mine.length, 12, 'all due ones claimed between the two');
      assert.ok(mine.every((c) => c.status === 'dispatching' && c.leaseUntil === '2026-12-01T09:31:00.000Z'));
      assert.ok(a.every((c) => c.claimedBy === 'A') && b.every((c) => c.claimedBy === 'B'));
      assert.deepEqual(await claimDueCallbacks(db, { now, owner: 'C', leaseMs: 60_000, limit: 50 }), []);
    });

    test('reclaimExpiredCallbacks takes only claims whose lease ran out', async () => {
      const now = new Date('2026-12-01T09:30:00Z');
      const cb = await insertTestCallback(db, { campaign: 'LEASE', scheduledAt: '2026-12-01T09:00:00.000Z' });
      await forceState(db, cb.id, { status: 'dispatching', claimedBy: 'dead', leaseUntil: new Date('2026-12-01T09:29:00Z') });
      const live = await insertTestCallback(db, { campaign: 'LEASE', scheduledAt: '2026-12-01T09:00:00.000Z' });
      await forceState(db, live.id, { status: 'dispatching', claimedBy: 'alive', leaseUntil: new Date('2026-12-01T09:35:00Z') });
      const taken = await reclaimExpiredCallbacks(db, { now, owner: 'B', leaseMs: 60_000, limit: 10 });
      assert.deepEqual(taken.map((c) => c.id), [cb.id]);
      assert.equal(taken[0].claimedBy, 'B');
    });

    test('appendHistory / listHistory keep order and details', async () => {
      const cb = await insertTestCallback(db);
      await appendHistory(db, { callbackId: cb.id, event: 'booked', actor: '1001', details: { a: 1 } });
      await appendHistory(db, { callbackId: cb.id, event: 'claimed', actor: 'dispatcher', details: { owner: 'x' } });
      const h = await listHistory(db, cb.id);
      assert.deepEqual(h.map((e) => e.event), ['booked', 'claimed']);
      assert.deepEqual(h[0].details, { a: 1 });
    });

    test('upsertAgent inserts then updates (dialect upsert)', async () => {
      await upsertAgent(db, { id: '7001', firstName: 'A', lastName: 'B', teamId: '5', teamName: 'Team E', role: 'agent' });
      await upsertAgent(db, { id: '7001', firstName: 'A', lastName: 'C', teamId: '5', teamName: 'Team E', role: 'supervisor' });
      const agent = await findAgent(db, '7001');
      assert.equal(agent?.lastName, 'C');
      assert.equal(agent?.role, 'supervisor');
      assert.equal(agent?.teamName, 'Team E');
    });
  });
}
