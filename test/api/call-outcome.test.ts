// Issue 10 point 2: the receiving agent's outcome at the end of the callback call — reached,
// not reached (retry per the campaign's policy, or failed when none is left), or rescheduled —
// only by the agent the call arrived at, once, within 30 minutes of the arrival. SQLite and PostgreSQL.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { as, build } from '../helpers/build.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { forceState } from '../db/seed-helpers.ts';
import { findCallbackById } from '../../db/queries/callbacks.ts';
import { NOW, skillBooking } from './fixtures.ts';

type App = Awaited<ReturnType<typeof build>>;
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

/** The app on a clock the test moves. */
async function setup(t: Parameters<typeof build>[0], dialect: (typeof DIALECTS)[number]) {
  const clock = { now: NOW };
  const app = await build(t, { dialect, now: () => clock.now });
  return { app, clock };
}

let n = 0;
/** A skill callback booked by 1001, in flight and acknowledged by `receiver` (its arrival). */
async function arrived(app: App, receiver = '1002', over: Record<string, unknown> = {}) {
  n += 1;
  const res = await app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: as('1001'), payload: skillBooking({ phone: `22 100 50 ${10 + n}`, scheduledAt: `2026-12-01T1${1 + (n % 5)}:${String((n % 4) * 15).padStart(2, '0')}` }) });
  assert.equal(res.statusCode, 201, res.body);
  const cb = res.json() as { id: number; accountNumber: string };
  await forceState(app.services.db, cb.id, { status: 'connected', attempts: 1, ...over });
  const ack = await app.inject({ method: 'POST', url: `/api/v1/arrivals/${cb.accountNumber}/acknowledge`, headers: as(receiver) });
  assert.equal(ack.statusCode, 200, ack.body);
  return cb;
}
const outcome = (app: App, id: number, payload: object, who = '1002') => app.inject({ method: 'POST', url: `/api/v1/callbacks/${id}/outcome`, headers: as(who), payload });
const events = async (app: App, id: number) => (await app.inject({ url: `/api/v1/callbacks/${id}/history`, headers: as('9001') })).json().map((h: { event: string }) => h.event);

