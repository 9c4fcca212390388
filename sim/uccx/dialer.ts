// The outbound IVR dialer: inside each campaign's start/end time it takes contacts in UCCX's
// priority order (due callbacks, then due retries, then pending by dialinglistid: an assumption,
// see docs/uccx-simulator.md), dials them with an outcome from the configured rule, honours
// max attempts and retry delays, and on a live answer runs the Callback IVR script emulation.
import { EventEmitter } from 'node:events';
import type { SimCampaign } from './campaigns.ts';
import { minutesOfDay, type SimClock } from './clock.ts';
import { CALL_STATUS, OUTCOME_RESULT, RETRIED, type OutcomeRule } from './codes.ts';
import { dbcraTime, type ContactRow, type DbCra } from './dbcra.ts';
import { makeRestCall, postIvrEvent, routingVariable, type CustomerRule, type IvrEventName, type IvrSettings, type LookupAnswer, type Routing } from './ivr-script.ts';

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
  /** What the answering customer does at the "press 1" prompt and in the queue. */
  customer: CustomerRule;
  /** How long (simulated seconds) a customer waits in a CSQ for any ready agent before hanging up. */
  queuePatienceSeconds: number;
}

/** How a call the script handled ended, for its ContactCallDetail (and AgentConnectionDetail). */
interface CallEnd {
  disposition: 1 | 2;
  ccdrVar2: string;
  agentId?: string;
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
      this.o.events.emit('dialed', { contact, result: outcome, callresult: result, attempt: attempts, at: now });
      if (outcome === 'answer') await this.runCallbackScript(c, contact, started);
    } finally {
      this.busyCampaigns.set(c.campaignId, (this.busyCampaigns.get(c.campaignId) ?? 1) - 1);
    }
  }

  /** The Callback IVR script, as ivr/README.md lays it out, step for step. */
  private async runCallbackScript(c: SimCampaign, contact: ContactRow, started: Date): Promise<void> {
    const defaultCsq = this.o.ivr?.defaultCsq ?? 'CSQ_Default';
    const behaviour = this.o.customer(contact.phone01);
    let answer: LookupAnswer | null = null;
    let routing: Routing | null = null;
    let end: CallEnd;
    // Steps 2-3: Make REST Call to the lookup (read-only), with the campaign the call belongs to.
    try {
      if (!this.o.ivr) throw new Error('no IVR lookup configured');
      answer = await makeRestCall(this.o.ivr, this.stop.signal, { accountNumber: contact.accountnumber, dialingListId: String(contact.dialinglistid), phone: contact.phone01, campaign: c.campaignName });
    } catch (e) {
      if (this.closed) return; // the simulator stopped mid-call: nothing more is written
      this.o.events.emit('ivrLookupFailed', { contact, error: (e as Error).message });
    }
    const callbackId = answer?.callbackId ?? null;
    const post = (event: IvrEventName, extra: Record<string, unknown> = {}) => this.post(contact, c, callbackId, event, extra);

    if (answer?.found && answer.action === 'apologise_and_end') {
      // Step 5: the callback is finished (cancelled, completed, expired): apologise and hang up.
      this.o.events.emit('apologised', { accountNumber: contact.accountnumber, callbackId, reason: answer.reason ?? null });
      end = { disposition: 2, ccdrVar2: `ended:${answer.reason ?? 'finished'}` };
    } else if (answer?.found) {
      // Steps 6-7: answered, the "press 1 to be connected" prompt, confirmed or not.
      await post('answered');
      if (behaviour === 'hangs_up') {
        await post('abandoned');
        end = { disposition: 1, ccdrVar2: 'abandoned' };
      } else if (behaviour === 'does_not_confirm') {
        await post('not_confirmed');
        end = { disposition: 2, ccdrVar2: 'not_confirmed' };
      } else {
        await post('confirmed');
        // Steps 8-9: route, report where, then the queue.
        routing = await this.route(answer, defaultCsq);
        await post('routed', routedBody(routing));
        end = await this.queue(routing, behaviour === 'abandons_in_queue');
        if (end.disposition === 1 && !this.closed) await post('abandoned');
      }
    } else {
      // Fallback: lookup failed or nothing found → the default CSQ (no events: no callback to report on).
      routing = answer ? { kind: 'csq', csq: answer.csq || defaultCsq } : { kind: 'error', csq: defaultCsq };
      end = await this.queue(routing, behaviour === 'abandons_in_queue');
    }
    if (routing) this.emitRouted(c, contact, answer, routing);
    const finished = this.o.clock.now();
    await this.o.db.insertCallDetail({
      campaignId: c.campaignId,
      dialingListId: contact.dialinglistid,
      accountNumber: contact.accountnumber,
      start: started,
      end: finished,
      disposition: end.disposition,
      vars: [callbackId != null ? String(callbackId) : '', end.ccdrVar2],
      agent: end.agentId ? { resourceId: Number(end.agentId) || 0, start: started, ringSeconds: 2, talkSeconds: 60 } : undefined,
    });
  }

  /** The queue after Select Resource: the agent takes the call, or the caller hangs up first. */
  private async queue(routing: Routing, abandons: boolean): Promise<CallEnd> {
    const ccdrVar2 = routingVariable(routing);
    if (routing.abandoned || abandons) return { disposition: 1, ccdrVar2 };
    if (routing.kind === 'agent') return { disposition: 2, ccdrVar2, agentId: routing.agentId };
    // A CSQ (or the external script's own queueing): any ready agent within the caller's patience.
    const agentId = await this.waitForAgent(null, this.o.queuePatienceSeconds * 1000);
    return agentId ? { disposition: 2, ccdrVar2, agentId } : { disposition: 1, ccdrVar2 };
  }

  private emitRouted(c: SimCampaign, contact: ContactRow, answer: LookupAnswer | null, routing: Routing): void {
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
      campaign: c.campaignName,
      callVariables,
    });
  }

  /** POST /ivr/v1/events; the call goes on whatever the answer (as the guide's exception branches do). */
  private async post(contact: ContactRow, c: SimCampaign, callbackId: number | null, event: IvrEventName, extra: Record<string, unknown>): Promise<void> {
    if (!this.o.ivr || this.closed) return;
    const body = { ...(callbackId != null ? { callbackId } : { accountNumber: contact.accountnumber }), campaign: c.campaignName, event, ...extra };
    try {
      const status = await postIvrEvent(this.o.ivr, this.stop.signal, body);
      this.o.events.emit('ivrEvent', { accountNumber: contact.accountnumber, callbackId, event, status });
    } catch (e) {
      if (!this.closed) this.o.events.emit('ivrEventFailed', { accountNumber: contact.accountnumber, event, error: (e as Error).message });
    }
  }

  /** Select Resource: the personal agent if he is (or becomes) ready within the wait, else the CSQ. */
  private async route(a: LookupAnswer, defaultCsq: string): Promise<Routing> {
    const csq = a.csq || defaultCsq;
    if (a.target === 'script' && a.script) return { kind: 'script', script: a.script };
    if (a.target === 'agent' && a.agentId) {
      const agentId = await this.waitForAgent(a.agentId, (a.agentWaitSeconds ?? this.o.agentWaitSeconds) * 1000);
      if (agentId) return { kind: 'agent', agentId };
      if (this.closed) return { kind: 'csq', csq, abandoned: true };
    }
    return { kind: 'csq', csq };
  }

  /** Waits up to `waitMs` (simulated) for `agentId` (or, when null, any agent) to be logged in and ready. */
  private async waitForAgent(agentId: string | null, waitMs: number): Promise<string | null> {
    const until = this.o.clock.now().getTime() + waitMs;
    do {
      const ready = agentId ? (this.isReady(agentId) ? agentId : null) : ([...this.o.agents.keys()].find((id) => this.isReady(id)) ?? null);
      if (ready) return ready;
      if (this.closed) return null;
      await this.wait(Math.min(1000, waitMs));
    } while (this.o.clock.now().getTime() < until);
    return null;
  }

  private isReady(id: string): boolean {
    const agent = this.o.agents.get(id);
    return Boolean(agent?.loggedIn && agent.ready);
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

/** The body of the `routed` event: where Select Resource sent the call. */
function routedBody(r: Routing): Record<string, unknown> {
  if (r.kind === 'agent') return { target: 'agent', agentId: r.agentId };
  if (r.kind === 'script') return { target: 'script', script: r.script };
  return { target: 'csq', csq: r.csq };
}
