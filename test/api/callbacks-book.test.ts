import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { as, basic, build } from '../helpers/build.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { now, personalBooking, skillBooking } from './fixtures.ts';

for (const dialect of DIALECTS) {
  describe(`POST /api/v1/callbacks on ${dialect}`, () => {
    test('books a personal callback: E.164, dial string, UTC time, history', async (t) => {
      const app = await build(t, { dialect, now });
      const res = await app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: as('1001'), payload: personalBooking() });
      assert.equal(res.statusCode, 201, res.body);
      const cb = res.json();
      assert.equal(cb.type, 'personal');
      assert.equal(cb.agentId, '1001');
      assert.equal(cb.skill, 'Sales');
      assert.equal(cb.phoneE164, '+48221234567');
      assert.equal(cb.dialString, '0221234567');
      assert.equal(cb.scheduledAt, '2026-12-01T11:00:00.000Z');
      assert.equal(cb.timeZone, 'Europe/Warsaw');
      assert.equal(cb.status, 'scheduled');
      assert.equal(cb.createdBy, '1001');
      assert.equal(cb.teamId, '1');
      assert.ok(cb.accountNumber.length <= 25 && cb.accountNumber.startsWith('CB'));
      const history = (await app.inject({ url: `/api/v1/callbacks/${cb.id}/history`, headers: as('1001') })).json();
      assert.deepEqual(history.map((h: { event: string }) => h.event), ['booked']);
      assert.equal(history[0].actor, '1001');
    });

    test('books a skill callback from an offset time', async (t) => {
      const app = await build(t, { dialect, now });
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/callbacks',
        headers: as('1002'),
        payload: skillBooking({ scheduledAt: '2026-12-02T15:30:00+01:00', phone: '+1 212 555 0199', campaign: 'CB_US', skill: 'Support', timeZone: 'America/New_York' }),
      });
      assert.equal(res.statusCode, 201, res.body);
      const cb = res.json();
      assert.equal(cb.type, 'skill');
      assert.equal(cb.agentId, null);
      assert.equal(cb.scheduledAt, '2026-12-02T14:30:00.000Z');
      assert.equal(cb.dialString, '912125550199');
    });

    test('answers 409 with the existing active callback for the same number and campaign', async (t) => {
      const app = await build(t, { dialect, now });
      const first = await app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: as('1001'), payload: personalBooking() });
      assert.equal(first.statusCode, 201);
      // The supervisor may read 1001's callback: he gets it to reschedule instead.
      const again = await app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: as('2001'), payload: skillBooking({ phone: '+48 22 123 45 67', scheduledAt: '2026-12-01T13:00' }) });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error, 'duplicate');
      assert.equal(again.json().existing.id, first.json().id);
      // A colleague may not read it (404 by id): he learns only that it exists and whom to ask.
      const colleague = await app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: as('1002'), payload: skillBooking({ phone: '+48 22 123 45 67', scheduledAt: '2026-12-01T13:00' }) });
      assert.equal(colleague.statusCode, 409);
      assert.equal(colleague.json().existing, null);
      assert.deepEqual(colleague.json().contact, { agentId: '1001', name: 'Anna Nowak', teamName: 'Team A' });
    });

    test('answers 422 listing every violated rule with its code', async (t) => {
      const app = await build(t, { dialect, now });
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/callbacks',
        headers: as('1001'),
        payload: personalBooking({ phone: '12', scheduledAt: '2026-11-30T12:00', skill: 'Nope', firstName: 'x'.repeat(51) }),
      });
      assert.equal(res.statusCode, 422);
      const body = res.json();
      assert.equal(body.error, 'validation_failed');
      const codes = body.violations.map((v: { code: string }) => v.code).sort();
      for (const code of ['INVALID_PHONE', 'IN_PAST', 'UNKNOWN_SKILL', 'FIELD_TOO_LONG']) assert.ok(codes.includes(code), `${code} in ${codes}`);
      assert.ok(body.violations.every((v: { field: string; message: string }) => v.field && v.message));
    });

    test('answers 422 UNKNOWN_CAMPAIGN, UNKNOWN_AGENT and MISSING_TARGET', async (t) => {
      const app = await build(t, { dialect, now });
      const post = (payload: object) => app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: as('1001'), payload });
      const codes = async (payload: object) => (await post(payload)).json().violations.map((v: { code: string }) => v.code);
      assert.ok((await codes(personalBooking({ campaign: 'NOPE' }))).includes('UNKNOWN_CAMPAIGN'));
      // An agent books for himself only (403, test/security/guards-access.test.ts); an admin for anyone known.
      const asAdmin = await app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: as('9001'), payload: personalBooking({ agentId: '4242' }) });
      assert.ok(asAdmin.json().violations.map((v: { code: string }) => v.code).includes('UNKNOWN_AGENT'));
      const { skill, agentId, ...noTarget } = personalBooking();
      assert.ok((await codes(noTarget)).includes('MISSING_TARGET'));
    });

    test('answers 400 for a malformed body', async (t) => {
      const app = await build(t, { dialect, now });
      const missing = await app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: as('1001'), payload: { campaign: 'CB_MAIN' } });
      assert.equal(missing.statusCode, 400);
      const notJson = await app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: { ...as('1001'), 'content-type': 'application/json' }, payload: '{"campaign":' });
      assert.equal(notJson.statusCode, 400);
      const extra = await app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: as('1001'), payload: { ...personalBooking(), admin: true } });
      assert.equal(extra.statusCode, 400);
      const unreadableTime = await app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: as('1001'), payload: personalBooking({ scheduledAt: 'tomorrow at noon' }) });
      assert.equal(unreadableTime.statusCode, 400);
      assert.match(unreadableTime.json().message, /scheduledAt/);
    });

    test('answers 401 without or with wrong Finesse credentials', async (t) => {
      const app = await build(t, { dialect, now });
      assert.equal((await app.inject({ method: 'POST', url: '/api/v1/callbacks', payload: personalBooking() })).statusCode, 401);
      const wrong = await app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: { authorization: basic('1001', 'nope') }, payload: personalBooking() });
      assert.equal(wrong.statusCode, 401);
      assert.equal((await app.inject({ url: '/api/v1/callbacks', headers: { authorization: 'Bearer wrong', 'x-finesse-user': '1001' } })).statusCode, 401);
      // An unsigned token naming a user proves nothing (test/security/identity.test.ts covers real SSO tokens).
      assert.equal((await app.inject({ url: '/api/v1/callbacks', headers: { authorization: 'Bearer demo-token-1001', 'x-finesse-user': '1001' } })).statusCode, 401);
    });
  });
}
