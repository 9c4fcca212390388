// The gadget's typed client of the BFF's GraphQL API. Components get one instance through
// context (context/api-context.ts); tests build it over a fake transport.
import type { GraphQLTransport, SubscriptionTransport } from './transport.ts';
import type {
  Agent,
  ArrivalContext,
  ArrivalResult,
  InboundCloseResult,
  InboundMatch,
  AvailabilityQuery,
  BookInput,
  CallOutcome,
  CallOutcomeResult,
  DetailsInput,
  BookResult,
  Callback,
  CallbackFilter,
  CallbackPage,
  Campaign,
  Me,
  PhoneInfo,
  Skill,
  Slot,
  SlotGrid,
  StatusCount,
} from './types.ts';
import { slotsOfGrid } from '../lib/slot-grid.ts';

/** The orders the server pages callbacks in (bff/graphql/schema.graphql CallbackSort). */
export type CallbackSort = 'upcoming' | 'scheduled' | 'scheduled_desc';

const CALLBACK = `id accountNumber campaign type agentId skill firstName lastName phone phoneE164 scheduledAt timeZone
  status reason attempts lastResult nextAttemptAt notes source createdBy teamId createdAt updatedAt version`;
const ARRIVAL = `callbackId accountNumber campaign type skill agentId firstName lastName phone phoneMasked notes
  bookedBy { id name } scheduledAt timeZone status attempts createdAt`;
const MATCH = `id campaign scheduledAt timeZone bookedBy { id name } mayRead
  details { status type agentId skill firstName lastName phone notes }`;
const RESULT = `callback { ${CALLBACK} } violations { code field message } duplicate { ${CALLBACK} }`;

export class CallbackApi {
  constructor(
    private readonly transport: GraphQLTransport,
    private readonly subscriptions: SubscriptionTransport | null = null,
  ) {}

  /** REST GET beside GraphQL (reports); refused when the transport cannot make one. */
  async rest(path: string): Promise<Response> {
    const get = (this.transport as Partial<{ get(path: string): Promise<Response> }>).get;
    if (!get) throw new Error('this transport makes no REST requests');
    return get.call(this.transport, path);
  }

  async me(): Promise<Me> {
    return (await this.transport.request<{ me: Me }>('Me', 'query Me { me { id firstName lastName role teamId teamName } }')).me;
  }

  async campaigns(): Promise<Campaign[]> {
    return (await this.transport.request<{ campaigns: Campaign[] }>('Campaigns', 'query Campaigns { campaigns { name uccxCampaignName ddi country timeZone agentDefault } }')).campaigns;
  }

  async skills(): Promise<Skill[]> {
    return (await this.transport.request<{ skills: Skill[] }>('Skills', 'query Skills { skills { name csq timeZone } }')).skills;
  }

  async agents(): Promise<Agent[]> {
    return (await this.transport.request<{ agents: Agent[] }>('Agents', 'query Agents { agents { id firstName lastName teamId teamName } }')).agents;
  }

  /** A page of callbacks, upcoming first (active soonest, then finished newest); `search`: number part, name or account number. */
  async callbacks(filter: CallbackFilter = {}, limit = 100, cursor?: string | null, search?: string | null, sort: CallbackSort = 'upcoming'): Promise<CallbackPage> {
    const q = `query Callbacks($filter: CallbackFilter, $limit: Int, $cursor: String, $search: String, $sort: CallbackSort) {
      callbacks(filter: $filter, limit: $limit, cursor: $cursor, sort: $sort, search: $search) { items { ${CALLBACK} } nextCursor } }`;
    return (await this.transport.request<{ callbacks: CallbackPage }>('Callbacks', q, { filter, limit, cursor: cursor ?? null, search: search || null, sort })).callbacks;
  }

  /** The callback's history, oldest first (details parsed). */
  async history(id: string): Promise<Array<{ id: string; at: string; event: string; actor: string; details: Record<string, unknown> }>> {
    const q = 'query History($id: ID!) { history(id: $id) { id at event actor details } }';
    const rows = (await this.transport.request<{ history: Array<{ id: string; at: string; event: string; actor: string; details: string }> }>('History', q, { id })).history;
    return rows.map((h) => {
      let details: Record<string, unknown> = {};
      try {
        details = JSON.parse(h.details) as Record<string, unknown>;
      } catch {
        details = {};
      }
      return { ...h, details };
    });
  }

