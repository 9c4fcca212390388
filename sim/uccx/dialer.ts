// The outbound IVR dialer: inside each campaign's start/end time it takes contacts in UCCX's
// priority order (due callbacks, then due retries, then pending by dialinglistid: an assumption,
// see docs/uccx-simulator.md), dials them with an outcome from the configured rule, honours
// max attempts and retry delays, and on a live answer runs the Callback IVR script emulation.
import { EventEmitter } from 'node:events';
import type { SimCampaign } from './campaigns.ts';
import { minutesOfDay, type SimClock } from './clock.ts';
import { CALL_STATUS, OUTCOME_RESULT, RETRIED, type OutcomeRule } from './codes.ts';
import { dbcraTime, type ContactRow, type DbCra } from './dbcra.ts';
import { makeRestCall, routingVariable, type IvrSettings, type LookupAnswer, type Routing } from './ivr-script.ts';

export interface AgentState {
  loggedIn: boolean;
  ready: boolean;
}

export interface DialerOptions {
  db: DbCra;
  clock: SimClock;
  campaigns: Map<number, SimCampaign>;
  events: EventEmitter;
  outcome: OutcomeRule;
  ivr: IvrSettings | null;
  agents: Map<string, AgentState>;
  agentWaitSeconds: number;
  ringSeconds: number;
  timeZone: string;
  /** Calls in progress at once per campaign (ports). */
  ports: number;
}

const hhmm = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));

export class Dialer {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly busyCampaigns = new Map<number, number>();
  /** Rows being dialled: a second tick running meanwhile must not take them again. */
  private readonly claimed = new Set<string>();
  /** Ends sleeps and lookups in flight when the simulator closes, so no timer outlives it. */
  private readonly stop = new AbortController();
  private closed = false;

  constructor(private readonly o: DialerOptions) {}

  /** One pass: start dialling what is due in every campaign that is inside its window. */
  async tick(): Promise<void> {
    if (this.closed) return;
    const now = this.o.clock.now();
    for (const c of this.o.campaigns.values()) {
      if (c.enabled === false || !this.insideWindow(c, now)) continue;
      const free = this.o.ports - (this.busyCampaigns.get(c.campaignId) ?? 0);
      if (free <= 0) continue;
      for (const contact of await this.nextContacts(c.campaignId, now, free + this.claimed.size)) {
        const key = String(contact.dialinglistid);
        if (this.claimed.has(key) || (this.busyCampaigns.get(c.campaignId) ?? 0) >= this.o.ports) continue;
        this.claimed.add(key);
        this.busyCampaigns.set(c.campaignId, (this.busyCampaigns.get(c.campaignId) ?? 0) + 1);
        this.track(this.dial(c, contact).finally(() => this.claimed.delete(key)));
      }
    }
  }

  /** Waits for the calls in progress (tests, close). */
  async settle(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stop.abort();
    await this.settle();
  }

  private insideWindow(c: SimCampaign, now: Date): boolean {
    const [m, start, end] = [minutesOfDay(now, this.o.timeZone), hhmm(c.startTime), hhmm(c.endTime)];
    return start <= end ? m >= start && m <= end : m >= start || m <= end; // a window may span midnight
  }

  private async nextContacts(campaignId: number, now: Date, limit: number): Promise<ContactRow[]> {
    const due = dbcraTime(now);
    return this.o.db.query<ContactRow>(
      `SELECT * FROM dialinglist WHERE campaignid = :campaignId AND (callstatus IN (1, 7) OR (callstatus IN (4, 6, 8) AND callbackdatetime <= :due))
       ORDER BY CASE callstatus WHEN 4 THEN 0 WHEN 6 THEN 1 WHEN 8 THEN 1 ELSE 2 END, dialinglistid LIMIT ${Math.trunc(limit)}`,
      { campaignId, due },
    );
  }

  private track(p: Promise<void>): void {
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
  }

