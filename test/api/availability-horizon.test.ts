// Issue 10: the booking calendar covers the whole booking horizon of the rules (30 days in the
// demo), not 14 days: asked for a year, availability answers up to the horizon's last day.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { as, build } from '../helpers/build.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { now, skillBooking } from './fixtures.ts';
import { slotsOfGrid, type Grid, type Slot } from './slot-grid-reading.ts';

const dayIn = (iso: string, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(iso));

for (const dialect of DIALECTS) {
  describe(`availability over the booking horizon on ${dialect}`, () => {
    test('REST and GraphQL answer every day up to now + horizonDays, then stop', async (t) => {
      const app = await build(t, { dialect, now });
      const rules = (await app.inject({ url: '/api/v1/admin/global-rules', headers: as('9001') })).json();
      const first = dayIn(now().toISOString(), 'Europe/Warsaw');
      const last = dayIn(new Date(now().getTime() + rules.horizonDays * 86_400_000).toISOString(), 'Europe/Warsaw');
      const res = await app.inject({ url: `/api/v1/availability?campaign=CB_MAIN&skill=Sales&from=${first}&to=2027-12-31&timeZone=Europe/Warsaw`, headers: as('1001') });
      assert.equal(res.statusCode, 200, res.body);
      const slots: Array<{ start: string; closedReason: string | null }> = res.json().slots;
      const days = new Set(slots.map((s) => dayIn(s.start, 'Europe/Warsaw')));
      assert.equal(days.size, rules.horizonDays + 1, 'today and every day of the horizon');
      assert.equal(dayIn(slots.at(-1)!.start, 'Europe/Warsaw'), last);
      assert.ok(slots.some((s) => s.closedReason === null && dayIn(s.start, 'Europe/Warsaw') > '2026-12-20'), 'bookable beyond 14 days (from 1 December)');
      const gql = await app.inject({ method: 'POST', url: '/graphql', headers: as('1001'), payload: { query: `{ availability(campaign: "CB_MAIN", skill: "Sales", from: "${first}", to: "2027-12-31", timeZone: "Europe/Warsaw") { start } }` } });
      assert.equal(gql.json().data.availability.length, slots.length);
    });

    test('format=grid answers the same slots compactly (bookings, full slots and every reason included)', async (t) => {
      const app = await build(t, { dialect, now });
      for (const [i, scheduledAt] of ['2026-12-02T12:00', '2026-12-02T12:00', '2026-12-03T09:15'].entries()) {
        const booked = await app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: as('1001'), payload: skillBooking({ skill: 'Sales', scheduledAt, phone: `22 123 45 7${i}` }) });
        assert.equal(booked.statusCode, 201, booked.body);
      }
      const url = '/api/v1/availability?campaign=CB_MAIN&skill=Sales&from=2026-12-01T09:07:00Z&to=2027-01-31&timeZone=America/New_York';
      const slots: Slot[] = (await app.inject({ url, headers: as('1001') })).json().slots;
      const res = await app.inject({ url: `${url}&format=grid`, headers: as('1001') });
      assert.equal(res.statusCode, 200, res.body);
      const grid: Grid = res.json().grid;
      assert.equal(grid.count, slots.length);
      assert.deepEqual(slotsOfGrid(grid), slots);
      assert.deepEqual(slots.filter((s) => s.booked > 0).map((s) => [s.start, s.booked]), [['2026-12-02T11:00:00.000Z', 2], ['2026-12-03T08:15:00.000Z', 1]]);
      assert.ok(new Set(grid.closed.map((r) => r.reason)).size >= 4, JSON.stringify(grid.closed.slice(0, 8)));
      assert.ok(res.body.length * 10 < JSON.stringify({ slots }).length, `${res.body.length} bytes`);
    });
  });
}
