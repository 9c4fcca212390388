// What the job benchmarks run against: a migrated, seeded Campaign Manager database of one
// dialect, the UCCX simulator (admin API + db_cra stand-in, dialer off so nothing moves on its
// own), the real db_cra reader and the job deps the workers build.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryTypes } from 'sequelize';
import type { Db } from '../../db/index.ts';
import { ConfigCache } from '../../db/service-context.ts';
import { DEMO_SEED_FILE, readSeedFile, seedIfEmpty } from '../../db/seed/seed.ts';
import { callbackSearchText } from '../../domain/search-text.ts';
import { SqlDbCraReader } from '../../jobs/dbcra/sql-reader.ts';
import type { JobDeps, JobLog } from '../../jobs/deps.ts';
import { UccxAdminClient } from '../../jobs/uccx/admin-client.ts';
import { DEMO_UCCX_CAMPAIGNS } from '../../sim/start.ts';
import { startUccxSim, type UccxSim } from '../../sim/uccx/index.ts';
import { openTestDb, type TestDialect } from '../helpers/databases.ts';

export const UCCX_USER = 'administrator';
export const UCCX_PASSWORD = 'ciscocisco';

export interface JobsWorld {
  db: Db;
  dbUrl: string;
  uccx: UccxSim;
  dbcraUrl: string;
  deps: JobDeps;
  close(): Promise<void>;
}

const silent: JobLog = { info: () => {}, warn: () => {}, error: () => {} };

export async function openJobsWorld(dialect: TestDialect): Promise<JobsWorld> {
  const { db, url, cleanup } = await openTestDb(dialect);
  await seedIfEmpty(db, readSeedFile(DEMO_SEED_FILE));
  const dir = mkdtempSync(join(tmpdir(), 'cm-bench-dbcra-'));
  const dbcraUrl = `sqlite:${join(dir, 'db_cra.sqlite')}`;
  const uccx = await startUccxSim({ port: 0, host: '127.0.0.1', adminUser: UCCX_USER, adminPassword: UCCX_PASSWORD, dbcraUrl, campaigns: DEMO_UCCX_CAMPAIGNS, dialer: { enabled: false } });
  const reader = await SqlDbCraReader.connect(dbcraUrl);
  const cache = new ConfigCache(db, 60_000);
  const deps: JobDeps = {
    db,
    uccx: new UccxAdminClient({ url: uccx.url, user: UCCX_USER, password: UCCX_PASSWORD, timeoutMs: 120_000 }),
    reader,
    now: () => new Date(),
    owner: 'bench',
    log: silent,
    config: () => cache.get(),
  };
  return {
    db, dbUrl: url, uccx, dbcraUrl, deps,
    close: async () => {
      await reader.close();
      await uccx.close();
      await cleanup();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Each inserted callback gets a number of its own (one active callback per number and campaign). */
let numbers = 0;

/** `n` scheduled callbacks of CB_MAIN due at `dueAt`, inserted in bulk; their account numbers. */
export async function insertDueCallbacks(db: Db, n: number, dueAt: Date, tag: string): Promise<string[]> {
  const accounts: string[] = [];
  const now = new Date();
  for (let start = 0; start < n; start += 1000) {
    const rows = [];
    for (let i = start; i < Math.min(n, start + 1000); i++) {
      const phone = `+4822${String(1_000_000 + numbers++).padStart(7, '0')}`;
      const data = {
        accountNumber: `${tag}${String(i).padStart(8, '0')}`.slice(0, 25), campaign: 'CB_MAIN', type: 'skill', agentId: null, skill: 'Support',
        firstName: 'Jan', lastName: 'Kowalski', phone, phoneE164: phone, dialString: `0${phone.slice(3)}`, timeZone: 'Europe/Warsaw',
        notes: null, source: 'outbound', createdBy: '1001', teamId: '1',
      };
      rows.push({ ...data, searchText: callbackSearchText(data as never), status: 'scheduled', scheduledAt: dueAt, slotStart: dueAt, attempts: 0, version: 1, createdAt: now, updatedAt: now });
      accounts.push(data.accountNumber);
    }
    await db.models.Callback.bulkCreate(rows as never[]);
  }
  return accounts;
}

/**
 * Bench arrangement only: `n` callbacks as the dispatcher leaves them — imported into UCCX
 * campaign 200 (CB_DDI_1) through the admin API, queued with their dialing list ids — set up in
 * bulk instead of through 10,000 dispatches, which would take minutes and measure nothing here.
 */
export async function arrangeQueued(world: JobsWorld, n: number, tag: string): Promise<void> {
  const accounts = await insertDueCallbacks(world.db, n, new Date(Date.now() - 60_000), tag);
  const campaign = { id: 200, name: 'CB_DDI_1' };
  const rows = await world.db.sequelize.query<{ account_number: string; dial_string: string }>(
    'SELECT account_number, dial_string FROM callbacks WHERE account_number IN (:accounts)', { replacements: { accounts }, type: QueryTypes.SELECT });
  for (let i = 0; i < rows.length; i += 500) {
    await world.deps.uccx.addContacts(campaign, rows.slice(i, i + 500).map((r) => ({ accountNumber: r.account_number, firstName: 'Jan', lastName: 'Kowalski', phone1: r.dial_string })));
  }
  const wanted = new Set(accounts);
  const contacts = (await world.deps.reader!.readContacts([campaign.id])).filter((c) => wanted.has(c.accountNumber));
  if (contacts.length !== n) throw new Error(`arrangeQueued: UCCX holds ${contacts.length} of ${n} contacts`);
  const now = new Date();
  await world.db.transaction(async (t) => {
    for (const c of contacts) {
      await world.db.sequelize.query("UPDATE callbacks SET status = 'queued', uccx_campaign_id = :campaignId, uccx_dialing_list_id = :id, imported_at = :now WHERE account_number = :account", {
        replacements: { campaignId: campaign.id, id: c.dialingListId, now, account: c.accountNumber }, transaction: t,
      });
    }
  });
}
