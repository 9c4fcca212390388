// Issue 10 point 1: correcting names, number and notes of a callback before UCCX holds it, through
// REST (PATCH /api/v1/callbacks/:id) and GraphQL (updateCallbackDetails), on SQLite and PostgreSQL.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { as, build } from '../helpers/build.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { forceState } from '../db/seed-helpers.ts';
import { flagDoNotCall } from '../../db/queries/do-not-call.ts';
import { now, personalBooking } from './fixtures.ts';

type App = Awaited<ReturnType<typeof build>>;
type Res = Awaited<ReturnType<App['inject']>>;

let slot = 0;
async function book(app: App, over: Record<string, unknown> = {}, who = '1001') {
  slot += 1;
  const at = `2026-12-01T${String(11 + Math.floor(slot / 4) % 6).padStart(2, '0')}:${String((slot % 4) * 15).padStart(2, '0')}`;
  const res = await app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: as(who), payload: personalBooking({ phone: `22 100 30 ${10 + slot}`, scheduledAt: at, ...over }) });
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as { id: number; accountNumber: string; version: number; phoneE164: string };
}
const patch = (app: App, id: number, payload: unknown, who = '1001') => app.inject({ method: 'PATCH', url: `/api/v1/callbacks/${id}`, headers: as(who), payload: payload as object });
const codes = (res: Res) => (res.json().violations ?? []).map((v: { code: string; field: string }) => `${v.code}:${v.field}`).sort();
const history = async (app: App, id: number) => (await app.inject({ url: `/api/v1/callbacks/${id}/history`, headers: as('9001') })).json() as Array<{ event: string; actor: string; details: Record<string, any> }>;
const search = async (app: App, q: string, who = '1001') => (await app.inject({ url: `/api/v1/callbacks?q=${encodeURIComponent(q)}`, headers: as(who) })).json().items.map((c: { id: number }) => c.id);

