// Test doubles of the gadget's GraphQL transports, sample data, and a context host element that
// provides the API client, session and call to the component under test (as <cb-gadget> does).
import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { CallbackApi } from '../api/api-client.ts';
import type { GraphQLTransport, SubscriptionSink, SubscriptionTransport } from '../api/transport.ts';
import type { Callback, Campaign, Skill, Slot } from '../api/types.ts';
import { apiContext } from '../context/api-context.ts';
import { gridOf } from './horizon-slots.ts';
import { callContext, type CurrentCall } from '../context/call-context.ts';
import { sessionContext, type Session } from '../context/session-context.ts';

type Handler = (variables: Record<string, any>) => unknown;

export class MockTransport implements GraphQLTransport {
  readonly calls: Array<{ operation: string; variables: Record<string, any> }> = [];
  constructor(public handlers: Record<string, Handler> = {}) {}

  async request<T>(operation: string, _query: string, variables: Record<string, unknown> = {}): Promise<T> {
    this.calls.push({ operation, variables: variables as Record<string, any> });
    const handler = this.handlers[operation];
    if (!handler) throw new Error(`no mock for ${operation}`);
    return (await handler(variables as Record<string, any>)) as T;
  }

  callsOf(operation: string): Array<Record<string, any>> {
    return this.calls.filter((c) => c.operation === operation).map((c) => c.variables);
  }
}

export class MockSubscriptions implements SubscriptionTransport {
  readonly sinks: Array<SubscriptionSink<any>> = [];
  subscribe<T>(_op: string, _q: string, _v: Record<string, unknown>, sink: SubscriptionSink<T>): () => void {
    this.sinks.push(sink);
    return () => this.sinks.splice(this.sinks.indexOf(sink), 1);
  }
  emit(data: unknown): void {
    for (const s of [...this.sinks]) s.next(data);
  }
}

export const CAMPAIGNS: Campaign[] = [
  { name: 'CB_MAIN', ddi: '+48221234567', country: 'PL', timeZone: 'Europe/Warsaw' },
  { name: 'CB_US', ddi: '+12125550100', country: 'US', timeZone: 'America/New_York' },
];
export const SKILLS: Skill[] = [
  { name: 'Sales', csq: 'CSQ_Sales', timeZone: 'Europe/Warsaw' },
  { name: 'Support', csq: 'CSQ_Support', timeZone: 'Europe/Warsaw' },
];
export const AGENTS = [
  { id: '1001', firstName: 'Anna', lastName: 'Nowak', teamId: '1', teamName: 'Team A' },
  { id: '1002', firstName: 'Piotr', lastName: 'Kowalski', teamId: '1', teamName: 'Team A' },
];

/** The fixed "now" of the tests: Tuesday 2026-11-24 10:00 UTC. */
export const NOW = new Date('2026-11-24T10:00:00Z');

export function session(overrides: Partial<Session> = {}): Session {
  return { agentId: '1001', firstName: 'Anna', lastName: 'Nowak', role: 'agent', teamId: '1', teamName: 'Team A', extension: '1001001', locale: 'en', ...overrides };
}

export function callback(overrides: Partial<Callback> = {}): Callback {
  return {
    id: '1', accountNumber: 'CBX1', campaign: 'CB_MAIN', type: 'personal', agentId: '1001', skill: 'Sales',
    firstName: 'Jan', lastName: 'Kowalski', phone: '+48601234567', phoneE164: '+48601234567',
    scheduledAt: '2026-11-24T14:00:00Z', timeZone: 'Europe/Warsaw', status: 'scheduled', reason: null, attempts: 0,
    lastResult: null, nextAttemptAt: null, notes: 'Wants the premium plan', source: 'outbound', createdBy: '1001', teamId: '1',
    createdAt: '2026-11-24T09:00:00Z', updatedAt: '2026-11-24T09:00:00Z', version: 1, ...overrides,
  };
}

