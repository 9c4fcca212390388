// Service accounts (issue 11): API keys with scopes, created and revoked by admins. A key books
// like an agent (same rules), reads and cancels only what it booked, only in its campaigns; a
// revoked key is refused; every booking, cancel, creation and revocation is in the audit log.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { as, build } from '../helpers/build.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { now, personalBooking, skillBooking } from './fixtures.ts';

const admin = as('9001');
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

export async function createKey(app: FastifyInstance, body: Record<string, unknown>): Promise<{ id: string; key: string }> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/admin/service-accounts', headers: admin, payload: body });
  assert.equal(res.statusCode, 201, res.body);
  const { account, key } = res.json();
  return { id: account.id, key };
}

for (const dialect of DIALECTS) {
  test(`service account on ${dialect}: books like an agent, reads and cancels only its own, audited; revoked key refused`, async (t) => {
    const app = await build(t, { now, dialect });
    assert.equal((await app.inject({ method: 'POST', url: '/api/v1/admin/service-accounts', headers: as('2001'), payload: { name: 'crm', scopes: ['book'], campaigns: ['CB_MAIN'] } })).statusCode, 403, 'admins only');
    const { id, key } = await createKey(app, { name: 'crm', scopes: ['book', 'read_own'], campaigns: ['CB_MAIN'] });
    assert.match(key, /^cm_[A-Za-z0-9_-]{43}$/);
    const listed = await app.inject({ url: '/api/v1/admin/service-accounts', headers: admin });
    assert.equal(listed.json().length, 1);
    assert.ok(!listed.body.includes(key.slice(3)), 'the key is shown once, never listed');

    const booked = await app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: bearer(key), payload: skillBooking({ skill: 'Support' }) });
    assert.equal(booked.statusCode, 201, booked.body);
    assert.equal(booked.json().createdBy, 'sa:crm', 'the identity is the account, never an agent');
    const invalid = await app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: bearer(key), payload: skillBooking({ skill: 'Support', scheduledAt: '2026-11-30T12:00', phone: '22 100 00 55' }) });
    assert.equal(invalid.statusCode, 422, 'the booking rules apply as to agents');
    assert.equal(invalid.json().violations[0].code, 'IN_PAST');

    const agents = await app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: as('1001'), payload: personalBooking({ phone: '22 100 00 66' }) });
    assert.equal(agents.statusCode, 201, agents.body);
    assert.equal((await app.inject({ url: `/api/v1/callbacks/${booked.json().id}`, headers: bearer(key) })).statusCode, 200);
    assert.equal((await app.inject({ url: `/api/v1/callbacks/${agents.json().id}`, headers: bearer(key) })).statusCode, 404, "an agent's callback is not its own");
    assert.deepEqual((await app.inject({ url: '/api/v1/callbacks', headers: bearer(key) })).json().items.map((c: { id: number }) => c.id), [booked.json().id]);
    assert.equal((await app.inject({ method: 'POST', url: `/api/v1/callbacks/${agents.json().id}/cancel`, headers: bearer(key), payload: {} })).statusCode, 404);
    const cancelled = await app.inject({ method: 'POST', url: `/api/v1/callbacks/${booked.json().id}/cancel`, headers: bearer(key), payload: { reason: 'customer cancelled on the web' } });
    assert.equal(cancelled.json().status, 'cancelled', cancelled.body);

    const audit = (await app.inject({ url: '/api/v1/admin/audit', headers: admin })).json() as Array<{ actor: string; action: string; target: string; after: unknown }>;
    assert.deepEqual(audit.map((a) => `${a.actor} ${a.action} ${a.target}`).slice(0, 3), [
      `sa:crm service_account.cancel callback:${booked.json().id}`,
      `sa:crm service_account.book callback:${booked.json().id}`,
      '9001 service_account.create service_account:crm',
    ]);
    assert.ok(!JSON.stringify(audit).includes(key.slice(3)), 'the audit never holds the key');

    const basicKey = { authorization: `Basic ${Buffer.from(`apikey:${key}`).toString('base64')}` };
    assert.equal((await app.inject({ url: `/api/v1/callbacks/${booked.json().id}`, headers: basicKey })).statusCode, 200, 'Basic apikey:<key> (UCCX Make REST Call) works too');
    assert.equal((await app.inject({ url: `/api/v1/callbacks/${booked.json().id}`, headers: { authorization: `Basic ${Buffer.from('apikey:cm_wrong').toString('base64')}` } })).statusCode, 401);

    const revoked = await app.inject({ method: 'POST', url: `/api/v1/admin/service-accounts/${id}/revoke`, headers: admin });
    assert.equal(revoked.statusCode, 200, revoked.body);
    assert.equal(revoked.json().revokedBy, '9001');
    const refused = await app.inject({ url: `/api/v1/callbacks/${booked.json().id}`, headers: bearer(key) });
    assert.equal(refused.statusCode, 401);
    assert.equal(refused.json().error, 'unauthorized');
  });
}