  private async dial(c: SimCampaign, contact: ContactRow): Promise<void> {
    try {
      await this.o.db.updateContact(contact.dialinglistid, { callstatus: CALL_STATUS.active });
      const started = this.o.clock.now();
      await this.wait(this.o.ringSeconds * 1000);
      if (this.closed) return; // stopped mid-ring: the row stays active (2), reopened as unknown (7) on restart
      const outcome = this.o.outcome(contact.phone01);
      const attempts = Number(contact.callsmadetophone01 ?? 0) + 1;
      const result = OUTCOME_RESULT[outcome];
      const now = this.o.clock.now();
      const common = { callresult: result, callresult01: result, lastnumberdialed: 1, callsmadetophone01: attempts };
      if (RETRIED.has(outcome) && attempts < c.maxDialAttempts) {
        // Retry time kept in callbackdatetime (where UCCX keeps it is not documented).
        const delay = outcome === 'busy' ? c.retryBusySignalDelay : c.retryNoAnswerDelay;
        const callstatus = delay > 0 ? CALL_STATUS.retriesWithDelay : CALL_STATUS.retry;
        await this.o.db.updateContact(contact.dialinglistid, { ...common, callstatus, retry: attempts, callbackdatetime: dbcraTime(new Date(now.getTime() + delay * 1000)) });
      } else {
        const closedAs = RETRIED.has(outcome) ? CALL_STATUS.maxCalls : CALL_STATUS.closed;
        await this.o.db.updateContact(contact.dialinglistid, { ...common, callstatus: closedAs, active: 'F', dateinactive: dbcraTime(now) });
      }
      this.o.events.emit('dialed', { contact, result: outcome, callresult: result, attempt: attempts });
      if (outcome === 'answer') await this.runCallbackScript(c, contact, started);
    } finally {
      this.busyCampaigns.set(c.campaignId, (this.busyCampaigns.get(c.campaignId) ?? 1) - 1);
    }
  }

  private async runCallbackScript(c: SimCampaign, contact: ContactRow, started: Date): Promise<void> {
    let routing: Routing;
    let answer: LookupAnswer | null = null;
    const defaultCsq = this.o.ivr?.defaultCsq ?? 'CSQ_Default';
    try {
      if (!this.o.ivr) throw new Error('no IVR lookup configured');
      answer = await makeRestCall(this.o.ivr, this.stop.signal, { accountNumber: contact.accountnumber, dialingListId: String(contact.dialinglistid), phone: contact.phone01 });
      routing = await this.route(answer, defaultCsq);
    } catch (e) {
      if (this.closed) return; // the simulator stopped mid-call: nothing more is written
      routing = { kind: 'error', csq: defaultCsq };
      this.o.events.emit('ivrLookupFailed', { contact, error: (e as Error).message });
    }
    const callVariables = {
      BAAccountNumber: contact.accountnumber,
      BACustomerNumber: contact.phone01,
      BABuddyName: `${contact.firstname} ${contact.lastname}`.trim(),
      BACampaign: c.campaignName,
      BADialedListID: String(contact.dialinglistid),
    };
    this.o.events.emit('routed', {
      accountNumber: contact.accountnumber,
      agentId: routing.kind === 'agent' ? routing.agentId : undefined,
      csq: routing.kind === 'csq' || routing.kind === 'error' ? routing.csq : undefined,
      script: routing.kind === 'script' ? routing.script : undefined,
      fallback: answer?.target === 'agent' && routing.kind === 'csq',
      callbackId: answer?.callbackId ?? null,
      callVariables,
    });
    await this.o.db.insertCallDetail({
      campaignId: c.campaignId,
      dialingListId: contact.dialinglistid,
      accountNumber: contact.accountnumber,
      start: started,
      end: this.o.clock.now(),
      // Abandoned (1) when the sim stopped while the caller waited for the agent, else handled (2).
      disposition: routing.abandoned ? 1 : 2,
      vars: [answer?.callbackId != null ? String(answer.callbackId) : '', routingVariable(routing)],
    });
  }

  /** Select Resource: the personal agent if he is (or becomes) ready within the wait, else the CSQ. */
  private async route(a: LookupAnswer, defaultCsq: string): Promise<Routing> {
    const csq = a.csq || defaultCsq;
    if (a.target === 'script' && a.script) return { kind: 'script', script: a.script };
    if (a.target === 'agent' && a.agentId) {
      const waitMs = (a.agentWaitSeconds ?? this.o.agentWaitSeconds) * 1000;
      const until = this.o.clock.now().getTime() + waitMs;
      do {
        const agent = this.o.agents.get(a.agentId);
        if (agent?.loggedIn && agent.ready) return { kind: 'agent', agentId: a.agentId };
        if (this.closed) return { kind: 'csq', csq, abandoned: true };
        await this.wait(Math.min(1000, waitMs));
      } while (this.o.clock.now().getTime() < until);
    }
    return { kind: 'csq', csq };
  }

  /** Sleeps `simMs` of simulated time, or less when the simulator closes. */
  private wait(simMs: number): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => (clearTimeout(timer), resolve());
      const timer = setTimeout(() => (this.stop.signal.removeEventListener('abort', wake), resolve()), Math.max(0, this.o.clock.toRealMs(simMs)));
      this.stop.signal.addEventListener('abort', wake, { once: true });
    });
  }
}
