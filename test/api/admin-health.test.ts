import { test } from 'node:test';
import assert from 'node:assert/strict';
import { as, build } from '../helpers/build.ts';
import { now, skillBooking } from './fixtures.ts';

test('GET /healthz, /readyz, /metrics and the OpenAPI document at /docs', async (t) => {
  // Open operations endpoints as in the demo (CM_EXPOSE_OPS; protected otherwise: test/security/guards-ops.test.ts).
  const app = await build(t, { now, env: { CM_EXPOSE_OPS: 'true' } });
  assert.equal((await app.inject('/healthz')).json().status, 'ok');
  const ready = (await app.inject('/readyz')).json();
  assert.equal(ready.status, 'ready');
  assert.equal(ready.database, 'ok');
  await app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: as('1001'), payload: skillBooking({ skill: 'Support' }) });
  const metrics = (await app.inject('/metrics')).body;
  assert.match(metrics, /cm_callbacks\{status="scheduled"\} 1/);
  assert.match(metrics, /cm_http_requests_total\{method="POST",route="\/api\/v1\/callbacks",status="201"\} 1/);
  const openapi = (await app.inject('/docs/json')).json();
  assert.equal(openapi.openapi.startsWith('3'), true);
  for (const path of ['/api/v1/callbacks', '/api/v1/callbacks/{id}', '/api/v1/callbacks/{id}/reschedule', '/api/v1/availability', '/ivr/v1/lookup']) {
    assert.ok(openapi.paths[path], `${path} documented`);
  }
  assert.equal((await app.inject('/docs')).statusCode < 400, true);
});

test('GET /gadget.xml serves the Finesse gadget spec with this instance as the cmUrl default', async (t) => {
  const app = await build(t, { now, env: { CM_PUBLIC_URL: 'https://cm.example.test:8443' } });
  const res = await app.inject('/gadget.xml');
  assert.equal(res.statusCode, 200);
  assert.match(res.headers['content-type'] as string, /application\/xml/);
  assert.match(res.body, /<Require feature="pubsub-2"\/>/);
  assert.match(res.body, /<UserPref name="cmUrl"[^>]*default_value="https:\/\/cm\.example\.test:8443"/);
  assert.match(res.body, /<Content type="html">/);
});

test('admin API: admins change configuration, everybody else gets 403', async (t) => {
  const app = await build(t, { now });
  const skill = { csq: 'CSQ_Night', timeZone: 'Europe/Warsaw', hours: { '1': ['20:00-24:00'] }, holidayCalendar: 'Poland' };
  assert.equal((await app.inject({ method: 'PUT', url: '/api/v1/admin/skills/Night', headers: as('2001'), payload: skill })).statusCode, 403);
  assert.equal((await app.inject({ method: 'PUT', url: '/api/v1/admin/skills/Night', payload: skill })).statusCode, 401);
  const saved = await app.inject({ method: 'PUT', url: '/api/v1/admin/skills/Night', headers: as('9001'), payload: skill });
  assert.equal(saved.statusCode, 200, saved.body);
  const skills = (await app.inject({ url: '/api/v1/admin/skills', headers: as('9001') })).json();
  assert.deepEqual(skills.map((s: { name: string }) => s.name), ['Night', 'Sales', 'Support']);
  // The booking rules see the change at once: Night is closed on Tuesday noon.
  const res = await app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: as('1001'), payload: skillBooking({ skill: 'Night' }) });
  assert.equal(res.statusCode, 422);
  assert.ok(res.json().violations.some((v: { code: string }) => v.code === 'SKILL_CLOSED'));
  const rules = (await app.inject({ url: '/api/v1/admin/global-rules', headers: as('9001') })).json();
  assert.equal(rules.slotMinutes, 15);
  const bad = await app.inject({ method: 'PUT', url: '/api/v1/admin/global-rules', headers: as('9001'), payload: { ...rules, slotMinutes: 7 } });
  assert.equal(bad.statusCode, 400);
  const holiday = await app.inject({ method: 'PUT', url: '/api/v1/admin/holiday-calendars/Poland', headers: as('9001'), payload: { country: 'PL', region: null, customDates: ['2026-12-01'] } });
  assert.equal(holiday.statusCode, 200);
  const closed = await app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: as('1001'), payload: skillBooking({ phone: '22 555 55 55' }) });
  assert.ok(closed.json().violations.some((v: { code: string }) => v.code === 'HOLIDAY'), closed.body);
  assert.equal((await app.inject({ method: 'DELETE', url: '/api/v1/admin/skills/Night', headers: as('9001') })).statusCode, 204);
  assert.equal((await app.inject({ method: 'DELETE', url: '/api/v1/admin/skills/Night', headers: as('9001') })).statusCode, 404);
  const unknownCalendar = await app.inject({ method: 'PUT', url: '/api/v1/admin/skills/Night', headers: as('9001'), payload: { ...skill, holidayCalendar: 'Mars' } });
  assert.equal(unknownCalendar.statusCode, 404);
});

test('GET /api/v1/availability: slots with capacity, booked, available and reasons', async (t) => {
  const app = await build(t, { now });
  await app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: as('1001'), payload: skillBooking({ scheduledAt: '2026-12-01T12:00' }) });
  const res = await app.inject({ url: '/api/v1/availability?campaign=CB_MAIN&skill=Sales&from=2026-12-01&to=2026-12-02&timeZone=Europe/Warsaw', headers: as('1001') });
  assert.equal(res.statusCode, 200, res.body);
  const slots = res.json().slots as Array<{ start: string; capacity: number; booked: number; available: number; closedReason: string | null }>;
  assert.equal(slots.length, 96, 'a day of 15-minute slots');
  const noon = slots.find((s) => s.start === '2026-12-01T11:00:00.000Z');
  assert.deepEqual({ ...noon }, { start: '2026-12-01T11:00:00.000Z', end: '2026-12-01T11:15:00.000Z', capacity: 10, booked: 1, available: 9, closedReason: null });
  assert.equal(slots.find((s) => s.start === '2026-12-01T08:00:00.000Z')?.closedReason, 'IN_PAST');
  assert.equal(slots.find((s) => s.start === '2026-12-01T18:00:00.000Z')?.closedReason, 'SKILL_CLOSED');
  assert.equal((await app.inject({ url: '/api/v1/availability?campaign=NOPE&from=2026-12-01&to=2026-12-02', headers: as('1001') })).statusCode, 404);
});
