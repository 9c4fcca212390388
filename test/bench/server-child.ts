// The Campaign Manager under load, in its own process so autocannon (in the parent) and the
// server never share an event loop. Built like server.ts (same app, same logger) on a fresh
// database of BENCH_DIALECT, with jobs off and the IVR rate limit lifted (the bench measures the
// lookup, not the limiter; the limiter's hook still runs on every request). Adds one bare route,
// /bench/bare, as the reference for "what Fastify alone costs in this process".
// Protocol: sends { type: 'ready', url, pid, accountNumbers } over IPC; exits on 'stop'.
import Fastify from 'fastify';
import fp from 'fastify-plugin';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import app, { serverOptions } from '../../bff/app.ts';
import { loggerOptions } from '../../bff/logger.ts';
import { loadConfig } from '../../config/settings.ts';
import type { Db } from '../../db/index.ts';
import { DEMO_SEED_FILE, readSeedFile } from '../../db/seed/seed.ts';
import { callbackSearchText } from '../../domain/search-text.ts';
import { createTestDatabase, type TestDialect } from '../helpers/databases.ts';
import { startBenchFinesse } from './bench-agents.ts';

/** The clock of the booking/lookup load: Tuesday 2026-12-01 09:00 UTC, like the API tests. */
export const BENCH_NOW = new Date('2026-12-01T09:00:00Z');

const dialect = (process.env.BENCH_DIALECT ?? 'sqlite') as TestDialect;
const seedCallbacks = Number(process.env.BENCH_SEED_CALLBACKS ?? 2000);

/** The demo seed with room for the booking load: 20 agents × minutes of bookings must not hit "slot full". */
function benchSeedFile(): string {
  const seed = readSeedFile(DEMO_SEED_FILE) as unknown as { globalRules: Record<string, number> };
  seed.globalRules.capacityPerSkillSlot = 100_000;
  const path = join(mkdtempSync(join(tmpdir(), 'cm-bench-seed-')), 'seed.json');
  writeFileSync(path, JSON.stringify(seed));
  return path;
}

async function main(): Promise<void> {
  const target = await createTestDatabase(dialect);
  const finesse = await startBenchFinesse();
  const config = loadConfig({
    ...process.env,
    CM_DATABASE_URL: target.url,
    CM_FINESSE_URL: finesse.url,
    CM_SEED_FILE: benchSeedFile(),
    CM_JOBS_ENABLED: 'false',
    CM_IVR_RATE_LIMIT: '100000000',
    CM_AUTH_CACHE_SECONDS: '600',
  });
  const server = Fastify({ ...serverOptions, logger: loggerOptions(process.env.CM_LOG_LEVEL ?? 'info') });
  await server.register(fp(app), { config, now: () => BENCH_NOW });
  server.get('/bench/bare', async () => ({ ok: true }));
  const url = await server.listen({ port: 0, host: '127.0.0.1' });

  const accountNumbers = await seed(server.db, seedCallbacks);
  process.send?.({ type: 'ready', url, pid: process.pid, accountNumbers });
  const stop = async () => {
    // Requests the load generator left in flight finish before the database closes under them.
    await new Promise((r) => setTimeout(r, 1000));
    await server.close();
    await finesse.close();
    await target.drop();
    process.exit(0);
  };
  process.on('message', (m) => m === 'stop' && void stop());
  // The parent died: do not linger holding a database.
  process.on('disconnect', () => void stop());
}

/** Callbacks the lookups look among (a day's worth of a busy campaign), inserted in bulk. */
async function seed(db: Db, n: number): Promise<string[]> {
  const accountNumbers: string[] = [];
  const now = new Date();
  // Booked over the past day, as a day's worth is: not all changed this second, which the change
  // feed (CM_CHANGE_FEED_MS) would read and announce during the first seconds of the load.
  const bookedAt = new Date(now.getTime() - 86_400_000);
  for (let start = 0; start < n; start += 500) {
    const rows = [];
    for (let i = start; i < Math.min(n, start + 500); i++) {
      const at = new Date(BENCH_NOW.getTime() + (i % 480) * 60_000).toISOString();
      const phone = `+4822${String(5_000_000 + i).padStart(7, '0')}`;
      const data = {
        accountNumber: `B${String(i).padStart(9, '0')}`, campaign: 'CB_MAIN', type: i % 3 ? 'skill' : 'personal', agentId: i % 3 ? null : '1001',
        skill: 'Support', firstName: 'Jan', lastName: 'Kowalski', phone, phoneE164: phone, dialString: `0${phone.slice(3)}`,
        timeZone: 'Europe/Warsaw', notes: null, source: 'outbound', createdBy: '1001', teamId: '1',
      };
      rows.push({ ...data, searchText: callbackSearchText(data as never), status: 'scheduled', scheduledAt: new Date(at), slotStart: new Date(at), attempts: 0, version: 1, createdAt: bookedAt, updatedAt: bookedAt });
      accountNumbers.push(data.accountNumber);
    }
    await db.models.Callback.bulkCreate(rows as never[]);
  }
  // The booked-by name comes from the agents table, filled by a first authenticated request.
  await db.sequelize.query(db.sql.upsert('agents', ['id', 'first_name', 'last_name', 'team_id', 'role', 'created_at', 'updated_at'], ['id']), {
    replacements: { id: '1001', first_name: 'Anna', last_name: 'Nowak', team_id: null, role: 'agent', created_at: now, updated_at: now },
  });
  return accountNumbers;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