  async callbackCounts(filter: CallbackFilter = {}): Promise<StatusCount[]> {
    const q = 'query CallbackCounts($filter: CallbackFilter) { callbackCounts(filter: $filter) { status count } }';
    return (await this.transport.request<{ callbackCounts: StatusCount[] }>('CallbackCounts', q, { filter })).callbackCounts;
  }

  async callbackByAccount(accountNumber: string): Promise<Callback | null> {
    const q = `query CallbackByAccount($accountNumber: String!) { callbackByAccount(accountNumber: $accountNumber) { ${CALLBACK} } }`;
    return (await this.transport.request<{ callbackByAccount: Callback | null }>('CallbackByAccount', q, { accountNumber })).callbackByAccount;
  }

  /** The slots of the query: asked as the compact grid (one object per slot cost the server ~20 ms a horizon), expanded here. */
  async availability(query: AvailabilityQuery): Promise<Slot[]> {
    return slotsOfGrid(await this.availabilityGrid(query));
  }

  async availabilityGrid(query: AvailabilityQuery): Promise<SlotGrid> {
    const q = `query Availability($campaign: String!, $skill: String, $agentId: String, $from: String!, $to: String!, $timeZone: String, $phone: String) {
      availabilityGrid(campaign: $campaign, skill: $skill, agentId: $agentId, from: $from, to: $to, timeZone: $timeZone, phone: $phone) { start slotMinutes count capacity booked closed { first count reason } } }`;
    return (await this.transport.request<{ availabilityGrid: SlotGrid }>('Availability', q, { ...query })).availabilityGrid;
  }

  async phoneInfo(campaign: string, phone: string): Promise<PhoneInfo> {
    const q = 'query PhoneInfo($campaign: String!, $phone: String!) { phoneInfo(campaign: $campaign, phone: $phone) { valid e164 formatted country timeZone zones countryZones } }';
    return (await this.transport.request<{ phoneInfo: PhoneInfo }>('PhoneInfo', q, { campaign, phone })).phoneInfo;
  }

  async bookCallback(input: BookInput): Promise<BookResult> {
    const q = `mutation BookCallback($input: BookInput!) { bookCallback(input: $input) { ${RESULT} } }`;
    return (await this.transport.request<{ bookCallback: BookResult }>('BookCallback', q, { input })).bookCallback;
  }

  async rescheduleCallback(id: string, scheduledAt: string, timeZone?: string): Promise<BookResult> {
    const q = `mutation RescheduleCallback($id: ID!, $scheduledAt: String!, $timeZone: String) {
      rescheduleCallback(id: $id, scheduledAt: $scheduledAt, timeZone: $timeZone) { ${RESULT} } }`;
    return (await this.transport.request<{ rescheduleCallback: BookResult }>('RescheduleCallback', q, { id, scheduledAt, timeZone: timeZone ?? null })).rescheduleCallback;
  }

  async cancelCallback(id: string, reason?: string): Promise<BookResult> {
    const q = `mutation CancelCallback($id: ID!, $reason: String) { cancelCallback(id: $id, reason: $reason) { ${RESULT} } }`;
    return (await this.transport.request<{ cancelCallback: BookResult }>('CancelCallback', q, { id, reason: reason ?? null })).cancelCallback;
  }

  async reassignCallback(id: string, to: { agentId?: string; skill?: string }): Promise<BookResult> {
    const q = `mutation ReassignCallback($id: ID!, $agentId: String, $skill: String) {
      reassignCallback(id: $id, agentId: $agentId, skill: $skill) { ${RESULT} } }`;
    return (await this.transport.request<{ reassignCallback: BookResult }>('ReassignCallback', q, { id, agentId: to.agentId ?? null, skill: to.skill ?? null })).reassignCallback;
  }

  async acknowledgeArrival(id: string): Promise<BookResult> {
    const q = `mutation AcknowledgeArrival($id: ID!) { acknowledgeArrival(id: $id) { ${RESULT} } }`;
    return (await this.transport.request<{ acknowledgeArrival: BookResult }>('AcknowledgeArrival', q, { id })).acknowledgeArrival;
  }

