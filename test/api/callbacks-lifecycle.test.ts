import { test } from 'node:test';
import assert from 'node:assert/strict';
import { as, build } from '../helpers/build.ts';
import { forceState } from '../db/seed-helpers.ts';
import { now, personalBooking, skillBooking } from './fixtures.ts';

const events = async (app: Awaited<ReturnType<typeof build>>, id: number) =>
  (await app.inject({ url: `/api/v1/callbacks/${id}/history`, headers: as('9001') })).json().map((h: { event: string }) => h.event);

test('rescheduleCallback: moves the time, resets attempts, keeps history', async (t) => {
  const app = await build(t, { now });
  const cb = (await app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: as('1001'), payload: personalBooking() })).json();
  const res = await app.inject({ method: 'POST', url: `/api/v1/callbacks/${cb.id}/reschedule`, headers: as('1001'), payload: { scheduledAt: '2026-12-03T09:15', timeZone: 'Europe/Warsaw' } });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().scheduledAt, '2026-12-03T08:15:00.000Z');
  assert.equal(res.json().attempts, 0);
  assert.equal(res.json().version, cb.version + 1);
  assert.deepEqual(await events(app, cb.id), ['booked', 'rescheduled']);
  const bad = await app.inject({ method: 'POST', url: `/api/v1/callbacks/${cb.id}/reschedule`, headers: as('1001'), payload: { scheduledAt: '2026-12-05T20:00', timeZone: 'Europe/Warsaw' } });
  assert.equal(bad.statusCode, 422, 'Saturday 20:00 is outside Sales hours');
  assert.ok(bad.json().violations.some((v: { code: string }) => v.code === 'SKILL_CLOSED'));
});

test('cancelCallback then reschedule books a new callback linked to the old one', async (t) => {
  const app = await build(t, { now });
  const cb = (await app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: as('1001'), payload: personalBooking() })).json();
  const cancelled = await app.inject({ method: 'POST', url: `/api/v1/callbacks/${cb.id}/cancel`, headers: as('1001'), payload: { reason: 'customer called in' } });
  assert.equal(cancelled.statusCode, 200);
  assert.equal(cancelled.json().status, 'cancelled');
  const twice = await app.inject({ method: 'POST', url: `/api/v1/callbacks/${cb.id}/cancel`, headers: as('1001'), payload: {} });
  assert.equal(twice.statusCode, 409);
  const again = await app.inject({ method: 'POST', url: `/api/v1/callbacks/${cb.id}/reschedule`, headers: as('1001'), payload: { scheduledAt: '2026-12-02T10:00', timeZone: 'Europe/Warsaw' } });
  assert.equal(again.statusCode, 200, again.body);
  assert.notEqual(again.json().id, cb.id);
  assert.equal(again.json().status, 'scheduled');
  const history = (await app.inject({ url: `/api/v1/callbacks/${again.json().id}/history`, headers: as('1001') })).json();
  assert.equal(history[0].details.rescheduledFrom, cb.id);
  assert.deepEqual(await events(app, cb.id), ['booked', 'cancelled']);
});

test('reassignCallback: supervisors move a callback to another agent or to a skill; agents may not', async (t) => {
  const app = await build(t, { now });
  const cb = (await app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: as('1001'), payload: personalBooking() })).json();
  const byAgent = await app.inject({ method: 'POST', url: `/api/v1/callbacks/${cb.id}/reassign`, headers: as('1001'), payload: { agentId: '1002' } });
  assert.equal(byAgent.statusCode, 403);
  const toAgent = await app.inject({ method: 'POST', url: `/api/v1/callbacks/${cb.id}/reassign`, headers: as('2001'), payload: { agentId: '1002' } });
  assert.equal(toAgent.statusCode, 200, toAgent.body);
  assert.equal(toAgent.json().agentId, '1002');
  assert.equal(toAgent.json().type, 'personal');
  const toSkill = await app.inject({ method: 'POST', url: `/api/v1/callbacks/${cb.id}/reassign`, headers: as('2001'), payload: { skill: 'Support' } });
  assert.equal(toSkill.statusCode, 200, toSkill.body);
  assert.equal(toSkill.json().type, 'skill');
  assert.equal(toSkill.json().agentId, null);
  assert.equal(toSkill.json().skill, 'Support');
  assert.deepEqual(await events(app, cb.id), ['booked', 'reassigned', 'reassigned']);
});

