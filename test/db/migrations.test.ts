import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createSequelize } from '../../db/connect.ts';
import { migrateDown, migrateUp } from '../../db/migrate.ts';
import { MIGRATIONS } from '../../db/migrations/index.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.ts';

for (const dialect of DIALECTS) {
  describe(`migrations on ${dialect}`, () => {
    let target: TestDatabase;
    before(async () => (target = await createTestDatabase(dialect)));
    after(() => target.drop());

    test('migrateUp applies every migration once and migrateDown reverses them all', async () => {
      const sequelize = createSequelize(target.url);
      try {
        assert.deepEqual(await migrateUp(sequelize), MIGRATIONS.map((m) => m.name));
        assert.deepEqual(await migrateUp(sequelize), [], 'a second run applies nothing');
        const tables = (await sequelize.getQueryInterface().showAllTables()).map(String);
        for (const t of ['callbacks', 'callback_history', 'campaigns', 'skills', 'slot_counters', 'global_rules', 'do_not_call_numbers']) {
          assert.ok(tables.includes(t), `table ${t} exists`);
        }
        assert.equal((await migrateDown(sequelize)).length, MIGRATIONS.length);
        const left = (await sequelize.getQueryInterface().showAllTables()).map(String).filter((t) => t !== 'SequelizeMeta');
        assert.deepEqual(left, []);
        assert.deepEqual(await migrateUp(sequelize), MIGRATIONS.map((m) => m.name), 'up again after down');
      } finally {
        await sequelize.close();
      }
    });
  });
}
