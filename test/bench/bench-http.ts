// The HTTP figures: IVR lookup at a fixed rate against a bare route of the same process, booking
// with full validation by 20 agents at once, and availability for the whole horizon as the gadget asks it.
import type { TestDialect } from '../helpers/databases.ts';
import { basic } from '../helpers/build.ts';
import { skillBooking } from '../api/fixtures.ts';
import { BENCH_AGENT_COUNT, benchAgentId } from './bench-agents.ts';
import { load, startServerChild, type LoadResult } from './http-load.ts';
import { fmt, ms, type BenchRow } from './table.ts';
import { CallbackApi } from '../../gadget/api/api-client.ts';
import { HttpTransport } from '../../gadget/api/transport.ts';
import { ASK_DAYS } from '../../gadget/lib/slot-grid.ts';
import { addDays } from '../../gadget/lib/time.ts';

export interface HttpBenchOptions {
  /** Seconds of each fixed-rate / sustained load. */
  durationS: number;
  lookupRate: number;
  seedCallbacks: number;
}

const latency = (r: LoadResult) => `p50 ${ms(r.p50)} / p99 ${ms(r.p99)}${r.failures ? `, ${r.failures} failed` : ''}`;
const achieved = (r: LoadResult, rate: number) => (r.perSecond < rate * 0.95 ? `, only ${fmt(r.perSecond)}/s answered` : '');

export async function benchLookup(dialect: TestDialect, o: HttpBenchOptions): Promise<BenchRow[]> {
  const server = await startServerChild(dialect, { BENCH_SEED_CALLBACKS: String(o.seedCallbacks) });
  try {
    const ivr = { authorization: `Basic ${Buffer.from('ivr:ivr-demo').toString('base64')}` };
    const accounts = server.accountNumbers;
    let i = 0;
    // Each request asks for another callback, as each answered call does, by account number in its campaign.
    const lookup = await load({
      url: server.url, pid: server.pid, connections: 20, durationS: o.durationS, overallRate: o.lookupRate, headers: ivr,
      setupRequest: (req) => ({ ...req, path: `/ivr/v1/lookup?campaign=CB_DDI_1&accountNumber=${accounts[i++ % accounts.length]}` }),
    });
    const bare = await load({ url: `${server.url}/bench/bare`, pid: server.pid, connections: 20, durationS: o.durationS, overallRate: o.lookupRate });
    const goal = 'p99 ≤ 5 ms';
    return [
      { case: `IVR lookup at ${o.lookupRate}/s for ${o.durationS} s (among ${accounts.length} callbacks)`, db: dialect, figure: latency(lookup) + achieved(lookup, o.lookupRate), goal, ok: lookup.p99 <= 5 && lookup.failures === 0 && lookup.perSecond >= o.lookupRate * 0.95, ratio: `p99 × ${fmt(lookup.p99 / Math.max(bare.p99, 1))} of bare route`, rssMb: lookup.rssMb },
      { case: `reference: bare Fastify route, same process, ${o.lookupRate}/s`, db: dialect, figure: latency(bare) + achieved(bare, o.lookupRate), goal: '', ok: null, ratio: 'reference', rssMb: bare.rssMb },
    ];
  } finally {
    await server.stop();
  }
}

/** Bookable times of Support within the horizon (Dec 2–23, 08:00–20:45 Warsaw), one per booking. */
function bookingTime(n: number): string {
  const day = 2 + (n % 22);
  const quarter = Math.floor(n / 22) % 52; // 13 hours × 4 quarters
  const hh = String(8 + Math.floor(quarter / 4)).padStart(2, '0');
  const mm = String((quarter % 4) * 15).padStart(2, '0');
  return `2026-12-${String(day).padStart(2, '0')}T${hh}:${mm}`;
}