test('acknowledgeArrival completes a callback UCCX dialled, and refuses one never made (409 invalid_state)', async (t) => {
  const app = await build(t, { now });
  const cb = (await app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: as('1001'), payload: personalBooking() })).json();
  const early = await app.inject({ method: 'POST', url: `/api/v1/callbacks/${cb.id}/arrived`, headers: as('1001') });
  assert.equal(early.statusCode, 409, early.body);
  assert.equal(early.json().error, 'invalid_state');
  await forceState(app.services.db, cb.id, { status: 'connected' });
  const res = await app.inject({ method: 'POST', url: `/api/v1/callbacks/${cb.id}/arrived`, headers: as('1001') });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().status, 'completed');
  assert.deepEqual(await events(app, cb.id), ['booked', 'arrived', 'completed']);
  const again = await app.inject({ method: 'POST', url: `/api/v1/callbacks/${cb.id}/arrived`, headers: as('1001') });
  assert.equal(again.statusCode, 409, 'arrival is accepted once');
});

test('reserveSlot via booking: the agent capacity (2 per slot) answers SLOT_FULL on the third', async (t) => {
  const app = await build(t, { now });
  const book = (phone: string) => app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: as('1001'), payload: personalBooking({ phone, scheduledAt: '2026-12-01T14:05' }) });
  assert.equal((await book('22 100 00 01')).statusCode, 201);
  assert.equal((await book('22 100 00 02')).statusCode, 201);
  const third = await book('22 100 00 03');
  assert.equal(third.statusCode, 422);
  assert.deepEqual(third.json().violations.map((v: { code: string }) => v.code), ['SLOT_FULL']);
  // Cancelling one gives its place back.
  const list = (await app.inject({ url: '/api/v1/callbacks', headers: as('1001') })).json();
  await app.inject({ method: 'POST', url: `/api/v1/callbacks/${list.items[0].id}/cancel`, headers: as('1001'), payload: {} });
  assert.equal((await book('22 100 00 03')).statusCode, 201);
});

test('bookCallback on PostgreSQL: of 6 agents racing for the last places of a slot only capacity win', async (t) => {
  const app = await build(t, { now, dialect: 'postgres' });
  // Support has capacity 10 per slot: fill 8, then race 6 bookings for the last 2 places.
  const book = (user: string, i: number) =>
    app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: as(user), payload: skillBooking({ skill: 'Support', phone: `22 300 00 ${String(i).padStart(2, '0')}`, scheduledAt: '2026-12-01T15:00' }) });
  for (let i = 0; i < 8; i++) assert.equal((await book('1001', i)).statusCode, 201);
  const race = await Promise.all(['1001', '1002', '2001', '1101', '9001', '1001'].map((u, i) => book(u, 50 + i)));
  const codes = race.map((r) => r.statusCode).sort();
  assert.deepEqual(codes, [201, 201, 422, 422, 422, 422]);
  for (const r of race.filter((x) => x.statusCode === 422)) assert.equal(r.json().violations[0].code, 'SLOT_FULL');
});

test('applyByPerson: a sync writing UCCX bookkeeping between the read and the write does not refuse the agent; a real change does', async (t) => {
  const app = await build(t, { now });
  const { applyByPerson } = await import('../../bff/services/lifecycle.ts');
  const { findCallbackById } = await import('../../db/queries/callbacks.ts');
  const book = async () => (await app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: as('1001'), payload: personalBooking() })).json();
  const cancel = (row: NonNullable<Awaited<ReturnType<typeof findCallbackById>>>) =>
    applyByPerson(app.services, row, { event: 'cancel', actor: '1001', patch: { reason: 'cancelled_by_user', nextAttemptAt: null }, history: [['cancelled', {}]] }, 'cancel');

  // Read by the agent's request, then the sync notes UCCX's dialing-list row (version moves, nothing decided on does).
  const first = await book();
  const seen = (await findCallbackById(app.db, first.id))!;
  await forceState(app.db, first.id, { uccxDialingListId: 4711 });
  const done = await cancel(seen);
  assert.equal(done.status, 'cancelled');
  assert.equal(done.uccxDialingListId, 4711, 'the sync write is kept');
  assert.deepEqual(await events(app, first.id), ['booked', 'cancelled']);

  // Read, then the dispatcher claims it: the cancel was decided on a state that is gone.
  const second = await book();
  const before = (await findCallbackById(app.db, second.id))!;
  await forceState(app.db, second.id, { status: 'dispatching' });
  await assert.rejects(cancel(before), (e: Error & { status?: number }) => e.status === 409 && /changed meanwhile/.test(e.message));
  assert.equal((await findCallbackById(app.db, second.id))!.status, 'dispatching');
});
