// The gadget asks GraphQL for availability as a compact grid (availabilityGrid): the same slots as
// the per-slot field and as REST's format=grid, and refused exactly when the per-slot field is.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { as, build } from '../helpers/build.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { now, skillBooking } from './fixtures.ts';
import { slotsOfGrid, type Grid, type Slot } from './slot-grid-reading.ts';

type App = Awaited<ReturnType<typeof build>>;

const ARGS = '$campaign: String!, $skill: String, $agentId: String, $from: String!, $to: String!, $timeZone: String, $phone: String';
const PASS = 'campaign: $campaign, skill: $skill, agentId: $agentId, from: $from, to: $to, timeZone: $timeZone, phone: $phone';
const PER_SLOT = `query(${ARGS}) { availability(${PASS}) { start end capacity booked available closedReason } }`;
const GRID = `query(${ARGS}) { availabilityGrid(${PASS}) { start slotMinutes count capacity booked closed { first count reason } } }`;

const gql = (app: App, headers: Record<string, string>, query: string, variables: object) => app.inject({ method: 'POST', url: '/graphql', headers, payload: { query, variables } });

for (const dialect of DIALECTS) {
  describe(`GraphQL availabilityGrid on ${dialect}`, () => {
    test('answers the per-slot field’s slots (and REST’s grid) for a skill, an agent and a number', async (t) => {
      const app = await build(t, { dialect, now });
      for (const [i, scheduledAt] of ['2026-12-02T12:00', '2026-12-02T12:00', '2026-12-03T09:15'].entries()) {
        const booked = await app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: as('1001'), payload: skillBooking({ skill: 'Sales', scheduledAt, phone: `22 123 45 7${i}` }) });
        assert.equal(booked.statusCode, 201, booked.body);
      }
      const queries: Array<Record<string, string>> = [
        { campaign: 'CB_MAIN', skill: 'Sales', from: '2026-12-01T09:07:00Z', to: '2027-01-31', timeZone: 'America/New_York' },
        { campaign: 'CB_MAIN', skill: 'Sales', agentId: '1001', from: '2026-12-01', to: '2027-12-01', timeZone: 'Europe/Warsaw' },
        { campaign: 'CB_MAIN', skill: 'Sales', from: '2026-12-02T13:00:00Z', to: '2026-12-04', phone: '+1 415 555 0100' },
      ];
      for (const variables of queries) {
        const perSlot = (await gql(app, as('1001'), PER_SLOT, variables)).json();
        const res = await gql(app, as('1001'), GRID, variables);
        assert.equal(res.statusCode, 200, res.body);
        const grid: Grid = res.json().data.availabilityGrid;
        assert.ok(perSlot.data.availability.length > 0, JSON.stringify(variables));
        assert.equal(grid.count, perSlot.data.availability.length);
        assert.deepEqual(slotsOfGrid(grid), perSlot.data.availability, JSON.stringify(variables));
        const rest = new URLSearchParams({ ...variables, format: 'grid' });
        assert.deepEqual(grid, (await app.inject({ url: `/api/v1/availability?${rest}`, headers: as('1001') })).json().grid);
      }
      const sales = (await gql(app, as('1001'), GRID, queries[0])).json().data.availabilityGrid as Grid;
      assert.ok(sales.booked.includes(2), 'the bookings are counted');
      assert.ok(new Set(sales.closed.map((r) => r.reason)).size >= 4, JSON.stringify(sales.closed.slice(0, 8)));
    });
  });
}

test('availabilityGrid is refused exactly when the per-slot field is', async (t) => {
  const app = await build(t, { now });
  const created = await app.inject({ method: 'POST', url: '/api/v1/admin/service-accounts', headers: as('9001'), payload: { name: 'crm', scopes: ['book'], campaigns: ['CB_MAIN'] } });
  assert.equal(created.statusCode, 201, created.body);
  const { key } = created.json();
  const ok = { campaign: 'CB_MAIN', skill: 'Sales', from: '2026-12-01', to: '2026-12-02', timeZone: 'Europe/Warsaw' };
  const cases: Array<[string, Record<string, string>, object, string, number]> = [
    ['no credentials', {}, ok, 'UNAUTHORIZED', 401],
    ['a wrong password', { authorization: `Basic ${Buffer.from('1001:nope').toString('base64')}` }, ok, 'UNAUTHORIZED', 401],
    ['an API key (REST only)', { authorization: `Bearer ${key}` }, ok, 'FORBIDDEN', 403],
    ['an unknown campaign', as('1001'), { ...ok, campaign: 'NOPE' }, 'NOT_FOUND', 200],
    ['an unknown skill', as('1001'), { ...ok, skill: 'Nope' }, 'NOT_FOUND', 200],
    ['a control character', as('1001'), { ...ok, phone: '22 123\u0000 45 67' }, 'INVALID_CHARACTERS', 400],
    ['not a date', as('1001'), { ...ok, from: 'soon' }, 'VALIDATION_FAILED', 200],
  ];
  for (const [what, headers, variables, code, status] of cases) {
    for (const query of [PER_SLOT, GRID]) {
      const res = await gql(app, headers, query, variables);
      const body = res.json();
      assert.equal(body.data?.availabilityGrid ?? body.data?.availability ?? null, null, `${what}: no answer`);
      assert.equal(body.errors?.[0]?.extensions?.code, code, `${what}: ${res.body}`);
      assert.equal(res.statusCode, status, `${what}: ${res.body}`);
    }
  }
});
