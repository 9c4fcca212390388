// A UCCX 12.5 system for the Campaign Manager to talk to: the admin API over HTTP, the db_cra
// stand-in over SQL, and the outbound IVR dialer with the Callback IVR script emulation. With
// `nodes: 2` it is an HA pair: two admin API nodes over the same state, one master, which a test
// can stop, start or demote (sim.nodes[i]).
import { EventEmitter } from 'node:events';
import Fastify from 'fastify';
import { adminApi, type AdminApiState, type Fault, type JournalEntry } from './admin-api.ts';
import { startHaNodes, type SimNode } from './ha-pair.ts';
import type { SimCampaign } from './campaigns.ts';
import { SimClock, startOfDay } from './clock.ts';
import { lastDigitRule, type OutcomeRule } from './codes.ts';
import { LIMITS, type Limits } from './contacts.ts';
import { DbCra } from './dbcra.ts';
import { Dialer, type AgentState } from './dialer.ts';
import { alwaysConfirms, type CustomerRule, type IvrSettings } from './ivr-script.ts';

export type { SimCampaign } from './campaigns.ts';
export { lastDigitRule, CALL_STATUS, CALL_RESULT, type Outcome, type OutcomeRule } from './codes.ts';
export { SimClock } from './clock.ts';
export { DBCRA_DDL } from './dbcra.ts';
export { LIMITS } from './contacts.ts';
export type { Fault, JournalEntry } from './admin-api.ts';
export type { AgentState } from './dialer.ts';
export type { SimNode } from './ha-pair.ts';
export type { IvrSettings, LookupAnswer, CustomerBehaviour, CustomerRule } from './ivr-script.ts';

export interface UccxSimOptions {
  port?: number;
  host?: string;
  adminUser?: string;
  adminPassword?: string;
  dbcraUrl: string;
  campaigns?: SimCampaign[];
  /** UCCX server zone that campaign start/end times and "midnight" are read in. */
  timeZone?: string;
  clock?: { speed?: number; start?: Date };
  /** Unverified UCCX behaviour for a duplicate without allowDuplicateContacts: drop it (default) or overwrite the open one. */
  duplicateMode?: 'drop' | 'overwrite';
  /** UCCX 12.5's limits; lower them in tests to reach them cheaply. */
  limits?: Partial<Limits>;
  /** 1 (default) or 2: an HA pair sharing one state; node 0 starts as master. */
  nodes?: 1 | 2;
  /** Port of the second node (default 0: any free port). */
  port2?: number;
  /** HTTP status a standby answers configuration writes with (default 400, see docs/uccx-simulator.md). */
  standbyWriteStatus?: number;
  /** Called with every accepted import and every DELETE of all contacts (sim/uccx/journal.ts writes them to a file). */
  journal?: (entry: JournalEntry) => void;
  dialer?: {
    enabled?: boolean;
    tickMs?: number;
    ringSeconds?: number;
    outcome?: OutcomeRule;
    ivr?: IvrSettings;
    agents?: Record<string, AgentState>;
    agentWaitSeconds?: number;
    /** Calls in progress at once per campaign (IVR ports). */
    ports?: number;
    /** What the answering customer does at the "press 1" prompt and in the queue (default: confirms). */
    customer?: CustomerRule;
    /** Simulated seconds a customer waits in a CSQ for a ready agent before hanging up (default 120). */
    queuePatienceSeconds?: number;
  };
}

export interface UccxSim {
  /** The first node's URL (the master when the simulator starts). */
  url: string;
  /** The admin API nodes (one, or the HA pair). */
  nodes: SimNode[];
  clock: SimClock;
  events: EventEmitter;
  /** The db_cra stand-in (tests read it; the product uses its own connection). */
  db: DbCra;
  setAgent(id: string, state: AgentState): void;
  setFault(fault: Fault): void;
  readonly fault: Fault;
  /** One dialer pass now (also runs the midnight job when the simulated day changed). */
  dialerTick(): Promise<void>;
  /** Waits for the calls the dialer has in progress. */
  dialerSettle(): Promise<void>;
  midnightRollover(): Promise<number>;
  close(): Promise<void>;
}

