// Issue 10: the booking calendar covers the whole booking horizon of the rules (30 days in the
// demo), not 14 days: asked for a year, availability answers up to the horizon's last day.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { as, build } from '../helpers/build.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { now } from './fixtures.ts';

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
  });
}
