// syncOnce against an in-memory db_cra (the mapping and idempotence), on SQLite and PostgreSQL.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { QueryTypes } from 'sequelize';
import { DIALECTS, openTestDb } from '../helpers/databases.ts';
import { forceState, insertTestCallback } from '../db/seed-helpers.ts';
import { findCallbackById, updateCallback } from '../../db/queries/callbacks.ts';
import { listHistory } from '../../db/queries/history.ts';
import { syncOnce } from '../../jobs/sync.ts';
import type { Db } from '../../db/index.ts';
import { makeDeps, MemoryDbCra, seedDemo } from './helpers.ts';
import { parseCallResultMap } from '../../domain/rules/call-results.ts';

const NOW = new Date('2026-12-01T10:00:00.000Z');

for (const dialect of DIALECTS) {
  describe(`syncOnce on ${dialect}`, () => {
    let db: Db;
    let cleanup: () => Promise<void>;
    before(async () => {
      ({ db, cleanup } = await openTestDb(dialect));
      await seedDemo(db);
    });
    after(() => cleanup());

    // A callback already pushed to UCCX campaign 200 as dialing-list row `listId`.
    async function queued(listId: number, over: Record<string, unknown> = {}) {
      const cb = await insertTestCallback(db, { scheduledAt: NOW.toISOString(), ...over });
      return (await forceState(db, cb.id, { status: 'queued', uccxCampaignId: 200, uccxDialingListId: listId }))!;
    }
    const deps = (dbcra: MemoryDbCra) =>
      makeDeps(db, { reader: dbcra, now: () => NOW, uccx: { campaignIdByName: async (n: string) => (n === 'CB_DDI_1' ? 200 : 201) } as never });
    const events = async (id: number) => (await listHistory(db, id)).map((h) => h.event);

    test('a busy attempt waits for a retry per the campaign busy rule, and reading it again changes nothing', async () => {
      const dbcra = new MemoryDbCra();
      const cb = await queued(1001);
      dbcra.row({ dialingListId: 1001, accountNumber: cb.accountNumber, callStatus: 3, callResult: 11, callsMade: 1 });
      await syncOnce(deps(dbcra));
      const after1 = (await findCallbackById(db, cb.id))!;
      assert.equal(after1.status, 'retry_wait');
      assert.equal(after1.attempts, 1);
      assert.equal(after1.lastResult, 'busy');
      assert.equal(after1.nextAttemptAt, '2026-12-01T10:05:00.000Z', 'CB_MAIN busy rule: 5 minutes');
      assert.deepEqual(await events(cb.id), ['dial_result', 'retry_scheduled']);
      // Same row again (a later run, or the cursor re-reading it): nothing changes.
      await syncOnce(deps(dbcra));
      const after2 = (await findCallbackById(db, cb.id))!;
      assert.equal(after2.version, after1.version);
      assert.deepEqual(await events(cb.id), ['dial_result', 'retry_scheduled']);
    });

    test('dialing, answered (no call detail yet: connected), then an agent leg in ContactCallDetail: completed', async () => {
      const dbcra = new MemoryDbCra();
      const cb = await queued(1002, { type: 'personal', agentId: '1001' });
      dbcra.row({ dialingListId: 1002, accountNumber: cb.accountNumber, callStatus: 2 });
      await syncOnce(deps(dbcra));
      assert.equal((await findCallbackById(db, cb.id))!.status, 'dialing');
      dbcra.row({ dialingListId: 1002, accountNumber: cb.accountNumber, callStatus: 3, callResult: 1, callsMade: 1 });
      await syncOnce(deps(dbcra));
      assert.equal((await findCallbackById(db, cb.id))!.status, 'connected', 'the customer is still on the call');
      dbcra.details.push({ campaignId: 200, dialingListId: 1002, accountNumber: cb.accountNumber, callbackId: String(cb.id), routedTo: 'agent:1001', disposition: 2, agentConnected: true });
      await syncOnce(deps(dbcra));
      const done = (await findCallbackById(db, cb.id))!;
      assert.equal(done.status, 'completed');
      assert.equal(done.attempts, 1);
      assert.deepEqual(await events(cb.id), ['dial_result', 'dial_result', 'dial_result', 'completed']);
    });

    test('applyContactRow: routed to the CSQ but abandoned in the queue (no agent leg) is a failed attempt per policy, never completed', async () => {
      const dbcra = new MemoryDbCra();
      const cb = await queued(1011);
      dbcra.row({ dialingListId: 1011, accountNumber: cb.accountNumber, callStatus: 3, callResult: 1, callsMade: 1 });
      dbcra.details.push({ campaignId: 200, dialingListId: 1011, accountNumber: cb.accountNumber, callbackId: String(cb.id), routedTo: 'csq:CSQ_Sales', disposition: 1, agentConnected: false });
      await syncOnce(deps(dbcra));
      const after = (await findCallbackById(db, cb.id))!;
      assert.deepEqual([after.status, after.attempts, after.lastResult, after.nextAttemptAt], ['retry_wait', 1, 'abandoned_in_queue', '2026-12-01T10:10:00.000Z']);
      assert.deepEqual(await events(cb.id), ['dial_result', 'retry_scheduled']);
    });

    test('applyContactRow: an agent leg on the last allowed attempt completes; no agent on it fails max_attempts', async () => {
      const dbcra = new MemoryDbCra();
      const reached = await forceState(db, (await queued(1012)).id, { attempts: 2 });
      const missed = await forceState(db, (await queued(1013)).id, { attempts: 2 });
      for (const [cb, listId, agentConnected] of [[reached, 1012, true], [missed, 1013, false]] as const) {
        dbcra.row({ dialingListId: listId, accountNumber: cb.accountNumber, callStatus: 3, callResult: 1, callsMade: 1 });
        dbcra.details.push({ campaignId: 200, dialingListId: listId, accountNumber: cb.accountNumber, callbackId: String(cb.id), routedTo: 'csq:CSQ_Sales', disposition: agentConnected ? 2 : 1, agentConnected });
      }
      await syncOnce(deps(dbcra));
      assert.equal((await findCallbackById(db, reached.id))!.status, 'completed');
      const failed = (await findCallbackById(db, missed.id))!;
      assert.deepEqual([failed.status, failed.reason, failed.attempts], ['failed', 'max_attempts', 3]);
    });

    test('syncOnce with a site callresult map: 10 counts as answered (CM_UCCX_CALLRESULT_MAP), not as a failed attempt', async () => {
      const dbcra = new MemoryDbCra();
      const cb = await queued(1014);
      dbcra.row({ dialingListId: 1014, accountNumber: cb.accountNumber, callStatus: 3, callResult: 10, callsMade: 1 });
      dbcra.details.push({ campaignId: 200, dialingListId: 1014, accountNumber: cb.accountNumber, callbackId: String(cb.id), routedTo: 'agent:1001', disposition: 2, agentConnected: true });
      await syncOnce({ ...deps(dbcra), callResultMap: parseCallResultMap('{"10":"answered"}') });
      assert.equal((await findCallbackById(db, cb.id))!.status, 'completed');
      const other = await queued(1015);
      dbcra.row({ dialingListId: 1015, accountNumber: other.accountNumber, callStatus: 3, callResult: 10, callsMade: 1 });
      await syncOnce(deps(dbcra));
      assert.equal((await findCallbackById(db, other.id))!.status, 'retry_wait', 'the Schema Guide default: 10 is skip-close');
    });

    test('a personal callback routed to the CSQ records fallback_to_skill', async () => {
      const dbcra = new MemoryDbCra();
      const cb = await queued(1003, { type: 'personal', agentId: '1002' });
      dbcra.row({ dialingListId: 1003, accountNumber: cb.accountNumber, callStatus: 3, callResult: 1, callsMade: 1 });
      dbcra.details.push({ campaignId: 200, dialingListId: null, accountNumber: null, callbackId: String(cb.id), routedTo: 'csq:CSQ_Sales', disposition: 2, agentConnected: true });
      await syncOnce(deps(dbcra));
      assert.equal((await findCallbackById(db, cb.id))!.status, 'completed');
      assert.deepEqual(await events(cb.id), ['dial_result', 'fallback_to_skill', 'completed']);
    });

    test('invalid, wrong number, fax and do-not-call fail the callback; do-not-call flags the number', async () => {
      const dbcra = new MemoryDbCra();
      const cases: Array<[number, number, string]> = [[1004, 4, 'invalid_number'], [1005, 6, 'wrong_number'], [1006, 2, 'fax'], [1007, 5, 'do_not_call']];
      const ids: number[] = [];
      for (const [listId, result] of cases) {
        const cb = await queued(listId);
        ids.push(cb.id);
        dbcra.row({ dialingListId: listId, accountNumber: cb.accountNumber, callStatus: 3, callResult: result, callsMade: 1 });
      }
      await syncOnce(deps(dbcra));
      for (const [i, [, , reason]] of cases.entries()) {
        const cb = (await findCallbackById(db, ids[i]))!;
        assert.deepEqual([cb.status, cb.reason], ['failed', reason]);
      }
      const dnc = await db.sequelize.query('SELECT phone_e164 FROM do_not_call_numbers', { type: QueryTypes.SELECT });
      assert.deepEqual(dnc, [{ phone_e164: (await findCallbackById(db, ids[3]))!.phoneE164 }]);
    });

    test("UCCX's own retries are counted, and max attempts fails the callback", async () => {
      const dbcra = new MemoryDbCra();
      const cb = await queued(1008);
      dbcra.row({ dialingListId: 1008, accountNumber: cb.accountNumber, callStatus: 6, callResult: 15, callsMade: 1 });
      await syncOnce(deps(dbcra));
      assert.deepEqual([(await findCallbackById(db, cb.id))!.status, (await findCallbackById(db, cb.id))!.attempts], ['queued', 1]);
      dbcra.row({ dialingListId: 1008, accountNumber: cb.accountNumber, callStatus: 5, callResult: 15, callsMade: 3 });
      await syncOnce(deps(dbcra));
      const done = (await findCallbackById(db, cb.id))!;
      assert.deepEqual([done.status, done.reason, done.attempts], ['failed', 'max_attempts', 3]);
    });

    test('rows of an earlier attempt and of callbacks no longer in UCCX are ignored', async () => {
      const dbcra = new MemoryDbCra();
      const cb = await queued(1010);
      dbcra.row({ dialingListId: 1009, accountNumber: cb.accountNumber, callStatus: 3, callResult: 11, callsMade: 1 });
      await syncOnce(deps(dbcra));
      assert.equal((await findCallbackById(db, cb.id))!.status, 'queued');
    });
  });
}
