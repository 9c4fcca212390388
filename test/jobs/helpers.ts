// Test helpers for the jobs: a seeded CM database, job deps around it, an in-memory db_cra
// reader (for sync unit tests; the loop tests use the real UCCX simulator) and a quiet log.
import { after, before } from 'node:test';
import type { Db } from '../../db/index.ts';
import { openTestDb, type TestDialect } from '../helpers/databases.ts';
import { ConfigCache } from '../../db/service-context.ts';
import { readSeedFile, seedIfEmpty, DEMO_SEED_FILE } from '../../db/seed/seed.ts';
import type { JobDeps, JobLog } from '../../jobs/deps.ts';
import type { DbCraCallDetail, DbCraContact, DbCraReader } from '../../jobs/dbcra/reader.ts';
import { UccxAdminClient } from '../../jobs/uccx/admin-client.ts';

export const quietLog = (): JobLog & { lines: Array<{ level: string; message?: string; details: object }> } => {
  const lines: Array<{ level: string; message?: string; details: object }> = [];
  const at = (level: string) => (details: object, message?: string) => void lines.push({ level, message, details });
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
};

export async function seedDemo(db: Db): Promise<void> {
  await seedIfEmpty(db, readSeedFile(DEMO_SEED_FILE));
}

export function makeDeps(db: Db, over: Partial<JobDeps> = {}): JobDeps {
  const cache = new ConfigCache(db, 60_000);
  return {
    db,
    uccx: new UccxAdminClient({ url: 'http://127.0.0.1:9', user: 'u', password: 'p', timeoutMs: 500 }),
    reader: null,
    now: () => new Date(),
    owner: 'test-instance',
    log: quietLog(),
    config: () => cache.get(),
    ...over,
  };
}

/** db_cra rows held in memory, read with the same semantics as the SQL reader. */
export class MemoryDbCra implements DbCraReader {
  contacts: DbCraContact[] = [];
  details: DbCraCallDetail[] = [];

  async readContacts(campaignIds: number[], since?: number, accountNumbers: string[] = []): Promise<DbCraContact[]> {
    return this.contacts
      .filter((c) => campaignIds.includes(c.campaignId))
      .filter((c) => (since === undefined && accountNumbers.length === 0) || (since !== undefined && c.dialingListId > since) || accountNumbers.includes(c.accountNumber))
      .map((c) => ({ ...c }))
      .sort((a, b) => a.dialingListId - b.dialingListId);
  }

  async readCallDetails(campaignIds: number[], keys: { dialingListIds?: number[]; callbackIds?: string[] }): Promise<DbCraCallDetail[]> {
    return this.details.filter(
      (d) => campaignIds.includes(d.campaignId) && ((d.dialingListId != null && keys.dialingListIds?.includes(d.dialingListId)) || (d.callbackId != null && keys.callbackIds?.includes(d.callbackId))),
    );
  }

  async close(): Promise<void> {}

  row(over: Partial<DbCraContact> & { dialingListId: number; accountNumber: string }): DbCraContact {
    const existing = this.contacts.find((c) => c.dialingListId === over.dialingListId);
    if (existing) return Object.assign(existing, over);
    const row: DbCraContact = { campaignId: 200, callStatus: 1, callResult: null, callsMade: 0, createdAt: new Date(), fromHistory: false, ...over };
    this.contacts.push(row);
    return row;
  }
}

/** A migrated, seeded database for one describe block: opened in before(), dropped in after(). */
export function seededDbHooks(dialect: TestDialect, use: (db: Db) => void): void {
  let cleanup: (() => Promise<void>) | undefined;
  before(async () => {
    const opened = await openTestDb(dialect);
    cleanup = opened.cleanup;
    await seedDemo(opened.db);
    use(opened.db);
  });
  after(() => cleanup?.());
}
