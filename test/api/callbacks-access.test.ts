import { test } from 'node:test';
import assert from 'node:assert/strict';
import { as, build } from '../helpers/build.ts';
import { now, personalBooking, skillBooking } from './fixtures.ts';

test('visibleCallback: own and booked for agents, team for supervisors, all for admins, 404 otherwise', async (t) => {
  const app = await build(t, { now });
  const booked = await app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: as('1001'), payload: personalBooking() });
  const id = booked.json().id;
  const get = (user: string) => app.inject({ url: `/api/v1/callbacks/${id}`, headers: as(user) });
  assert.equal((await get('1001')).statusCode, 200, 'the agent himself');
  assert.equal((await get('2001')).statusCode, 200, 'his supervisor');
  assert.equal((await get('9001')).statusCode, 200, 'an admin');
  assert.equal((await get('1002')).statusCode, 404, 'a colleague');
  assert.equal((await get('1101')).statusCode, 404, 'another team');
  assert.equal((await app.inject({ url: '/api/v1/callbacks/999999', headers: as('9001') })).statusCode, 404);
  // Writes follow the same rule.
  const cancel = await app.inject({ method: 'POST', url: `/api/v1/callbacks/${id}/cancel`, headers: as('1101'), payload: {} });
  assert.equal(cancel.statusCode, 404);
});

test('searchCallbacks: filters, visibility and cursor paging', async (t) => {
  const app = await build(t, { now });
  for (let i = 0; i < 5; i++) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/callbacks',
      headers: as('1001'),
      payload: skillBooking({ phone: `22 123 45 6${i}`, scheduledAt: `2026-12-01T1${i + 1}:00`, skill: 'Support' }),
    });
    assert.equal(res.statusCode, 201, res.body);
  }
  await app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: as('1101'), payload: skillBooking({ phone: '22 999 99 99', skill: 'Support' }) });

  const page1 = (await app.inject({ url: '/api/v1/callbacks?limit=2&skill=Support', headers: as('1001') })).json();
  assert.equal(page1.items.length, 2);
  assert.ok(page1.nextCursor);
  const page2 = (await app.inject({ url: `/api/v1/callbacks?limit=2&skill=Support&cursor=${page1.nextCursor}`, headers: as('1001') })).json();
  const page3 = (await app.inject({ url: `/api/v1/callbacks?limit=2&skill=Support&cursor=${page2.nextCursor}`, headers: as('1001') })).json();
  const all = [...page1.items, ...page2.items, ...page3.items];
  assert.equal(all.length, 5, '1001 sees his five, not 1101\'s');
  assert.equal(page3.nextCursor, null);
  const times = all.map((c: { scheduledAt: string }) => c.scheduledAt);
  assert.deepEqual(times, [...times].sort());

  const ranged = (await app.inject({ url: '/api/v1/callbacks?from=2026-12-01T11:30:00Z&to=2026-12-01T13:30:00Z', headers: as('1001') })).json();
  assert.equal(ranged.items.length, 2);
  const admin = (await app.inject({ url: '/api/v1/callbacks?status=scheduled', headers: as('9001') })).json();
  assert.equal(admin.items.length, 6);
  const none = (await app.inject({ url: '/api/v1/callbacks?status=completed', headers: as('9001') })).json();
  assert.equal(none.items.length, 0);
});
