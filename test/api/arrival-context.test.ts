// Issue 7 point 5 (arrival side): arrival only from queued/dialing/connected, once; the receiving
// agent sees the arrival context of a callback routed to him while its call is in flight, and
// gains no right to read it otherwise. On SQLite and PostgreSQL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { as, build } from '../helpers/build.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { forceState } from '../db/seed-helpers.ts';
import { now, personalBooking, skillBooking } from './fixtures.ts';

type App = Awaited<ReturnType<typeof build>>;

async function bookSkillCallback(app: App) {
  const res = await app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: as('1001'), payload: skillBooking({ phone: '601 234 567', notes: 'Invoice 12 — wants a discount' }) });
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as { id: number; accountNumber: string };
}

const history = async (app: App, id: number) => (await app.inject({ url: `/api/v1/callbacks/${id}/history`, headers: as('9001') })).json() as Array<{ event: string; details: Record<string, unknown> }>;

for (const dialect of DIALECTS) {
  test(`[${dialect}] acknowledgeArrival (POST /callbacks/:id/arrived): 409 invalid_state from every state but queued, dialing, connected; accepted once`, async (t) => {
    const app = await build(t, { now, dialect });
    let n = 0;
    const book = async () => {
      n += 1;
      const at = `2026-12-01T${String(11 + Math.floor(n / 4)).padStart(2, '0')}:${String((n % 4) * 15).padStart(2, '0')}`;
      const res = await app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: as('1001'), payload: personalBooking({ phone: `22 100 20 ${10 + n}`, scheduledAt: at }) });
      assert.equal(res.statusCode, 201, res.body);
      return res.json() as { id: number };
    };
    for (const status of ['scheduled', 'retry_wait', 'dispatching', 'completed', 'failed', 'expired', 'cancelled']) {
      const cb = await book();
      await forceState(app.services.db, cb.id, { status });
      const res = await app.inject({ method: 'POST', url: `/api/v1/callbacks/${cb.id}/arrived`, headers: as('1001') });
      assert.equal(res.statusCode, 409, `${status}: ${res.body}`);
      assert.equal(res.json().error, 'invalid_state', status);
      assert.equal(res.json().state, status);
    }
    for (const status of ['queued', 'dialing', 'connected']) {
      const cb = await book();
      await forceState(app.services.db, cb.id, { status });
      const res = await app.inject({ method: 'POST', url: `/api/v1/callbacks/${cb.id}/arrived`, headers: as('1001') });
      assert.equal(res.statusCode, 200, `${status}: ${res.body}`);
      assert.equal(res.json().status, 'completed');
      const again = await app.inject({ method: 'POST', url: `/api/v1/callbacks/${cb.id}/arrived`, headers: as('1001') });
      assert.equal(again.statusCode, 409, `${status}: accepted once`);
    }
  });

  test(`[${dialect}] arrivalContext: agent 1002 (not the booker) sees a skill callback routed to him while connected, not by id, not after it completed`, async (t) => {
    const app = await build(t, { now, dialect });
    const cb = await bookSkillCallback(app);
    await forceState(app.services.db, cb.id, { status: 'connected', uccxDialingListId: 4711 });

    const byId = await app.inject({ url: `/api/v1/callbacks/${cb.id}`, headers: as('1002') });
    assert.equal(byId.statusCode, 404, 'no right to read it by id');
    assert.equal((await app.inject({ url: `/api/v1/callbacks/${cb.id}/history`, headers: as('1002') })).statusCode, 404);

    const ctx = await app.inject({ url: `/api/v1/arrivals/${cb.accountNumber}`, headers: as('1002') });
    assert.equal(ctx.statusCode, 200, ctx.body);
    const body = ctx.json();
    assert.equal(body.callbackId, cb.id);
    assert.equal(body.type, 'skill');
    assert.equal(body.skill, 'Sales');
    assert.equal(body.firstName, 'Jan');
    assert.equal(body.notes, 'Invoice 12 — wants a discount');
    assert.deepEqual(body.bookedBy, { id: '1001', name: 'Anna Nowak' });
    assert.equal(body.phoneMasked, true);
    assert.equal(body.phone, '+48•••••••67');
    assert.ok(!ctx.body.includes('601234567'), 'the full number is not in the answer');
    assert.equal(body.dialString, undefined, 'only the arrival fields');

    // The booker sees the full number; an agent of another team receiving it sees the context too.
    assert.equal((await app.inject({ url: `/api/v1/arrivals/${cb.accountNumber}`, headers: as('1001') })).json().phone, '+48601234567');
    assert.equal((await app.inject({ url: `/api/v1/arrivals/${cb.accountNumber}`, headers: as('1101') })).statusCode, 200);
    // By the dialing-list id the call carries (BADialedListID) as well.
    assert.equal((await app.inject({ url: '/api/v1/arrivals/dialing-list/4711', headers: as('1002') })).json().callbackId, cb.id);

    const ack = await app.inject({ method: 'POST', url: `/api/v1/arrivals/${cb.accountNumber}/acknowledge`, headers: as('1002') });
    assert.equal(ack.statusCode, 200, ack.body);
    assert.equal(ack.json().status, 'completed');
    assert.equal(ack.json().phoneMasked, true);
    const arrived = (await history(app, cb.id)).find((h) => h.event === 'arrived');
    assert.equal(arrived?.details.agentId, '1002', 'the receiving agent is recorded');
    assert.equal(arrived?.details.bookedBy, '1001');

    // The call is over: the window is closed for him, and arrival is accepted once.
    assert.equal((await app.inject({ url: `/api/v1/arrivals/${cb.accountNumber}`, headers: as('1002') })).statusCode, 404);
    assert.equal((await app.inject({ url: `/api/v1/callbacks/${cb.id}`, headers: as('1002') })).statusCode, 404);
    assert.equal((await app.inject({ method: 'POST', url: `/api/v1/arrivals/${cb.accountNumber}/acknowledge`, headers: as('1002') })).statusCode, 404);
    const ownerAgain = await app.inject({ method: 'POST', url: `/api/v1/arrivals/${cb.accountNumber}/acknowledge`, headers: as('1001') });
    assert.equal(ownerAgain.statusCode, 409, 'the booker learns it is already completed');
  });

  test(`[${dialect}] arrivalContext outside the in-flight window: 404 for an agent who may not read it, whatever the state`, async (t) => {
    const app = await build(t, { now, dialect });
    const cb = await bookSkillCallback(app);
    for (const status of ['scheduled', 'dispatching', 'retry_wait', 'cancelled', 'expired', 'failed']) {
      await forceState(app.services.db, cb.id, { status });
      assert.equal((await app.inject({ url: `/api/v1/arrivals/${cb.accountNumber}`, headers: as('1002') })).statusCode, 404, status);
      const ack = await app.inject({ method: 'POST', url: `/api/v1/arrivals/${cb.accountNumber}/acknowledge`, headers: as('1002') });
      assert.equal(ack.statusCode, 404, status);
    }
    const row = await app.inject({ url: `/api/v1/callbacks/${cb.id}`, headers: as('9001') });
    assert.equal(row.json().status, 'failed', 'nothing changed it');
    assert.equal((await app.inject({ url: '/api/v1/arrivals/NOPE123', headers: as('1002') })).statusCode, 404);
    assert.equal((await app.inject({ url: `/api/v1/arrivals/${encodeURIComponent('CB\u0007X')}`, headers: as('1002') })).statusCode, 400, 'control characters refused');
    assert.equal((await app.inject({ url: `/api/v1/arrivals/${cb.accountNumber}` })).statusCode, 401);
  });

  test(`[${dialect}] GraphQL arrivalContext and acknowledgeArrivalByAccount for the receiving agent`, async (t) => {
    const app = await build(t, { now, dialect });
    const cb = await bookSkillCallback(app);
    const gql = async (user: string, query: string, variables: Record<string, unknown>) =>
      (await app.inject({ method: 'POST', url: '/graphql', headers: as(user), payload: { query, variables } })).json();
    const q = 'query A($a: String) { arrivalContext(accountNumber: $a) { callbackId phone phoneMasked notes bookedBy { id name } status } }';
    assert.equal((await gql('1002', q, { a: cb.accountNumber })).data.arrivalContext, null, 'not in flight yet');
    await forceState(app.services.db, cb.id, { status: 'dialing' });
    const seen = (await gql('1002', q, { a: cb.accountNumber })).data.arrivalContext;
    assert.deepEqual(seen, { callbackId: String(cb.id), phone: '+48•••••••67', phoneMasked: true, notes: 'Invoice 12 — wants a discount', bookedBy: { id: '1001', name: 'Anna Nowak' }, status: 'dialing' });
    assert.equal((await gql('1002', 'query C($id: ID!) { callback(id: $id) { id } }', { id: cb.id })).data.callback, null);
    const m = 'mutation M($a: String!) { acknowledgeArrivalByAccount(accountNumber: $a) { context { status } error } }';
    assert.deepEqual((await gql('1002', m, { a: cb.accountNumber })).data.acknowledgeArrivalByAccount, { context: { status: 'completed' }, error: null });
    assert.deepEqual((await gql('1002', m, { a: cb.accountNumber })).data.acknowledgeArrivalByAccount, { context: null, error: 'not_found' });
    assert.deepEqual((await gql('1001', m, { a: cb.accountNumber })).data.acknowledgeArrivalByAccount, { context: null, error: 'invalid_state' });
  });
}