export const DEFAULT_SIM_CAMPAIGN: Omit<SimCampaign, 'campaignId' | 'campaignName' | 'callingNumber'> = {
  startTime: '08:00',
  endTime: '21:00',
  maxDialAttempts: 3,
  retryNoAnswerDelay: 60,
  retryBusySignalDelay: 60,
};

/** Bodies up to 100,000 CSV rows must reach the limit check instead of Fastify's 1 MB cap. */
const BODY_LIMIT = 64 * 1024 * 1024;

export async function startUccxSim(opts: UccxSimOptions): Promise<UccxSim> {
  const clock = new SimClock(opts.clock?.speed ?? 1, opts.clock?.start ?? new Date());
  const timeZone = opts.timeZone ?? 'UTC';
  const db = await DbCra.open(opts.dbcraUrl);
  const campaigns = new Map((opts.campaigns ?? []).map((c) => [c.campaignId, { ...DEFAULT_SIM_CAMPAIGN, ...c }]));
  for (const c of campaigns.values()) await db.upsertCampaign({ ...c, enabled: c.enabled !== false });
  // Rows a previous run left active (2) are "unknown (active at restart)", as UCCX marks them.
  await db.run('UPDATE dialinglist SET callstatus = 7 WHERE callstatus = 2');
  const events = new EventEmitter();
  events.on('error', () => {}); // a failed tick is retried on the next one; listeners may still watch
  const agents = new Map(Object.entries(opts.dialer?.agents ?? {}));

  const state: AdminApiState = {
    db,
    clock,
    campaigns,
    user: opts.adminUser ?? 'administrator',
    password: opts.adminPassword ?? 'ciscocisco',
    fault: null,
    duplicateMode: opts.duplicateMode ?? 'drop',
    limits: { ...LIMITS, ...opts.limits },
    timeZone,
    lastImport: new Map(),
    standbyWriteStatus: opts.standbyWriteStatus ?? 400,
    journal: opts.journal ?? null,
  };
  const host = opts.host ?? '127.0.0.1';
  const ports = [opts.port ?? 0, ...(opts.nodes === 2 ? [opts.port2 ?? 0] : [])];
  const nodes = await startHaNodes(ports, host, (node) => {
    const app = Fastify({ logger: false, forceCloseConnections: true, bodyLimit: BODY_LIMIT });
    void app.register(adminApi, { state, node });
    return app;
  });

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
    timeZone,
    ports: opts.dialer?.ports ?? 4,
    customer: opts.dialer?.customer ?? alwaysConfirms,
    queuePatienceSeconds: opts.dialer?.queuePatienceSeconds ?? 120,
  });

  // UCCX's midnight job: rows closed before today's midnight (server zone) move to history.
  const midnightRollover = () => db.moveClosedToHistory(startOfDay(clock.now(), timeZone));
  let lastMidnight = startOfDay(clock.now(), timeZone).getTime();
  const pass = async (): Promise<void> => {
    const midnight = startOfDay(clock.now(), timeZone).getTime();
    if (midnight !== lastMidnight) {
      await midnightRollover();
      lastMidnight = midnight; // only once it worked: a failed run is repeated by the next pass
    }
    await dialer.tick();
  };

  // The loop: one pass at a time, the next scheduled only after the previous ended.
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const tickMs = opts.dialer?.tickMs ?? 500;
  const loop = () => {
    timer = null;
    running = pass()
      .catch((e: unknown) => void events.emit('error', e))
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, tickMs);
      });
  };
  if (opts.dialer?.enabled !== false) timer = setTimeout(loop, tickMs);

  return {
    url: nodes[0]?.url as string,
    nodes,
    clock,
    events,
    db,
    setAgent: (id, s) => void agents.set(id, s),
    setFault: (fault) => void (state.fault = fault),
    get fault() {
      return state.fault;
    },
    dialerTick: pass,
    dialerSettle: () => dialer.settle(),
    midnightRollover,
    close: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
      await dialer.close();
      for (const node of nodes) await node.stop();
      await db.close();
    },
  };
}