export async function benchBooking(dialect: TestDialect, o: HttpBenchOptions): Promise<BenchRow[]> {
  const server = await startServerChild(dialect, { BENCH_SEED_CALLBACKS: '0' });
  try {
    let agents = 0;
    let booked = 0;
    // One agent per connection (autocannon keeps a context per connection), each booking another customer.
    const book = await load({
      url: `${server.url}/api/v1/callbacks`, pid: server.pid, connections: BENCH_AGENT_COUNT, durationS: o.durationS, method: 'POST',
      setupRequest: (req, context) => {
        context.agent ??= benchAgentId(agents++);
        const n = booked++;
        const body = skillBooking({ skill: 'Support', phone: `22 4${String(n).padStart(6, '0')}`, scheduledAt: bookingTime(n), notes: 'Bench booking' });
        return { ...req, headers: { authorization: basic(context.agent as string), 'content-type': 'application/json' }, body: JSON.stringify(body) };
      },
    });
    // The whole horizon as the gadget's calendar asks it (GraphQL availabilityGrid), and over REST
    // as the compact grid and as one object per slot, for reference.
    const horizonS = Math.max(3, Math.round(o.durationS / 3));
    const gadget = await gadgetAvailabilityRequest(server.url, benchAgentId(0));
    const availability = await load({ url: gadget.url, pid: server.pid, connections: 4, durationS: horizonS, method: 'POST', headers: gadget.headers, setupRequest: (req) => ({ ...req, body: gadget.body }) });
    const rest = (format: string) =>
      load({
        url: `${server.url}/api/v1/availability?campaign=CB_MAIN&skill=Support&from=2026-12-01&to=2026-12-31&timeZone=Europe/Warsaw&format=${format}`,
        pid: server.pid, connections: 4, durationS: horizonS, headers: { authorization: basic(benchAgentId(0)) },
      });
    const restGrid = await rest('grid');
    const perSlot = await rest('slots');
    return [
      { case: `booking (full validation), ${BENCH_AGENT_COUNT} agents at once, ${o.durationS} s`, db: dialect, figure: `${fmt(book.perSecond)}/s, ${latency(book)}`, goal: '≥ 500/s, p99 ≤ 50 ms', ok: book.perSecond >= 500 && book.p99 <= 50 && book.failures === 0, ratio: '', rssMb: book.rssMb },
      { case: "availability of the whole booking horizon as the gadget's calendar asks it (GraphQL availabilityGrid, 30 days, 15-min slots), 4 agents at once", db: dialect, figure: `${latency(availability)}, ${fmt(availability.perSecond)}/s`, goal: 'p99 ≤ 20 ms', ok: availability.p99 <= 20 && availability.failures === 0, ratio: '', rssMb: availability.rssMb },
      { case: 'reference: the same answer over REST as the grid (format=grid)', db: dialect, figure: `${latency(restGrid)}, ${fmt(restGrid.perSecond)}/s`, goal: '', ok: null, ratio: 'reference', rssMb: restGrid.rssMb },
      { case: 'reference: the same answer over REST as one object per slot (format=slots, ~400 kB)', db: dialect, figure: `${latency(perSlot)}, ${fmt(perSlot.perSecond)}/s`, goal: '', ok: null, ratio: 'reference', rssMb: perSlot.rssMb },
    ];
  } finally {
    await server.stop();
  }
}

/**
 * The exact request the gadget's calendar sends for a skill's horizon (its API client over its HTTP
 * transport, with an agent's Finesse credentials), captured instead of sent; its answer is checked
 * once so a refused query cannot pass for a fast one.
 */
async function gadgetAvailabilityRequest(serverUrl: string, agentId: string): Promise<{ url: string; headers: Record<string, string>; body: string }> {
  let sent: { url: string; headers: Record<string, string>; body: string } | null = null;
  const capture = (async (url: string, init: RequestInit) => {
    sent = { url, headers: init.headers as Record<string, string>, body: init.body as string };
    return fetch(url, init);
  }) as typeof fetch;
  const api = new CallbackApi(new HttpTransport(`${serverUrl}/graphql`, { userId: agentId, authorization: basic(agentId) }, capture));
  // The calendar's question on the bench clock (2026-12-01 in Warsaw): today and ASK_DAYS on.
  const slots = await api.availability({ campaign: 'CB_MAIN', skill: 'Support', from: '2026-12-01', to: addDays('2026-12-01', ASK_DAYS), timeZone: 'Europe/Warsaw' });
  if (!slots.some((s) => !s.closedReason)) throw new Error('the gadget\'s availability request found no bookable slot');
  if (!sent) throw new Error('the gadget sent no request');
  return sent;
}
