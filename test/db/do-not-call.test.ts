// db/queries/do-not-call.ts on SQLite and PostgreSQL: one function per SQL operation.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { QueryTypes } from 'sequelize';
import type { Db } from '../../db/index.ts';
import { flagDoNotCall, isDoNotCall, listDoNotCallAmong } from '../../db/queries/do-not-call.ts';
import { DIALECTS, openTestDb } from '../helpers/databases.ts';

for (const dialect of DIALECTS) {
  describe(`do-not-call queries on ${dialect}`, () => {
    let db: Db;
    let cleanup: () => Promise<void>;
    before(async () => ({ db, cleanup } = await openTestDb(dialect)));
    after(() => cleanup());

    test('flagDoNotCall keeps one row per number, the first source and time', async () => {
      const first = new Date('2026-11-20T10:00:00Z');
      await flagDoNotCall(db, '+48601000001', 'uccx:101', first);
      await flagDoNotCall(db, '+48601000001', 'uccx:202', new Date('2026-11-21T10:00:00Z'));
      const rows = await db.sequelize.query<{ source: string; flagged_at: string | Date }>("SELECT source, flagged_at FROM do_not_call_numbers WHERE phone_e164 = '+48601000001'", { type: QueryTypes.SELECT });
      assert.equal(rows.length, 1);
      assert.equal(rows[0].source, 'uccx:101');
      assert.equal(new Date(rows[0].flagged_at).toISOString(), first.toISOString());
    });

    test('flagDoNotCall takes part in the caller transaction (rolled back with it)', async () => {
      await assert.rejects(
        db.transaction(async (t) => {
          await flagDoNotCall(db, '+48601000009', 'uccx:9', new Date(), t);
          throw new Error('roll back');
        }),
        /roll back/,
      );
      assert.equal(await isDoNotCall(db, '+48601000009'), false);
    });

    test('isDoNotCall answers for exactly the flagged number', async () => {
      await flagDoNotCall(db, '+48601000002', 'uccx:102', new Date());
      assert.equal(await isDoNotCall(db, '+48601000002'), true);
      assert.equal(await isDoNotCall(db, '+48601000003'), false);
      assert.equal(await isDoNotCall(db, '+4860100000'), false, 'no prefix match');
    });

    test('listDoNotCallAmong returns the flagged ones of a list, over several statements', async () => {
      await flagDoNotCall(db, '+48601000004', 'uccx:104', new Date());
      const many = Array.from({ length: 1200 }, (_, i) => `+48700${String(i).padStart(6, '0')}`);
      const flagged = await listDoNotCallAmong(db, ['+48601000004', ...many, '+48601000002', '+48601000004']);
      assert.deepEqual([...flagged].sort(), ['+48601000002', '+48601000004']);
      assert.deepEqual([...(await listDoNotCallAmong(db, []))], []);
    });
  });
}
