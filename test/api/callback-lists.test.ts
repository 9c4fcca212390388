// The lists through the API (issue 10): upcoming first, search, paging — REST and GraphQL alike.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { as, build } from '../helpers/build.ts';
import { now, skillBooking } from './fixtures.ts';
import { forceState } from '../db/seed-helpers.ts';

test('GET /callbacks and GraphQL callbacks: active first, finished after, search by number or name', async (t) => {
  const app = await build(t, { now });
  const book = async (phone: string, at: string, firstName: string) => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: as('1001'), payload: skillBooking({ phone, scheduledAt: at, skill: 'Support', firstName }) });
    assert.equal(res.statusCode, 201, res.body);
    return res.json();
  };
  const early = await book('22 100 00 21', '2026-12-01T12:00', 'Early');
  const late = await book('22 100 00 22', '2026-12-01T15:00', 'Late');
  const done = await book('22 100 00 23', '2026-12-01T13:00', 'Żaneta');
  await forceState(app.db, done.id, { status: 'completed' });
  const list = (await app.inject({ url: '/api/v1/callbacks', headers: as('1001') })).json();
  assert.deepEqual(list.items.map((c: { id: number }) => c.id), [early.id, late.id, done.id]);
  const byNumber = (await app.inject({ url: '/api/v1/callbacks?q=100%2000%2022', headers: as('1001') })).json();
  assert.deepEqual(byNumber.items.map((c: { id: number }) => c.id), [late.id]);
  const gql = await app.inject({ method: 'POST', url: '/graphql', headers: as('1001'), payload: { query: '{ callbacks(search: "zaneta", sort: upcoming) { items { id } nextCursor } }' } });
  assert.deepEqual(gql.json().data.callbacks.items.map((c: { id: string }) => Number(c.id)), [done.id]);
  const bad = await app.inject({ url: '/api/v1/callbacks?q=%00x', headers: as('1001') });
  assert.equal(bad.statusCode, 400, 'control characters refused');
});
