// Issue 7 point 8 through the API: the customer's zone (ZONE_MISMATCH, the calling window in every
// zone the number may be in), numbers validated with full metadata, and the do-not-call list.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { as, build } from '../helpers/build.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { flagDoNotCall } from '../../db/queries/do-not-call.ts';
import { now, skillBooking } from './fixtures.ts';

type App = Awaited<ReturnType<typeof build>>;
const book = (app: App, payload: Record<string, unknown>) => app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: as('1001'), payload });
const codesOf = (res: { json(): { violations?: Array<{ code: string }> } }) => (res.json().violations ?? []).map((v) => v.code).sort();
const gql = async (app: App, query: string, variables: object = {}) =>
  (await app.inject({ method: 'POST', url: '/graphql', headers: as('1001'), payload: { query, variables } })).json();

for (const dialect of DIALECTS) {
  describe(`booking in the right zone and the do-not-call list on ${dialect}`, () => {
    test('a New York number on CB_MAIN at 02:30 New York time: 422, with or without the campaign zone', async (t) => {
      const app = await build(t, { dialect, now });
      // 2026-12-02 02:30 in New York = 08:30 in Warsaw (Sales is open).
      const noZone = await book(app, { ...skillBooking({ phone: '+1 212 555 0151', scheduledAt: '2026-12-02T07:30:00Z' }), timeZone: undefined });
      assert.equal(noZone.statusCode, 422, noZone.body);
      assert.deepEqual(codesOf(noZone), ['OUTSIDE_CALLING_WINDOW']);
      const warsaw = await book(app, skillBooking({ phone: '+1 212 555 0151', scheduledAt: '2026-12-02T08:30', timeZone: 'Europe/Warsaw' }));
      assert.equal(warsaw.statusCode, 422);
      assert.deepEqual(codesOf(warsaw), ['OUTSIDE_CALLING_WINDOW', 'ZONE_MISMATCH']);
      assert.equal(warsaw.json().violations.find((v: { code: string }) => v.code === 'ZONE_MISMATCH').field, 'timeZone');
      // At 10:00 New York with New York chosen it is booked, and the chosen zone is stored.
      const ok = await book(app, skillBooking({ phone: '+1 212 555 0151', scheduledAt: '2026-12-02T10:00', timeZone: 'America/New_York', skill: 'Support' }));
      assert.equal(ok.statusCode, 201, ok.body);
      assert.deepEqual([ok.json().timeZone, ok.json().scheduledAt], ['America/New_York', '2026-12-02T15:00:00.000Z']);
    });

    test('a number that does not exist (8-digit Polish) is INVALID_PHONE, never stored', async (t) => {
      const app = await build(t, { dialect, now });
      const res = await book(app, skillBooking({ phone: '601 4010 4', scheduledAt: '2026-12-01T13:00' }));
      assert.equal(res.statusCode, 422);
      assert.deepEqual(codesOf(res), ['INVALID_PHONE']);
      assert.equal((await app.inject({ url: '/api/v1/callbacks', headers: as('9001') })).json().items.length, 0);
    });

    test('a number on the do-not-call list is refused with DO_NOT_CALL; other numbers are not', async (t) => {
      const app = await build(t, { dialect, now });
      await flagDoNotCall(app.services.db, '+48221234567', 'uccx:1', new Date('2026-11-30T10:00:00Z'));
      const refused = await book(app, skillBooking({ phone: '22 123 45 67', scheduledAt: '2026-12-01T13:00' }));
      assert.equal(refused.statusCode, 422);
      assert.deepEqual(refused.json().violations.map((v: { code: string; field: string }) => [v.code, v.field]), [['DO_NOT_CALL', 'phone']]);
      const gqlRefused = await gql(app, 'mutation($input: BookInput!) { bookCallback(input: $input) { callback { id } violations { code } } }', { input: skillBooking({ phone: '+48 22 123 45 67', scheduledAt: '2026-12-01T13:00' }) });
      assert.deepEqual(gqlRefused.data.bookCallback.violations, [{ code: 'DO_NOT_CALL' }]);
      const other = await book(app, skillBooking({ phone: '22 123 45 68', scheduledAt: '2026-12-01T13:00' }));
      assert.equal(other.statusCode, 201, other.body);
    });

    test('phoneInfo gives the zones; availability with the number closes slots outside the window in any of its zones', async (t) => {
      const app = await build(t, { dialect, now });
      const info = (await gql(app, '{ phoneInfo(campaign: "CB_MAIN", phone: "+1 212 555 0151") { valid country timeZone zones countryZones } }')).data.phoneInfo;
      assert.equal(info.country, 'US');
      assert.ok(info.countryZones.length >= 29 && info.countryZones.includes('America/Los_Angeles'));
      assert.ok(info.zones.includes('America/New_York'));
      const pl = (await gql(app, '{ phoneInfo(campaign: "CB_MAIN", phone: "22 123 45 67") { timeZone zones countryZones } }')).data.phoneInfo;
      assert.deepEqual(pl, { timeZone: 'Europe/Warsaw', zones: ['Europe/Warsaw'], countryZones: ['Europe/Warsaw'] });

      const slotAt = async (query: string) => {
        const res = await app.inject({ url: `/api/v1/availability?campaign=CB_MAIN&skill=Sales&from=2026-12-02T13:00:00Z&to=2026-12-02T14:00:00Z${query}`, headers: as('1001') });
        assert.equal(res.statusCode, 200, res.body);
        return res.json().slots[0].closedReason;
      };
      // 13:00Z is 08:00 in New York but 05:00 in Los Angeles.
      assert.equal(await slotAt('&timeZone=America/New_York'), null);
      // A San Francisco number: its zone (with the area-code data) or any US zone (without) is at 05:00.
      assert.equal(await slotAt('&phone=%2B14155550100'), 'OUTSIDE_CALLING_WINDOW');
      assert.equal(await slotAt('&phone=%2B12125550151&timeZone=America/New_York'), null);
      const viaGql = await gql(app, '{ availability(campaign: "CB_MAIN", skill: "Sales", from: "2026-12-02T13:00:00Z", to: "2026-12-02T13:15:00Z", phone: "+1 415 555 0100") { closedReason } }');
      assert.deepEqual(viaGql.data.availability, [{ closedReason: 'OUTSIDE_CALLING_WINDOW' }]);
    });
  });
}
