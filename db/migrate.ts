// Runs the migrations with umzug; the applied ones are recorded in the SequelizeMeta table.
import { Umzug, SequelizeStorage } from 'umzug';
import type { QueryInterface, Sequelize } from 'sequelize';
import { MIGRATIONS } from './migrations/index.ts';

export function migrator(sequelize: Sequelize): Umzug<QueryInterface> {
  return new Umzug({
    migrations: MIGRATIONS.map((m) => ({ name: m.name, up: m.up, down: m.down })),
    context: sequelize.getQueryInterface(),
    storage: new SequelizeStorage({ sequelize }),
    logger: undefined,
  });
}

export async function migrateUp(sequelize: Sequelize): Promise<string[]> {
  const done = await migrator(sequelize).up();
  return done.map((m) => m.name);
}

export async function migrateDown(sequelize: Sequelize, to: string | 0 = 0): Promise<string[]> {
  const done = await migrator(sequelize).down({ to });
  return done.map((m) => m.name);
}