  /** The callback behind the call being presented, while its call is in flight (else null). */
  async arrivalContext(accountNumber: string): Promise<ArrivalContext | null> {
    const q = `query ArrivalContext($accountNumber: String) { arrivalContext(accountNumber: $accountNumber) { ${ARRIVAL} } }`;
    return (await this.transport.request<{ arrivalContext: ArrivalContext | null }>('ArrivalContext', q, { accountNumber })).arrivalContext;
  }

  async acknowledgeArrivalByAccount(accountNumber: string): Promise<ArrivalResult> {
    const q = `mutation AcknowledgeArrivalByAccount($accountNumber: String!) { acknowledgeArrivalByAccount(accountNumber: $accountNumber) { context { ${ARRIVAL} } error } }`;
    return (await this.transport.request<{ acknowledgeArrivalByAccount: ArrivalResult }>('AcknowledgeArrivalByAccount', q, { accountNumber })).acknowledgeArrivalByAccount;
  }

  /** Active callbacks of a caller's number (details only where the agent may read them). */
  async activeCallbacksForNumber(phone: string): Promise<InboundMatch[]> {
    const q = `query ActiveCallbacksForNumber($phone: String!) { activeCallbacksForNumber(phone: $phone) { ${MATCH} } }`;
    return (await this.transport.request<{ activeCallbacksForNumber: InboundMatch[] }>('ActiveCallbacksForNumber', q, { phone })).activeCallbacksForNumber;
  }

  /** The customer called in and was reached: close the callback (phone: the caller's number). */
  async closeReachedInbound(id: string, phone: string): Promise<InboundCloseResult> {
    const q = `mutation CloseReachedInbound($id: ID!, $phone: String) { closeReachedInbound(id: $id, phone: $phone) { match { ${MATCH} } error } }`;
    return (await this.transport.request<{ closeReachedInbound: InboundCloseResult }>('CloseReachedInbound', q, { id, phone })).closeReachedInbound;
  }

  /** Corrects names, number or notes (only the fields given) of a callback UCCX does not hold yet. */
  async updateCallbackDetails(id: string, input: DetailsInput): Promise<BookResult> {
    const q = `mutation UpdateCallbackDetails($id: ID!, $input: CallbackDetailsInput!) { updateCallbackDetails(id: $id, input: $input) { ${RESULT} } }`;
    return (await this.transport.request<{ updateCallbackDetails: BookResult }>('UpdateCallbackDetails', q, { id, input })).updateCallbackDetails;
  }

  /** The receiving agent's outcome of the callback call (reschedule: with the agreed local time in timeZone). */
  async recordCallOutcome(id: string, outcome: CallOutcome, when?: { scheduledAt: string; timeZone: string }): Promise<CallOutcomeResult> {
    const q = `mutation RecordCallOutcome($id: ID!, $outcome: CallOutcome!, $scheduledAt: String, $timeZone: String) {
      recordCallOutcome(id: $id, outcome: $outcome, scheduledAt: $scheduledAt, timeZone: $timeZone) {
        callbackId outcome status nextAttemptAt scheduledAt timeZone violations { code field message } error } }`;
    const variables = { id, outcome, scheduledAt: when?.scheduledAt ?? null, timeZone: when?.timeZone ?? null };
    return (await this.transport.request<{ recordCallOutcome: CallOutcomeResult }>('RecordCallOutcome', q, variables)).recordCallOutcome;
  }

  /** Live changes of the callbacks the user may see; returns the function that stops them. */
  onCallbackChanged(listener: (callback: Callback) => void, onError?: (e: Error) => void): () => void {
    if (!this.subscriptions) return () => undefined;
    const q = `subscription CallbackChanged { callbackChanged { ${CALLBACK} } }`;
    return this.subscriptions.subscribe<{ callbackChanged: Callback }>('CallbackChanged', q, {}, {
      next: (data) => listener(data.callbackChanged),
      error: onError,
    });
  }

  /** Follows whether live updates flow (false without a subscription transport). */
  onLiveStatus(listener: (live: boolean) => void): () => void {
    if (!this.subscriptions?.onStatus) {
      listener(this.subscriptions != null);
      return () => undefined;
    }
    return this.subscriptions.onStatus(listener);
  }
}
