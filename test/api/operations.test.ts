// Operations (issue 11): bulk cancel/reassign for an agent off sick, CSV export, UCCX campaign
// discovery and the dial-plan preview.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { as, build } from '../helpers/build.ts';
import { now, personalBooking, skillBooking } from './fixtures.ts';
import { startTestSim } from '../sim/uccx-helpers.ts';

test('bulkReassign and bulkCancel: every waiting callback of an agent, each through the usual checks', async (t) => {
  const app = await build(t, { now });
  const book = (phone: string, at: string) => app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: as('1001'), payload: personalBooking({ phone, scheduledAt: at }) });
  const a = (await book('22 100 00 11', '2026-12-01T14:00')).json();
  const b = (await book('22 100 00 12', '2026-12-01T15:00')).json();
  assert.ok(a.id && b.id, JSON.stringify([a, b]));
  assert.equal((await app.inject({ method: 'POST', url: '/api/v1/callbacks/bulk/reassign', headers: as('1001'), payload: { fromAgentId: '1001', toAgentId: '1002' } })).statusCode, 403, 'agents may not');
  const moved = await app.inject({ method: 'POST', url: '/api/v1/callbacks/bulk/reassign', headers: as('2001'), payload: { fromAgentId: '1001', toAgentId: '1002' } });
  assert.equal(moved.statusCode, 200, moved.body);
  assert.deepEqual(moved.json().results.map((r: { id: number; ok: boolean }) => [r.id, r.ok]), [[a.id, true], [b.id, true]]);
  assert.equal((await app.inject({ url: `/api/v1/callbacks/${a.id}`, headers: as('2001') })).json().agentId, '1002');
  const cancelled = await app.inject({ method: 'POST', url: '/api/v1/callbacks/bulk/cancel', headers: as('2001'), payload: { ids: [a.id, 999999], reason: 'agent off sick' } });
  assert.deepEqual(cancelled.json().results.map((r: { id: number; ok: boolean; status?: string }) => [r.id, r.ok, r.status ?? null]), [[a.id, true, 'cancelled'], [999999, false, null]]);
  const again = await app.inject({ method: 'POST', url: '/api/v1/callbacks/bulk/cancel', headers: as('2001'), payload: { agentId: '1002' } });
  assert.deepEqual(again.json().results.map((r: { id: number }) => r.id), [b.id], 'only what is still active');
});

test('exportCallbacksCsv: the callbacks the caller may see, formulas neutralised, with history on request', async (t) => {
  const app = await build(t, { now });
  const booked = await app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: as('1001'), payload: skillBooking({ skill: 'Support', firstName: '=HYPERLINK("x")' }) });
  assert.equal(booked.statusCode, 201, booked.body);
  const other = await app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: as('1101'), payload: skillBooking({ skill: 'Support', phone: '22 100 00 99' }) });
  assert.equal(other.statusCode, 201, other.body);
  const res = await app.inject({ url: '/api/v1/callbacks/export?from=2026-11-01T00:00:00Z&to=2027-01-01T00:00:00Z&history=true', headers: as('2001') });
  assert.equal(res.statusCode, 200, res.body);
  const lines = res.body.trim().split('\r\n');
  assert.equal(lines.length, 2, 'header and team A only');
  assert.match(lines[0], /^id,accountNumber,.*,history$/);
  assert.match(lines[1], /,"'=HYPERLINK\(""x""\)",/);
  assert.match(lines[1], / booked 1001/);
  assert.equal((await app.inject({ url: '/api/v1/callbacks/export?from=2026-11-01T00:00:00Z&to=2027-01-01T00:00:00Z', headers: as('1001') })).statusCode, 403);
});

test('UCCX campaign discovery and the dial-plan preview (admin)', async (t) => {
  const uccx = await startTestSim('sqlite');
  t.after(uccx.cleanup);
  const app = await build(t, { now, env: { CM_UCCX_URL: uccx.sim.url } });
  const list = await app.inject({ url: '/api/v1/admin/uccx-campaigns', headers: as('9001') });
  assert.equal(list.statusCode, 200, list.body);
  assert.deepEqual(list.json().map((c: { campaignId: number; campaignName: string }) => [c.campaignId, c.campaignName]), [[200, 'CB_DDI_1']]);
  assert.equal((await app.inject({ url: '/api/v1/admin/uccx-campaigns', headers: as('2001') })).statusCode, 403);
  const preview = await app.inject({
    method: 'POST',
    url: '/api/v1/admin/dial-plan/preview',
    headers: as('9001'),
    payload: { defaultCountry: 'PL', dialPlan: [{ match: '+48', strip: 3, prefix: '0' }, { match: '+', strip: 1, prefix: '00' }], numbers: ['601 234 567', '+1 212 555 0151', '12'] },
  });
  assert.deepEqual(preview.json(), [
    { input: '601 234 567', valid: true, e164: '+48601234567', dialString: '0601234567' },
    { input: '+1 212 555 0151', valid: true, e164: '+12125550151', dialString: '0012125550151' },
    { input: '12', valid: false, e164: null, dialString: null },
  ]);
});
