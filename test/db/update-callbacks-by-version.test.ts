// updateCallbacksByVersion (db/queries/transition.ts): a batch's versioned writes in one UPDATE per
// set of columns and 500 rows (db.sql.updateByVersion), on SQLite and PostgreSQL. What it must keep
// from one UPDATE … WHERE id AND version per row: only rows still at their version are written,
// each with its own values, dates in the format Model.update writes, and a callback written twice
// meets the version its first write left.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { QueryTypes } from 'sequelize';
import type { Db } from '../../db/index.ts';
import { findCallbackById, updateCallback } from '../../db/queries/callbacks.ts';
import { updateCallbacksByVersion, type VersionedWrite } from '../../db/queries/transition.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { seededDbHooks } from '../jobs/helpers.ts';
import { forceState, insertTestCallback } from './seed-helpers.ts';

const AT = new Date('2026-12-01T10:00:00.000Z');

for (const dialect of DIALECTS) {
  describe(`updateCallbacksByVersion on ${dialect}`, () => {
    let db: Db;
    seededDbHooks(dialect, (opened) => (db = opened));

    /** Runs `fn` and counts the UPDATE statements it sends. */
    async function countingUpdates<T>(fn: () => Promise<T>): Promise<{ result: T; updates: number }> {
      let updates = 0;
      db.sequelize.addHook('afterQuery', 'count-updates', (_o, q) => void (/\bUPDATE callbacks SET\b/.test(String((q as { sql?: string }).sql)) && updates++));
      try {
        return { result: await fn(), updates };
      } finally {
        db.sequelize.removeHook('afterQuery', 'count-updates');
      }
    }
    const rawNextAttempt = async (id: number) =>
      ((await db.sequelize.query('SELECT next_attempt_at FROM callbacks WHERE id = :id', { replacements: { id }, type: QueryTypes.SELECT })) as Array<{ next_attempt_at: unknown }>)[0]!.next_attempt_at;

    test('writes each row its own values where its version still matches, returns the new rows in order, skips a row changed meanwhile', async () => {
      const [a, b, c] = [await insertTestCallback(db), await insertTestCallback(db), await insertTestCallback(db)];
      const moved = await forceState(db, b.id, { notes: 'changed by someone else' });
      const write = (cb: typeof a, attempts: number, lastResult: string): VersionedWrite => ({
        id: cb.id, version: cb.version, values: { attempts, lastResult, nextAttemptAt: new Date(AT.getTime() + attempts * 60_000), updatedAt: AT, version: cb.version + 1 },
      });
      const { result: rows, updates } = await countingUpdates(() => db.transaction((t) => updateCallbacksByVersion(db, [write(a, 1, 'busy'), write(b, 2, 'no_answer'), write(c, 3, "it's busy")], t)));
      assert.equal(updates, 1, 'one statement for the batch');
      assert.deepEqual(rows.map((r) => r && [r.id, r.attempts, r.lastResult, r.nextAttemptAt, r.updatedAt, r.version]), [
        [a.id, 1, 'busy', '2026-12-01T10:01:00.000Z', AT.toISOString(), a.version + 1],
        null,
        [c.id, 3, "it's busy", '2026-12-01T10:03:00.000Z', AT.toISOString(), c.version + 1],
      ]);
      const untouched = (await findCallbackById(db, b.id))!;
      assert.deepEqual([untouched.status, untouched.attempts, untouched.version, untouched.notes], ['scheduled', 0, moved.version, 'changed by someone else']);
      assert.deepEqual((await findCallbackById(db, c.id))!, rows[2], 'the returned row is the stored row');
    });

    test('stores a date exactly as Model.update does, in UTC whatever the server zone (SQLite compares the text), and a column NULL in every row', async () => {
      const [a, b] = [await insertTestCallback(db), await insertTestCallback(db)];
      const due = new Date('2026-12-01T10:05:00.123Z');
      const zone = process.env.TZ;
      process.env.TZ = 'America/New_York';
      try {
        await db.transaction((t) => updateCallbacksByVersion(db, [{ id: a.id, version: a.version, values: { nextAttemptAt: due, reason: null } }], t));
        await updateCallback(db, b.id, b.version, { nextAttemptAt: due, reason: null });
      } finally {
        if (zone === undefined) delete process.env.TZ;
        else process.env.TZ = zone;
      }
      assert.deepEqual(await rawNextAttempt(a.id), await rawNextAttempt(b.id));
      const cleared = (await findCallbackById(db, a.id))!;
      const [back] = await db.transaction((t) => updateCallbacksByVersion(db, [{ id: a.id, version: cleared.version, values: { nextAttemptAt: null, reason: null } }], t));
      assert.deepEqual([back?.nextAttemptAt, back?.reason, back?.version], [null, null, cleared.version]);
    });

    test('rows with other columns go in their own statement; 600 rows of one shape in two', async () => {
      const many = [];
      for (let i = 0; i < 600; i++) many.push(await insertTestCallback(db));
      const odd = await insertTestCallback(db);
      const writes: VersionedWrite[] = [
        ...many.map((cb) => ({ id: cb.id, version: cb.version, values: { attempts: 1, version: cb.version + 1 } })),
        { id: odd.id, version: odd.version, values: { claimedBy: 'cm-2', leaseUntil: AT, version: odd.version + 1 } },
      ];
      const { result: rows, updates } = await countingUpdates(() => db.transaction((t) => updateCallbacksByVersion(db, writes, t)));
      assert.equal(updates, 3);
      assert.equal(rows.filter((r) => r?.attempts === 1).length, 600);
      assert.deepEqual([rows[600]?.claimedBy, rows[600]?.leaseUntil, rows[600]?.attempts], ['cm-2', AT.toISOString(), 0]);
    });

    test('a callback written twice: the second write meets the version the first left, as one by one', async () => {
      const cb = await insertTestCallback(db);
      const first = { id: cb.id, version: cb.version, values: { attempts: 1, version: cb.version + 1 } };
      const stale = { id: cb.id, version: cb.version, values: { attempts: 5, version: cb.version + 1 } };
      const next = { id: cb.id, version: cb.version + 1, values: { attempts: 2, version: cb.version + 2 } };
      const rows = await db.transaction((t) => updateCallbacksByVersion(db, [first, stale, next], t));
      assert.deepEqual(rows.map((r) => r && [r.attempts, r.version]), [[1, cb.version + 1], null, [2, cb.version + 2]]);
      assert.equal((await findCallbackById(db, cb.id))!.attempts, 2);
    });

    test('an undefined value leaves its column as it is, as Model.update does', async () => {
      const cb = await forceState(db, (await insertTestCallback(db)).id, { notes: 'keep me' });
      const [row] = await db.transaction((t) => updateCallbacksByVersion(db, [{ id: cb.id, version: cb.version, values: { notes: undefined, attempts: 2, version: cb.version + 1 } }], t));
      assert.deepEqual([row?.notes, row?.attempts], ['keep me', 2]);
    });

    test('refuses a change of state: that goes through transitionCallbacks and the lifecycle table', async () => {
      const cb = await insertTestCallback(db);
      await assert.rejects(db.transaction((t) => updateCallbacksByVersion(db, [{ id: cb.id, version: cb.version, values: { status: 'completed', version: cb.version + 1 } }], t)), /transitionCallbacks/);
      assert.equal((await findCallbackById(db, cb.id))!.status, 'scheduled');
    });

    test('refuses a column the model does not know (nothing is written)', async () => {
      const cb = await insertTestCallback(db);
      await assert.rejects(db.transaction((t) => updateCallbacksByVersion(db, [{ id: cb.id, version: cb.version, values: { nope: 1 } }], t)), /unknown column nope/);
    });
  });
}
