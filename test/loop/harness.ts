// The closed loop for end-to-end tests: the whole Campaign Manager app (build()) listening on a
// port, the real UCCX simulator (admin API over HTTP, db_cra stand-in over SQL, dialer calling the
// CM's IVR lookup), and the job functions running in-process on the simulator's accelerated clock.
import type { TestContext } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import appPlugin, { serverOptions } from '../../bff/app.ts';
import { loadConfig } from '../../config/settings.ts';
import { QueryTypes } from 'sequelize';
import { as, startFinesseUserApi } from '../helpers/build.ts';
import { createTestDatabase, type TestDialect } from '../helpers/databases.ts';
import { startUccxSim, type UccxSim, type OutcomeRule, type CustomerRule } from '../../sim/uccx/index.ts';
import { DEMO_UCCX_CAMPAIGNS } from '../../sim/start.ts';
import { dispatchOnce } from '../../jobs/dispatch.ts';
import { syncOnce } from '../../jobs/sync.ts';
import { startLoop, type Loop } from '../../jobs/loop.ts';
import { DEFAULT_DISPATCH, type JobDeps } from '../../jobs/deps.ts';
import { SqlDbCraReader } from '../../jobs/dbcra/sql-reader.ts';
import { UccxAdminClient } from '../../jobs/uccx/admin-client.ts';
import { findCallbackById, type CallbackRow } from '../../db/queries/callbacks.ts';
import { listHistory } from '../../db/queries/history.ts';
import { quietLog } from '../jobs/helpers.ts';

/** Tuesday 2026-12-01 09:50 UTC = 10:50 in Warsaw: Sales and Support are open, calling window too. */
export const SIM_START = new Date('2026-12-01T09:50:00.000Z');
export const SPEED = 240;
/** In simulated time: a 20-minute lease is 5 real seconds at SPEED 240, an import retry 20 s is 83 ms. */
export const dispatchSettings = { ...DEFAULT_DISPATCH, leaseMs: 20 * 60_000, importRetryMs: 20_000 };

export interface LoopWorld {
  app: FastifyInstance;
  sim: UccxSim;
  deps: JobDeps;
  dbcraUrl: string;
  /** Starts the dispatch (100 ms) and sync (200 ms) loops; stopped after the test. */
  runJobs(): void;
  book(agent: string, payload: Record<string, unknown>): Promise<CallbackRow>;
  waitFor(id: number, statuses: string[], timeoutMs?: number): Promise<CallbackRow>;
  events(id: number): Promise<string[]>;
  /** dialinglist + dialinglisthistory rows of an account number (how often UCCX got it). */
  uccxRows(accountNumber?: string): Promise<Array<{ dialinglistid: number; accountnumber: string; callstatus: number; callresult: number | null }>>;
}