for (const dialect of DIALECTS) {
  describe(`editing a callback's details on ${dialect}`, () => {
    test('names, number and notes change in place: state and version kept/bumped, number normalised, history masked, search finds the new name and number', async (t) => {
      const app = await build(t, { dialect, now });
      const cb = await book(app);
      const res = await patch(app, cb.id, { firstName: 'Zofia', lastName: 'Źródlińska', phone: '601 234 567', notes: 'Prefers mornings\nafter 9' });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.deepEqual([body.firstName, body.lastName, body.phone, body.phoneE164, body.dialString, body.notes, body.status, body.version], ['Zofia', 'Źródlińska', '601 234 567', '+48601234567', '0601234567', 'Prefers mornings\nafter 9', 'scheduled', cb.version + 1]);
      const edited = (await history(app, cb.id)).find((h) => h.event === 'edited');
      assert.ok(edited, 'an edited history entry');
      assert.equal(edited.actor, '1001');
      assert.deepEqual(edited.details.changes.lastName, { from: 'Kowalski', to: 'Źródlińska' });
      assert.match(edited.details.changes.phone.to, /^\+48•+67$/);
      assert.ok(!JSON.stringify(edited.details).includes('601234567'), 'no full number in the history');
      assert.deepEqual(await search(app, 'zrodlinska'), [cb.id], 'search by the new name (folded)');
      assert.deepEqual(await search(app, '601 234'), [cb.id], 'search by the new number');
      assert.deepEqual(await search(app, 'kowalski'), [], 'the old name is gone from the search text');
      // Notes "" clears them; a field left out keeps its value.
      const cleared = await patch(app, cb.id, { notes: '' });
      assert.equal(cleared.statusCode, 200, cleared.body);
      assert.deepEqual([cleared.json().notes, cleared.json().firstName], [null, 'Zofia']);
    });

    test('the same validation as booking: INVALID_PHONE, ZONE_MISMATCH, DO_NOT_CALL, lengths, control characters; nothing is stored', async (t) => {
      const app = await build(t, { dialect, now });
      const cb = await book(app);
      await flagDoNotCall(app.services.db, '+48221234599', 'uccx:1', new Date('2026-11-30T10:00:00Z'));
      assert.deepEqual(codes(await patch(app, cb.id, { phone: '601 4010 4' })), ['INVALID_PHONE:phone']);
      // A New York number cannot keep the Warsaw zone the callback was booked in.
      assert.deepEqual(codes(await patch(app, cb.id, { phone: '+1 212 555 0151' })), ['ZONE_MISMATCH:phone']);
      assert.deepEqual(codes(await patch(app, cb.id, { phone: '22 123 45 99' })), ['DO_NOT_CALL:phone']);
      assert.deepEqual(codes(await patch(app, cb.id, { firstName: 'x'.repeat(51), notes: 'n'.repeat(1001) })), ['FIELD_TOO_LONG:firstName', 'FIELD_TOO_LONG:notes']);
      for (const payload of [{ lastName: 'Kowal\u0000ski' }, { firstName: 'Jan\nNowak' }, { phone: '601\u202E234567' }, { notes: 'ok\u0007' }]) {
        const res = await patch(app, cb.id, payload);
        assert.equal(res.statusCode, 400, JSON.stringify(payload));
        assert.equal(res.json().error, 'invalid_characters', JSON.stringify(payload));
      }
      assert.equal((await patch(app, cb.id, {})).statusCode, 400, 'an empty change is malformed');
      assert.equal((await patch(app, cb.id, { status: 'completed' })).statusCode, 400, 'no other field');
      const stored = (await app.inject({ url: `/api/v1/callbacks/${cb.id}`, headers: as('1001') })).json();
      assert.deepEqual([stored.firstName, stored.phoneE164, stored.version], ['Jan', cb.phoneE164, cb.version]);
      assert.deepEqual((await history(app, cb.id)).map((h) => h.event), ['booked']);
    });

    test('a number another active callback of the campaign has answers 409 duplicate', async (t) => {
      const app = await build(t, { dialect, now });
      const a = await book(app, { phone: '22 123 45 67' });
      const b = await book(app);
      const res = await patch(app, b.id, { phone: '+48 22 123 45 67' });
      assert.equal(res.statusCode, 409, res.body);
      assert.equal(res.json().existing.id, a.id);
    });

    test('409 invalid_state once UCCX holds it (queued, dialing, connected) or the dispatcher sends it, and when finished', async (t) => {
      const app = await build(t, { dialect, now });
      for (const status of ['dispatching', 'queued', 'dialing', 'connected', 'completed', 'failed', 'expired', 'cancelled']) {
        const cb = await book(app);
        await forceState(app.services.db, cb.id, { status });
        const res = await patch(app, cb.id, { notes: 'too late' });
        assert.equal(res.statusCode, 409, `${status}: ${res.body}`);
        assert.deepEqual([res.json().error, res.json().state], ['invalid_state', status]);
      }
      const waiting = await book(app);
      await forceState(app.services.db, waiting.id, { status: 'retry_wait', nextAttemptAt: new Date('2026-12-01T11:00:00Z') });
      const res = await patch(app, waiting.id, { notes: 'call the mobile' });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().status, 'retry_wait', 'the state is kept');
    });

    test('scope: agent own, supervisor of the team, admin; anyone else 404, also where the answer would be 409 or 422', async (t) => {
      const app = await build(t, { dialect, now });
      const cb = await book(app);
      for (const who of ['1002', '1101']) {
        assert.equal((await patch(app, cb.id, { notes: 'x' }, who)).statusCode, 404, `${who} may not see it`);
        assert.equal((await patch(app, cb.id, { phone: 'bad' }, who)).statusCode, 404, `${who}: no violations leak`);
      }
      assert.equal((await patch(app, 999999, { notes: 'x' })).statusCode, 404);
      assert.equal((await patch(app, cb.id, { notes: 'by the supervisor' }, '2001')).statusCode, 200);
      assert.equal((await patch(app, cb.id, { notes: 'by the other supervisor' }, '2002')).statusCode, 200);
      assert.equal((await patch(app, cb.id, { notes: 'by the admin' }, '9001')).statusCode, 200);
      const queued = await book(app);
      await forceState(app.services.db, queued.id, { status: 'queued' });
      assert.equal((await patch(app, queued.id, { notes: 'x' }, '1101')).statusCode, 404, 'no 409 to someone who may not see it');
      assert.equal((await patch(app, queued.id, { notes: 'x' }, '2001')).statusCode, 409);
      const teamB = await book(app, { agentId: '1101', skill: 'Sales' }, '1101');
      assert.equal((await patch(app, teamB.id, { notes: 'x' }, '2001')).statusCode, 404, 'Team B is not supervised by 2001');
    });

    test('GraphQL updateCallbackDetails: the callback, or violations, or a refusal coded like the other writes; the change is published', async (t) => {
      const app = await build(t, { dialect, now });
      const cb = await book(app);
      const changed: number[] = [];
      app.services.events.on('changed', (c) => changed.push(c.id));
      const q = 'mutation($id: ID!, $input: CallbackDetailsInput!) { updateCallbackDetails(id: $id, input: $input) { callback { id lastName phoneE164 } violations { code field } } }';
      const gql = async (input: object, who = '1001') => (await app.inject({ method: 'POST', url: '/graphql', headers: as(who), payload: { query: q, variables: { id: String(cb.id), input } } })).json();
      const ok = await gql({ lastName: 'Nowak', phone: '+48 601 234 567' });
      assert.deepEqual(ok.data.updateCallbackDetails.callback, { id: String(cb.id), lastName: 'Nowak', phoneE164: '+48601234567' });
      assert.deepEqual(changed, [cb.id], 'published once for live updates');
      const bad = await gql({ phone: '123' });
      assert.deepEqual(bad.data.updateCallbackDetails.violations, [{ code: 'INVALID_PHONE', field: 'phone' }]);
      const control = await gql({ firstName: 'A\u0000' });
      assert.equal(control.errors[0].extensions.code, 'INVALID_CHARACTERS');
      const other = await gql({ notes: 'x' }, '1101');
      assert.equal(other.errors[0].extensions.code, 'NOT_FOUND');
    });
  });
}
