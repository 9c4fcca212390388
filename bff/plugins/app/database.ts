// Opens (and migrates) the database, seeds it on first start, closes it with the app.
import fp from 'fastify-plugin';
import { openDatabase, type Db } from '../../../db/index.ts';
import { DEMO_SEED_FILE, readSeedFile, seedIfEmpty } from '../../../db/seed/seed.ts';
import type { Config } from '../../../config/settings.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
  }
}

export default fp<{ config: Config }>(async (app, { config }) => {
  const db = await openDatabase(config.databaseUrl);
  // The demo seed belongs to the demo; production seeds only a file the operator names.
  const seedFile = config.seedFile ?? (config.mode === 'demo' ? DEMO_SEED_FILE : null);
  if (seedFile && (await seedIfEmpty(db, readSeedFile(seedFile)))) app.log.info({ seedFile }, 'database seeded');
  app.decorate('db', db);
  app.addHook('onClose', async () => db.close());
}, { name: 'database' });
