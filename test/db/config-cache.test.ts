// db/service-context.ts ConfigCache: one reload however many requests find the value expired
// (a burst of IVR lookups), and an admin write's invalidate is never undone by a reload that
// started before it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../../db/index.ts';
import { ConfigCache } from '../../db/service-context.ts';
import { DEMO_SEED_FILE, readSeedFile, seedIfEmpty } from '../../db/seed/seed.ts';
import { saveGlobalRules } from '../../db/queries/config.ts';
import { DIALECTS, openTestDb } from '../helpers/databases.ts';

for (const dialect of DIALECTS) describe(`ConfigCache on ${dialect}`, () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  let statements = 0;
  before(async () => {
    ({ db, cleanup } = await openTestDb(dialect));
    await seedIfEmpty(db, readSeedFile(DEMO_SEED_FILE));
    db.sequelize.addHook('beforeQuery', () => void statements++);
  });
  after(() => cleanup());

  test('50 concurrent reads of an empty cache load the configuration once', async () => {
    const cache = new ConfigCache(db, 60_000);
    const once = new ConfigCache(db, 60_000);
    statements = 0;
    await once.get();
    const perLoad = statements;
    assert.ok(perLoad > 0, 'a load reads the database');
    statements = 0;
    const all = await Promise.all(Array.from({ length: 50 }, () => cache.get()));
    assert.equal(statements, perLoad, 'the same statements as one load');
    assert.ok(all.every((c) => c === all[0]), 'every caller gets the same configuration');
  });

  test('invalidate during a load: the next read sees the write', async () => {
    const cache = new ConfigCache(db, 60_000);
    const before = (await cache.get()).rules;
    cache.invalidate();
    const stale = cache.get(); // started before the write
    await saveGlobalRules(db, { ...before, horizonDays: before.horizonDays + 1 });
    cache.invalidate();
    await stale;
    assert.equal((await cache.get()).rules.horizonDays, before.horizonDays + 1);
    await saveGlobalRules(db, before);
  });
});
