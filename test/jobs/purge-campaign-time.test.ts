// A campaign's own purge time (migration 0018) replaces CM_PURGE_AT for that campaign only, on
// SQLite and PostgreSQL: each campaign is purged once a day at or after its own time.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, openTestDb } from '../helpers/databases.ts';
import type { Db } from '../../db/index.ts';
import { saveCampaign, listCampaigns } from '../../db/queries/config.ts';
import { purgeIfDue } from '../../jobs/purge.ts';
import { SqlDbCraReader } from '../../jobs/dbcra/sql-reader.ts';
import { UccxAdminClient } from '../../jobs/uccx/admin-client.ts';
import { makeDeps, seedDemo } from './helpers.ts';
import { startFakeUccx, type FakeUccx } from './fake-uccx.ts';

const purge = { leaseMs: 30_000, batchSize: 500, waitForDispatchMs: 1000 };

for (const dialect of DIALECTS) {
  describe(`purgeIfDue with a campaign's own purge time on ${dialect}`, () => {
    let db: Db;
    let cleanup: () => Promise<void>;
    let uccx: FakeUccx;
    let reader: SqlDbCraReader;
    before(async () => {
      ({ db, cleanup } = await openTestDb(dialect));
      await seedDemo(db);
      const us = (await listCampaigns(db)).find((c) => c.name === 'CB_US')!;
      const { id, ...rest } = us;
      await saveCampaign(db, { ...rest, purgeAt: '01:00' });
      uccx = await startFakeUccx();
      reader = await SqlDbCraReader.connect(uccx.dbcraUrl);
    });
    after(async () => {
      await uccx.close();
      await reader.close();
      await cleanup();
    });
    const at = (iso: string) => makeDeps(db, { uccx: new UccxAdminClient({ url: uccx.url, user: 'administrator', password: 'ciscocisco', timeoutMs: 400 }), reader, now: () => new Date(iso) });

    test('CB_US purges at its 01:00, CB_MAIN keeps the global 23:30, each once a day', async () => {
      assert.deepEqual(await purgeIfDue(at('2026-12-02T00:59:00.000Z'), '23:30', purge, 'UTC'), []);
      const early = await purgeIfDue(at('2026-12-02T01:05:00.000Z'), '23:30', purge, 'UTC');
      assert.deepEqual(early.map((r) => r.campaign), ['CB_US']);
      assert.deepEqual(await purgeIfDue(at('2026-12-02T12:00:00.000Z'), '23:30', purge, 'UTC'), [], 'CB_US not twice, CB_MAIN not yet');
      const late = await purgeIfDue(at('2026-12-02T23:31:00.000Z'), '23:30', purge, 'UTC');
      assert.deepEqual(late.map((r) => r.campaign), ['CB_MAIN']);
    });
  });
}
