// A UCCX 12.5 node for the Campaign Manager to talk to: the admin API over HTTP, the db_cra
// stand-in over SQL, and the outbound IVR dialer with the Callback IVR script emulation.
import { EventEmitter } from 'node:events';
import Fastify from 'fastify';
import { adminApi, type AdminApiState, type Fault } from './admin-api.ts';
import type { SimCampaign } from './campaigns.ts';
import { SimClock } from './clock.ts';
import { lastDigitRule, type OutcomeRule } from './codes.ts';
import { DbCra } from './dbcra.ts';
import { Dialer, type AgentState } from './dialer.ts';
import type { IvrSettings } from './ivr-script.ts';

export type { SimCampaign } from './campaigns.ts';
export { lastDigitRule, type Outcome, type OutcomeRule } from './codes.ts';
export { SimClock } from './clock.ts';

export interface UccxSimOptions {
  port?: number;
  host?: string;
  adminUser?: string;
  adminPassword?: string;
  dbcraUrl: string;
  campaigns?: SimCampaign[];
  /** UCCX server zone that campaign start/end times are read in. */
  timeZone?: string;
  clock?: { speed?: number; start?: Date };
  duplicateMode?: 'drop' | 'overwrite';
  dialer?: {
    enabled?: boolean;
    tickMs?: number;
    ringSeconds?: number;
    outcome?: OutcomeRule;
    ivr?: IvrSettings;
    agents?: Record<string, AgentState>;
    agentWaitSeconds?: number;
    ports?: number;
  };
}

export interface UccxSim {
  url: string;
  clock: SimClock;
  events: EventEmitter;
  db: DbCra;
  setAgent(id: string, state: AgentState): void;
  setFault(fault: Fault): void;
  dialerTick(): Promise<void>;
  /** Waits for the calls the dialer has in progress. */
  dialerSettle(): Promise<void>;
  midnightRollover(): Promise<number>;
  close(): Promise<void>;
}

export const DEFAULT_SIM_CAMPAIGN: Omit<SimCampaign, 'campaignId' | 'campaignName' | 'callingNumber'> = {
  startTime: '00:00',
  endTime: '23:59',
  maxDialAttempts: 1,
  retryNoAnswerDelay: 60,
  retryBusySignalDelay: 60,
};

export async function startUccxSim(opts: UccxSimOptions): Promise<UccxSim> {
  const clock = new SimClock(opts.clock?.speed ?? 1, opts.clock?.start ?? new Date());
  const db = await DbCra.open(opts.dbcraUrl);
  const campaigns = new Map((opts.campaigns ?? []).map((c) => [c.campaignId, c]));
  for (const c of campaigns.values()) await db.upsertCampaign({ ...c, enabled: c.enabled !== false });
  const events = new EventEmitter();
  const agents = new Map(Object.entries(opts.dialer?.agents ?? {}));

  const app = Fastify({ logger: false, forceCloseConnections: true });
  let url = '';
  const state: AdminApiState = {
    db,
    clock,
    campaigns,
    user: opts.adminUser ?? 'administrator',
    password: opts.adminPassword ?? 'ciscocisco',
    fault: null,
    duplicateMode: opts.duplicateMode ?? 'drop',
    lastImport: new Map(),
    baseUrl: () => url,
  };
  await app.register(adminApi, state);
  url = await app.listen({ port: opts.port ?? 0, host: opts.host ?? '127.0.0.1' });

  const dialer = new Dialer({
    db,
    clock,
    campaigns,
    events,
    outcome: opts.dialer?.outcome ?? lastDigitRule(),
    ivr: opts.dialer?.ivr ?? null,
    agents,
    agentWaitSeconds: opts.dialer?.agentWaitSeconds ?? 30,
    ringSeconds: opts.dialer?.ringSeconds ?? 5,
    timeZone: opts.timeZone ?? 'UTC',
    ports: opts.dialer?.ports ?? 4,
  });

  // UCCX moves closed rows to history at midnight: do it when the simulated day changes.
  let day = clock.now().toISOString().slice(0, 10);
  const midnightRollover = async () => {
    const midnight = new Date(`${clock.now().toISOString().slice(0, 10)}T00:00:00Z`);
    return db.moveClosedToHistory(midnight);
  };
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> = Promise.resolve();
  const loop = () => {
    running = (async (): Promise<void> => {
      const today = clock.now().toISOString().slice(0, 10);
      if (today !== day) (day = today), await midnightRollover();
      await dialer.tick();
    })()
      .catch((e: unknown) => void events.emit('error', e))
      .finally(() => {
        if (timer !== null) timer = setTimeout(loop, opts.dialer?.tickMs ?? 500);
      });
  };
  events.on('error', () => {}); // a failed tick is retried on the next one
  if (opts.dialer?.enabled !== false) timer = setTimeout(loop, opts.dialer?.tickMs ?? 500);

  return {
    url,
    clock,
    events,
    db,
    setAgent: (id, s) => void agents.set(id, s),
    setFault: (fault) => void (state.fault = fault),
    dialerTick: () => dialer.tick(),
    dialerSettle: () => dialer.settle(),
    midnightRollover,
    close: async () => {
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
      await dialer.close();
      await app.close();
      await db.close();
    },
  };
}
