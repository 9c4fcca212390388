// Issue 7 point 7: the customer calls in first. Active callbacks of a caller's number (scoped to
// what the asker may read) and closing one as reached_inbound. On SQLite and PostgreSQL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { as, build } from '../helpers/build.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { forceState } from '../db/seed-helpers.ts';
import { agentScope, slotBooked } from '../../db/queries/slots.ts';
import { now, personalBooking } from './fixtures.ts';
import { Writable } from 'node:stream';
import Fastify from 'fastify';
import fp from 'fastify-plugin';
import app, { serverOptions } from '../../bff/app.ts';
import { loadConfig } from '../../config/settings.ts';
import { startFinesseUserApi } from '../helpers/build.ts';
import { createTestDatabase } from '../helpers/databases.ts';

type App = Awaited<ReturnType<typeof build>>;

const book = async (app: App, over: Record<string, unknown> = {}) => {
  const res = await app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: as('1001'), payload: personalBooking({ phone: '601 234 567', notes: 'VIP — invoice 12', ...over }) });
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as { id: number; slotStart?: string; scheduledAt: string };
};
const forNumber = (app: App, user: string, phone: string) => app.inject({ url: `/api/v1/callbacks/active-for-number?phone=${encodeURIComponent(phone)}`, headers: as(user) });
const close = (app: App, user: string, id: number, payload?: Record<string, unknown>) =>
  app.inject({ method: 'POST', url: `/api/v1/callbacks/${id}/reached-inbound`, headers: as(user), ...(payload && { payload }) });