test('scopes: each route needs its scope, other routes and GraphQL are closed, only its campaigns, no personal callbacks for agents', async (t) => {
  const app = await build(t, { now });
  const reader = await createKey(app, { name: 'report-reader', scopes: ['read_own'] });
  const booker = await createKey(app, { name: 'web-form', scopes: ['book'], campaigns: ['CB_MAIN'] });
  const res = (key: string, method: 'GET' | 'POST', url: string, payload?: unknown) => app.inject({ method, url, headers: bearer(key), payload: payload as object });
  const noScope = await res(reader.key, 'POST', '/api/v1/callbacks', skillBooking({ skill: 'Support' }));
  assert.equal(noScope.statusCode, 403);
  assert.match(noScope.json().message, /book scope/);
  assert.equal((await res(booker.key, 'GET', '/api/v1/callbacks')).statusCode, 403, 'book without read_own cannot list');
  for (const [method, url] of [['GET', '/api/v1/admin/audit'], ['GET', '/api/v1/reports?from=2026-12-01&to=2026-12-01'], ['POST', '/api/v1/callbacks/bulk/cancel'], ['POST', '/graphql']] as const) {
    assert.equal((await res(booker.key, method, url, method === 'POST' ? { ids: [1], query: '{ __typename }' } : undefined)).statusCode, 403, `${method} ${url}`);
  }
  const wrongCampaign = await res(booker.key, 'POST', '/api/v1/callbacks', skillBooking({ skill: 'Support', campaign: 'CB_US', phone: '+1 212 555 0151' }));
  assert.equal(wrongCampaign.statusCode, 403);
  assert.match(wrongCampaign.json().message, /campaign/);
  assert.equal((await res(booker.key, 'GET', '/api/v1/availability?campaign=CB_US&skill=Support&from=2026-12-02&to=2026-12-02')).statusCode, 403, 'nor its free slots');
  assert.equal((await res(booker.key, 'GET', '/api/v1/availability?campaign=CB_MAIN&skill=Support&from=2026-12-02&to=2026-12-02&timeZone=Europe/Warsaw')).statusCode, 200, 'its own campaign: free slots');
  const personal = await res(booker.key, 'POST', '/api/v1/callbacks', personalBooking());
  assert.equal(personal.statusCode, 403, 'a key never books for an agent');
  const hostile = await res(booker.key, 'POST', '/api/v1/callbacks', skillBooking({ skill: 'Support', lastName: 'Kowalski\u202Eexe' }));
  assert.equal(hostile.statusCode, 400);
  assert.equal(hostile.json().error, 'invalid_characters');
  assert.equal((await res('cm_' + 'A'.repeat(43), 'GET', '/api/v1/callbacks')).statusCode, 401, 'an unknown key');
  const unknownCampaign = await app.inject({ method: 'POST', url: '/api/v1/admin/service-accounts', headers: admin, payload: { name: 'x', scopes: ['book'], campaigns: ['NOPE'] } });
  assert.equal(unknownCampaign.statusCode, 422);
  const taken = await app.inject({ method: 'POST', url: '/api/v1/admin/service-accounts', headers: admin, payload: { name: 'web-form', scopes: ['book'], campaigns: ['CB_MAIN'] } });
  assert.equal(taken.json().errors[0].code, 'taken');
  const all = await app.inject({ url: '/api/v1/callbacks', headers: admin });
  assert.deepEqual(all.json().items, [], 'no refused request booked anything');
  const ctrlName = await app.inject({ method: 'POST', url: '/api/v1/admin/service-accounts', headers: admin, payload: { name: 'a\u0007b', scopes: ['book'], campaigns: ['CB_MAIN'] } });
  assert.equal(ctrlName.statusCode, 400);
});

test('a service account is rate limited per account', async (t) => {
  const app = await build(t, { now });
  const a = await createKey(app, { name: 'busy', scopes: ['read_own'] });
  const b = await createKey(app, { name: 'quiet', scopes: ['read_own'] });
  const codes: number[] = [];
  for (let i = 0; i < 121; i++) codes.push((await app.inject({ url: '/api/v1/callbacks/1', headers: bearer(a.key) })).statusCode);
  assert.deepEqual([codes[0], codes[119], codes[120]], [404, 404, 429]);
  assert.equal((await app.inject({ url: '/api/v1/callbacks/1', headers: bearer(b.key) })).statusCode, 404, 'another account is not affected');
});

test('the key never reaches the log: not at creation, not when used, not when refused', async (t) => {
  const lines: string[] = [];
  const app = await build(t, { now, log: { level: 'trace', line: (text) => lines.push(text) } });
  const { id, key } = await createKey(app, { name: 'ivr', scopes: ['book', 'read_own'], campaigns: ['CB_MAIN'] });
  assert.equal((await app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: bearer(key), payload: skillBooking({ skill: 'Support' }) })).statusCode, 201);
  await app.inject({ method: 'POST', url: `/api/v1/admin/service-accounts/${id}/revoke`, headers: admin });
  assert.equal((await app.inject({ url: '/api/v1/callbacks', headers: bearer(key) })).statusCode, 401);
  const log = lines.join('');
  assert.ok(lines.length >= 4, 'each request was logged (one line each)');
  assert.ok(log.includes('/api/v1/callbacks'), 'the log is about these requests');
  assert.ok(!log.includes(key.slice(3, 20)), 'no part of the key in the log');
});