export function outboundCall(overrides: Partial<CurrentCall> = {}): CurrentCall {
  return {
    dialogId: '16000001', callType: 'OUTBOUND', direction: 'outbound', fromAddress: '+48601234567', dnis: '+48221234567',
    variables: { BAAccountNumber: 'ACC-7', BACustomerNumber: '+48 601 234 567', BABuddyName: 'Jan Kowalski', BACampaign: 'CB_MAIN' },
    accountNumber: 'ACC-7', customerNumber: '+48 601 234 567', customerName: 'Jan Kowalski', campaign: 'CB_MAIN', ...overrides,
  };
}

/** Slots of one day (local Warsaw = UTC+1): 10:00–11:00 UTC, one full, one closed (mocks answer them as gridOf(slots())). */
export function slots(): Slot[] {
  return [
    { start: '2026-11-24T06:00:00.000Z', end: '2026-11-24T06:15:00.000Z', capacity: 0, booked: 0, available: 0, closedReason: 'SKILL_CLOSED' },
    { start: '2026-11-24T06:15:00.000Z', end: '2026-11-24T06:30:00.000Z', capacity: 0, booked: 0, available: 0, closedReason: 'SKILL_CLOSED' },
    { start: '2026-11-24T10:15:00.000Z', end: '2026-11-24T10:30:00.000Z', capacity: 10, booked: 1, available: 9, closedReason: null },
    { start: '2026-11-24T10:30:00.000Z', end: '2026-11-24T10:45:00.000Z', capacity: 10, booked: 9, available: 1, closedReason: null },
    { start: '2026-11-24T10:45:00.000Z', end: '2026-11-24T11:00:00.000Z', capacity: 10, booked: 10, available: 0, closedReason: 'SLOT_FULL' },
    { start: '2026-11-25T10:00:00.000Z', end: '2026-11-25T10:15:00.000Z', capacity: 10, booked: 0, available: 10, closedReason: 'HOLIDAY' },
  ];
}

export function mockApi(handlers: Record<string, Handler> = {}, live = false) {
  const transport = new MockTransport({
    Me: () => ({ me: { id: '1001', firstName: 'Anna', lastName: 'Nowak', role: 'agent', teamId: '1', teamName: 'Team A' } }),
    Campaigns: () => ({ campaigns: CAMPAIGNS }),
    Skills: () => ({ skills: SKILLS }),
    Agents: () => ({ agents: AGENTS }),
    Availability: () => ({ availabilityGrid: gridOf(slots()) }),
    PhoneInfo: ({ phone }) => ({ phoneInfo: { valid: phone.replace(/\D/g, '').length >= 9, e164: '+48601234567', formatted: '601 234 567', country: 'PL', timeZone: 'Europe/Warsaw', zones: ['Europe/Warsaw'], countryZones: ['Europe/Warsaw'] } }),
    Callbacks: () => ({ callbacks: { items: [], nextCursor: null } }),
    CallbackCounts: () => ({ callbackCounts: [] }),
    CallbackByAccount: () => ({ callbackByAccount: null }),
    ...handlers,
  });
  const subscriptions = live ? new MockSubscriptions() : null;
  return { transport, subscriptions, api: new CallbackApi(transport, subscriptions) };
}

@customElement('cb-test-context')
export class CbTestContext extends LitElement {
  @provide({ context: apiContext }) @property({ attribute: false }) api?: CallbackApi;
  @provide({ context: sessionContext }) @property({ attribute: false }) session?: Session = session();
  @provide({ context: callContext }) @property({ attribute: false }) call: CurrentCall | null = null;

  override render() {
    return html`<slot></slot>`;
  }
}

/** Resolves when fn() is truthy (polling after updates), or fails after a while. */
export async function until<T>(fn: () => T, what = 'condition', ms = 2000): Promise<NonNullable<T>> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v) return v as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const shadow = (el: Element) => el.shadowRoot as ShadowRoot;