for (const dialect of DIALECTS) {
  test(`[${dialect}] activeCallbacksForNumber: every reading of the caller's number; details only for who may read the callback`, async (t) => {
    const app = await build(t, { now, dialect });
    const cb = await book(app);
    const other = await book(app, { campaign: 'CB_US', phone: '+1 212 555 0151', scheduledAt: '2026-12-01T10:00', timeZone: 'America/New_York', skill: 'Sales' });

    // As Finesse may present it: E.164, national, UCCX's dial string (the campaign's dial plan reversed).
    for (const phone of ['+48601234567', '601 234 567', '0601234567', '0048601234567']) {
      const res = await forNumber(app, '1001', phone);
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json().items.map((m: { id: number }) => m.id), [cb.id], phone);
    }
    assert.deepEqual((await forNumber(app, '1001', '912125550151')).json().items.map((m: { id: number }) => m.id), [other.id]);

    const own = (await forNumber(app, '1001', '0601234567')).json().items[0];
    assert.equal(own.mayRead, true);
    assert.equal(own.details.firstName, 'Jan');
    assert.equal(own.details.notes, 'VIP — invoice 12');
    assert.equal(own.details.status, 'scheduled');

    const res = await forNumber(app, '1002', '0601234567');
    const foreign = res.json().items[0];
    assert.deepEqual(Object.keys(foreign).sort(), ['bookedBy', 'campaign', 'details', 'id', 'mayRead', 'scheduledAt', 'timeZone']);
    assert.equal(foreign.mayRead, false);
    assert.equal(foreign.details, null);
    assert.equal(foreign.campaign, 'CB_MAIN');
    assert.equal(foreign.scheduledAt, cb.scheduledAt);
    assert.deepEqual(foreign.bookedBy, { id: '1001', name: 'Anna Nowak' });
    for (const secret of ['Jan', 'Kowalski', 'VIP', '601234567']) assert.ok(!res.body.includes(secret), `no ${secret} for another agent`);

    assert.deepEqual((await forNumber(app, '1002', '+48 22 999 99 99')).json().items, []);
    assert.equal((await forNumber(app, '1002', '0601\u0000234567')).statusCode, 400, 'control characters refused');
    assert.equal((await app.inject({ url: '/api/v1/callbacks/active-for-number?phone=0601234567' })).statusCode, 401);
  });

  test(`[${dialect}] closeReachedInbound: another agent closes only through the caller's exact number; completed, reason reached_inbound, slot freed`, async (t) => {
    const app = await build(t, { now, dialect });
    const cb = await book(app);
    const slot = new Date((await app.services.db.models.Callback.findByPk(cb.id, { raw: true }) as unknown as { slotStart: Date }).slotStart);
    assert.equal(await slotBooked(app.services.db, agentScope('1001'), slot), 1);

    assert.equal((await close(app, '1002', cb.id)).statusCode, 404, 'without the number it is not his to see');
    assert.equal((await close(app, '1002', cb.id, { phone: '0601234568' })).statusCode, 404, 'another number');
    const res = await close(app, '1002', cb.id, { phone: '0601234567' });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().mayRead, false);
    assert.equal(res.json().details, null);

    const row = (await app.inject({ url: `/api/v1/callbacks/${cb.id}`, headers: as('1001') })).json();
    assert.equal(row.status, 'completed');
    assert.equal(row.reason, 'reached_inbound');
    const history = (await app.inject({ url: `/api/v1/callbacks/${cb.id}/history`, headers: as('1001') })).json();
    assert.deepEqual(history.map((h: { event: string }) => h.event), ['booked', 'completed']);
    assert.deepEqual(history[1].details, { reason: 'reached_inbound', agentId: '1002', previousStatus: 'scheduled' });
    assert.equal(await slotBooked(app.services.db, agentScope('1001'), slot), 0, 'the promised call will not be made');

    assert.deepEqual((await forNumber(app, '1002', '0601234567')).json().items, [], 'no longer active');
    assert.equal((await close(app, '1002', cb.id, { phone: '0601234567' })).statusCode, 404, 'finished: nothing for him to see');
    const ownerAgain = await close(app, '1001', cb.id);
    assert.equal(ownerAgain.statusCode, 409);
    assert.equal(ownerAgain.json().error, 'invalid_state');
  });

  test(`[${dialect}] closeReachedInbound: from any active state, including a call already in UCCX; the owner needs no number`, async (t) => {
    const app = await build(t, { now, dialect });
    for (const [i, status] of ['scheduled', 'dispatching', 'queued', 'dialing', 'connected', 'retry_wait'].entries()) {
      const cb = await book(app, { phone: `601 234 5${10 + i}`, scheduledAt: `2026-12-01T${13 + Math.floor(i / 2)}:${i % 2 ? '30' : '00'}` });
      await forceState(app.services.db, cb.id, { status });
      const res = await close(app, '1001', cb.id);
      assert.equal(res.statusCode, 200, `${status}: ${res.body}`);
      assert.equal(res.json().details.status, 'completed', status);
    }
    const done = await book(app, { phone: '601 234 599', scheduledAt: '2026-12-01T16:00' });
    for (const status of ['completed', 'failed', 'expired', 'cancelled']) {
      await forceState(app.services.db, done.id, { status });
      assert.equal((await close(app, '1001', done.id)).statusCode, 409, status);
      assert.equal((await close(app, '1002', done.id, { phone: '601234599' })).statusCode, 404, status);
    }
  });

  test(`[${dialect}] GraphQL activeCallbacksForNumber and closeReachedInbound`, async (t) => {
    const app = await build(t, { now, dialect });
    const cb = await book(app);
    const gql = async (user: string, query: string, variables: Record<string, unknown>) =>
      (await app.inject({ method: 'POST', url: '/graphql', headers: as(user), payload: { query, variables } })).json();
    const q = 'query Q($p: String!) { activeCallbacksForNumber(phone: $p) { id campaign mayRead bookedBy { id name } details { firstName notes } } }';
    assert.deepEqual((await gql('1002', q, { p: '0601234567' })).data.activeCallbacksForNumber, [
      { id: String(cb.id), campaign: 'CB_MAIN', mayRead: false, bookedBy: { id: '1001', name: 'Anna Nowak' }, details: null },
    ]);
    assert.equal((await gql('1001', q, { p: '0601234567' })).data.activeCallbacksForNumber[0].details.notes, 'VIP — invoice 12');
    const m = 'mutation M($id: ID!, $p: String) { closeReachedInbound(id: $id, phone: $p) { match { id mayRead } error } }';
    assert.deepEqual((await gql('1002', m, { id: cb.id, p: null })).data.closeReachedInbound, { match: null, error: 'not_found' });
    assert.deepEqual((await gql('1002', m, { id: cb.id, p: '+48601234567' })).data.closeReachedInbound, { match: { id: String(cb.id), mayRead: false }, error: null });
    assert.deepEqual((await gql('1001', m, { id: cb.id, p: null })).data.closeReachedInbound, { match: null, error: 'invalid_state' });
  });
}

test('active-for-number: the full number never reaches the request logs', async (t) => {
  const lines: string[] = [];
  const stream = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
  const db = await createTestDatabase('sqlite');
  const finesse = await startFinesseUserApi();
  const server = Fastify({ ...serverOptions, logger: { level: 'info', stream } });
  await server.register(fp(app), { config: loadConfig({ CM_DATABASE_URL: db.url, CM_FINESSE_URL: finesse.url, CM_JOBS_ENABLED: 'false' }), now });
  await server.ready();
  t.after(async () => {
    await server.close();
    await finesse.close();
    await db.drop();
  });
  const res = await server.inject({ url: '/api/v1/callbacks/active-for-number?phone=0601234567', headers: as('1002') });
  assert.equal(res.statusCode, 200, res.body);
  await server.inject({ url: '/api/v1/callbacks?limit=1', headers: as('1002') });
  assert.ok(lines.some((l) => l.includes('/api/v1/callbacks?limit=1')), 'other requests are logged (the check can see the log)');
  assert.ok(!lines.some((l) => l.includes('601234567')), lines.join(''));
});