export async function startLoopWorld(
  t: TestContext,
  opts: {
    dialect?: TestDialect;
    outcome?: OutcomeRule;
    customer?: CustomerRule;
    agents?: Record<string, { loggedIn: boolean; ready: boolean }>;
    dialer?: boolean;
    ports?: number;
    /** false: no db_cra reader (presence checks use the admin API's pending list only). */
    reader?: boolean;
    /** 2: UCCX as an HA pair; the client gets both nodes. */
    uccxNodes?: 1 | 2;
    /** allowDuplicateContacts the client sends (default true). */
    allowDuplicateContacts?: boolean;
  } = {},
): Promise<LoopWorld> {
  let simNow = () => new Date(SIM_START);
  // As test/helpers/build.ts, but closed in an order the running jobs need (jobs, then app, then database).
  const target = await createTestDatabase(opts.dialect ?? 'sqlite');
  const finesse = await startFinesseUserApi();
  const config = loadConfig({ CM_DATABASE_URL: target.url, CM_FINESSE_URL: finesse.url, CM_JOBS_ENABLED: 'false' });
  const app = Fastify({ ...serverOptions, logger: false });
  await app.register(fp(appPlugin), { config, now: () => simNow() });
  const cmUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  const dir = mkdtempSync(join(tmpdir(), 'loop-dbcra-'));
  const dbcraUrl = `sqlite:${join(dir, 'db_cra.sqlite')}`;
  const sim = await startUccxSim({
    dbcraUrl,
    nodes: opts.uccxNodes ?? 1,
    campaigns: DEMO_UCCX_CAMPAIGNS,
    clock: { speed: SPEED, start: SIM_START },
    dialer: {
      enabled: opts.dialer !== false,
      tickMs: 100,
      ringSeconds: 5,
      ports: opts.ports ?? 4,
      outcome: opts.outcome,
      customer: opts.customer,
      ivr: { lookupUrl: `${cmUrl}/ivr/v1/lookup`, user: 'ivr', password: 'ivr-demo', timeoutMs: 5000, defaultCsq: 'CSQ_Support' },
      agents: opts.agents ?? { '1001': { loggedIn: true, ready: true }, '1002': { loggedIn: true, ready: true } },
    },
  });
  simNow = () => sim.clock.now();
  const reader = opts.reader === false ? null : await SqlDbCraReader.connect(dbcraUrl);
  const deps: JobDeps = {
    db: app.services.db,
    uccx: new UccxAdminClient({
      url: sim.url,
      url2: sim.nodes[1]?.url ?? null,
      user: 'administrator',
      password: 'ciscocisco',
      timeoutMs: 1000,
      allowDuplicateContacts: opts.allowDuplicateContacts ?? true,
    }),
    reader,
    now: simNow,
    owner: 'loop-cm',
    log: quietLog(),
    config: () => app.services.config.get(),
    onChanged: (id) => void app.services.events.refresh(id),
  };
  const loops: Loop[] = [];
  t.after(async () => {
    for (const loop of loops) await loop.stop();
    await sim.close();
    await reader?.close();
    await app.close();
    await finesse.close();
    await target.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  return {
    app,
    sim,
    deps,
    dbcraUrl,
    runJobs: () => {
      loops.push(startLoop('dispatch', 100, () => dispatchOnce(deps, dispatchSettings), deps.log));
      loops.push(startLoop('sync', 200, () => syncOnce(deps, { lockMs: 60_000 }), deps.log));
    },
    book: async (agent, payload) => {
      const res = await app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: as(agent), payload });
      if (res.statusCode !== 201) throw new Error(`booking failed: ${res.statusCode} ${res.body}`);
      return (await findCallbackById(deps.db, res.json().id))!;
    },
    waitFor: async (id, statuses, timeoutMs = 20_000) => {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const cb = (await findCallbackById(deps.db, id))!;
        if (statuses.includes(cb.status)) return cb;
        if (Date.now() > until) throw new Error(`callback ${id} is ${cb.status} (${cb.lastResult ?? '-'}), not ${statuses.join('/')}, after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    events: async (id) => (await listHistory(deps.db, id)).map((h) => h.event),
    uccxRows: async (accountNumber) => {
      const where = accountNumber ? 'WHERE accountnumber = :accountNumber' : '';
      return sim.db.sequelize.query(
        `SELECT dialinglistid, accountnumber, callstatus, callresult FROM dialinglist ${where} UNION ALL SELECT dialinglistid, accountnumber, callstatus, callresult FROM dialinglisthistory ${where} ORDER BY 1`,
        { replacements: { accountNumber }, type: QueryTypes.SELECT },
      ) as never;
    },
  };
}

/** A booking for the demo campaign CB_MAIN at `localTime` (Warsaw) on the number +48 22 123 45 6<digit>. */
export const booking = (over: { phone: string; scheduledAt?: string; agentId?: string; skill?: string }) => ({
  campaign: 'CB_MAIN',
  scheduledAt: '2026-12-01T11:00',
  timeZone: 'Europe/Warsaw',
  skill: 'Sales',
  firstName: 'Jan',
  lastName: 'Kowalski',
  ...over,
});

/** An outcome rule that plays a script per phone (digits only): e.g. busy first, then answer. */
export function scriptedOutcomes(plan: Record<string, Array<ReturnType<OutcomeRule>>>, fallback: ReturnType<OutcomeRule> = 'answer'): OutcomeRule {
  const left = new Map(Object.entries(plan).map(([k, v]) => [k.replace(/\D/g, ''), [...v]]));
  return (phone) => left.get(phone.replace(/\D/g, ''))?.shift() ?? fallback;
}