for (const dialect of DIALECTS) {
  describe(`the call outcome on ${dialect}`, () => {
    test('reached confirms the completion and stores the outcome for reports; a second outcome is refused', async (t) => {
      const { app, clock } = await setup(t, dialect);
      const cb = await arrived(app);
      clock.now = minutes(12);
      const res = await outcome(app, cb.id, { outcome: 'reached' });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json(), { callbackId: cb.id, outcome: 'reached', status: 'completed', nextAttemptAt: null, scheduledAt: res.json().scheduledAt, timeZone: 'Europe/Warsaw' });
      assert.ok(!res.body.includes('Kowalski') && !res.body.includes('+48'), 'no customer data to the receiving agent');
      const row = await findCallbackById(app.services.db, cb.id);
      assert.deepEqual([row?.callOutcome, row?.arrivedBy], ['reached', '1002']);
      assert.deepEqual(await events(app, cb.id), ['booked', 'arrived', 'completed', 'call_outcome']);
      const again = await outcome(app, cb.id, { outcome: 'not_reached' });
      assert.equal(again.statusCode, 409);
      assert.match(again.json().message, /outcome_recorded/);
    });

    test('not reached: another attempt at the time the retry policy gives; failed (max_attempts) when none is left', async (t) => {
      const { app, clock } = await setup(t, dialect);
      const cb = await arrived(app);
      clock.now = minutes(5);
      const res = await outcome(app, cb.id, { outcome: 'not_reached' });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().status, 'retry_wait');
      assert.equal(res.json().nextAttemptAt, minutes(15).toISOString(), 'CB_MAIN default: 10 minutes later');
      const row = await findCallbackById(app.services.db, cb.id);
      assert.deepEqual([row?.callOutcome, row?.lastResult, row?.reason, row?.attempts], ['not_reached', 'not_reached', null, 1]);
      assert.deepEqual((await events(app, cb.id)).slice(-2), ['call_outcome', 'retry_scheduled']);

      const last = await arrived(app, '1002', { attempts: 3 });
      const failed = await outcome(app, last.id, { outcome: 'not_reached' });
      assert.equal(failed.statusCode, 200, failed.body);
      assert.equal(failed.json().status, 'failed');
      assert.equal((await findCallbackById(app.services.db, last.id))?.reason, 'max_attempts');
    });

    test('reschedule: to the agreed time, checked like a reschedule, attempts reset', async (t) => {
      const { app } = await setup(t, dialect);
      const cb = await arrived(app);
      const closed = await outcome(app, cb.id, { outcome: 'reschedule', scheduledAt: '2026-12-05T20:00', timeZone: 'Europe/Warsaw' });
      assert.equal(closed.statusCode, 422, 'Saturday 20:00 is outside Sales hours');
      assert.equal((await outcome(app, cb.id, { outcome: 'reschedule' })).statusCode, 400, 'a new time is required');
      const res = await outcome(app, cb.id, { outcome: 'reschedule', scheduledAt: '2026-12-02T10:00', timeZone: 'Europe/Warsaw' });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual([res.json().status, res.json().scheduledAt], ['scheduled', '2026-12-02T09:00:00.000Z']);
      const row = await findCallbackById(app.services.db, cb.id);
      assert.deepEqual([row?.attempts, row?.callOutcome], [0, 'not_reached']);
      assert.deepEqual((await events(app, cb.id)).slice(-2), ['call_outcome', 'rescheduled']);
    });

    test('refused for everyone but the agent the call arrived at: 409 to those who may read it, 404 to others', async (t) => {
      const { app } = await setup(t, dialect);
      const cb = await arrived(app, '1002');
      for (const who of ['1001', '2001', '9001']) {
        const res = await outcome(app, cb.id, { outcome: 'not_reached' }, who);
        assert.equal(res.statusCode, 409, `${who}: ${res.body}`);
        assert.match(res.json().message, /not_receiver/);
      }
      assert.equal((await outcome(app, cb.id, { outcome: 'not_reached' }, '1101')).statusCode, 404, 'another team: no existence leaked');
      assert.equal((await findCallbackById(app.services.db, cb.id))?.status, 'completed');
      // Never for a callback that did not arrive at him (another one, one not dialled yet).
      const other = await arrived(app, '1101');
      assert.equal((await outcome(app, other.id, { outcome: 'not_reached' }, '1001')).statusCode, 409, '1001 booked it (may read it) but did not receive it');
      assert.equal((await outcome(app, other.id, { outcome: 'not_reached' }, '1002')).statusCode, 404, '1002 received another callback, not this one');
      const notYet = await app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: as('1001'), payload: skillBooking({ phone: '22 100 59 99', scheduledAt: '2026-12-01T15:00' }) });
      assert.equal((await outcome(app, notYet.json().id, { outcome: 'reached' }, '1001')).statusCode, 409);
      assert.equal((await outcome(app, notYet.json().id, { outcome: 'reached' }, '1101')).statusCode, 404);
    });

    test('not reached while another active callback for the number was booked meanwhile: 409 duplicate, nothing changed', async (t) => {
      const { app } = await setup(t, dialect);
      const cb = await arrived(app);
      const phone = (await findCallbackById(app.services.db, cb.id))?.phoneE164;
      const again = await app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: as('1001'), payload: skillBooking({ phone, scheduledAt: '2026-12-01T15:30' }) });
      assert.equal(again.statusCode, 201, again.body);
      const res = await outcome(app, cb.id, { outcome: 'not_reached' });
      assert.equal(res.statusCode, 409, res.body);
      assert.equal(res.json().error, 'duplicate');
      assert.equal(res.json().existing, null, '1002 may not read the other callback: only whom to ask');
      assert.equal(res.json().contact.agentId, '1001');
      const row = await findCallbackById(app.services.db, cb.id);
      assert.deepEqual([row?.status, row?.callOutcome], ['completed', null]);
    });

    test('refused when late: more than 30 minutes after the arrival', async (t) => {
      const { app, clock } = await setup(t, dialect);
      const cb = await arrived(app);
      clock.now = minutes(31);
      const res = await outcome(app, cb.id, { outcome: 'not_reached' });
      assert.equal(res.statusCode, 409, res.body);
      assert.match(res.json().message, /outcome_window_closed/);
      clock.now = minutes(30);
      assert.equal((await outcome(app, cb.id, { outcome: 'reached' })).statusCode, 200, 'at 30 minutes it is still accepted');
    });

    test('GraphQL recordCallOutcome answers the result or why not', async (t) => {
      const { app, clock } = await setup(t, dialect);
      const cb = await arrived(app);
      const q = 'mutation($id: ID!, $outcome: CallOutcome!) { recordCallOutcome(id: $id, outcome: $outcome) { callbackId status nextAttemptAt error violations { code } } }';
      const gql = async (who: string, outcome_: string) => (await app.inject({ method: 'POST', url: '/graphql', headers: as(who), payload: { query: q, variables: { id: String(cb.id), outcome: outcome_ } } })).json().data.recordCallOutcome;
      assert.equal((await gql('1001', 'not_reached')).error, 'not_receiver');
      assert.equal((await gql('1101', 'not_reached')).error, 'not_found');
      clock.now = minutes(1);
      const ok = await gql('1002', 'not_reached');
      assert.deepEqual([ok.callbackId, ok.status, ok.error], [String(cb.id), 'retry_wait', null]);
      assert.equal((await gql('1002', 'reached')).error, 'invalid_state', 'retry_wait accepts no outcome');
    });
  });
}

test('OpenAPI documents the edit and outcome routes with summaries and examples', async (t) => {
  const app = await build(t, { now: () => NOW });
  const openapi = (await app.inject('/docs/json')).json();
  const edit = openapi.paths['/api/v1/callbacks/{id}']?.patch;
  const record = openapi.paths['/api/v1/callbacks/{id}/outcome']?.post;
  assert.ok(edit?.summary && record?.summary, 'both summarised');
  const example = (op: { requestBody: { content: Record<string, { schema: { examples?: unknown[] }; example?: unknown; examples?: unknown }> } }) => JSON.stringify(op.requestBody.content['application/json']);
  assert.match(example(edit), /Kowalska/);
  assert.match(example(record), /not_reached/);
});

for (const dialect of DIALECTS) {
  test(`[${dialect}] rpt_call_outcomes reports who received each callback call and the outcome he recorded`, async (t) => {
    const { app } = await setup(t, dialect);
    const reached = await arrived(app, '1002');
    const silent = await arrived(app, '1101');
    assert.equal((await outcome(app, reached.id, { outcome: 'reached' })).statusCode, 200);
    const rows = (await app.services.db.sequelize.query('SELECT callback_id, received_by, agent_outcome, status FROM rpt_call_outcomes ORDER BY callback_id', { type: 'SELECT' })) as Array<Record<string, unknown>>;
    assert.deepEqual(
      rows.map((r) => [Number(r.callback_id), r.received_by, r.agent_outcome, r.status]),
      [[reached.id, '1002', 'reached', 'completed'], [silent.id, '1101', null, 'completed']],
    );
  });
}
