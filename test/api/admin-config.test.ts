// Configuration the administrator can trust (issue 11): every invalid value is refused with a
// field-level error, deleting something in use is refused, and every change is in the audit log.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { as, build } from '../helpers/build.ts';
import { now, skillBooking } from './fixtures.ts';
import { startTestSim } from '../sim/uccx-helpers.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { CAMPAIGN_EXAMPLE, CALENDAR_EXAMPLE, RULES_EXAMPLE, SKILL_EXAMPLE } from '../../bff/routes/api/v1/admin.examples.ts';

const admin = as('9001');
const put = (app: FastifyInstance, url: string, payload: unknown) => app.inject({ method: 'PUT', url: `/api/v1/admin${url}`, headers: admin, payload: payload as object });
const codes = (res: { json(): { errors?: Array<{ field: string; code: string }> } }) => (res.json().errors ?? []).map((e) => `${e.field}:${e.code}`);

test('putCampaign: invalid zone, made-up country, duplicate DDI and a UCCX campaign that does not exist are refused per field', async (t) => {
  const uccx = await startTestSim('sqlite');
  t.after(uccx.cleanup);
  const app = await build(t, { now, env: { CM_UCCX_URL: uccx.sim.url } });
  const bad = await put(app, '/campaigns/CB_NEW', { ...CAMPAIGN_EXAMPLE, uccxCampaignName: 'CB_NOWHERE', timeZone: 'Mars/Olympus', defaultCountry: 'QQ', ddi: '+48221234567' });
  assert.equal(bad.statusCode, 422, bad.body);
  assert.equal(bad.json().error, 'invalid_configuration');
  assert.deepEqual(codes(bad), ['timeZone:INVALID_TIME_ZONE', 'defaultCountry:UNKNOWN_COUNTRY', 'ddi:DUPLICATE_DDI', 'uccxCampaignName:UNKNOWN_UCCX_CAMPAIGN']);
  // Booking still works for everybody: nothing of the bad campaign was stored.
  assert.equal((await app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: as('1001'), payload: skillBooking({ skill: 'Support' }) })).statusCode, 201);
  const good = await put(app, '/campaigns/CB_NEW', { ...CAMPAIGN_EXAMPLE, ddi: '+48221234599' });
  assert.equal(good.statusCode, 200, good.body);
  assert.equal(good.json().warnings, undefined, 'UCCX answered, so the name was checked');
});

test('putCampaign: a retry policy names only the outcomes the product knows, each with its attempts and wait', async (t) => {
  const app = await build(t, { now });
  const unknown = await put(app, '/campaigns/CB_MAIN', { ...CAMPAIGN_EXAMPLE, ddi: '+48221234567', retryPolicy: { bussy: { maxAttempts: 3, delayMinutes: 5 } } });
  assert.equal(unknown.statusCode, 400, unknown.body);
  const half = await put(app, '/campaigns/CB_MAIN', { ...CAMPAIGN_EXAMPLE, ddi: '+48221234567', retryPolicy: { busy: { maxAttempts: 3 } } });
  assert.equal(half.statusCode, 400, half.body);
  const good = await put(app, '/campaigns/CB_MAIN', { ...CAMPAIGN_EXAMPLE, ddi: '+48221234567', retryPolicy: { busy: { maxAttempts: 5, delayMinutes: 20 }, default: { maxAttempts: 2, delayMinutes: 10 } } });
  assert.equal(good.statusCode, 200, good.body);
  const stored = (await app.inject({ url: '/api/v1/admin/campaigns', headers: admin })).json().find((c: { name: string }) => c.name === 'CB_MAIN');
  assert.deepEqual(stored.retryPolicy, { busy: { maxAttempts: 5, delayMinutes: 20 }, default: { maxAttempts: 2, delayMinutes: 10 } });
});

test('putCampaign without a reachable UCCX saves with a warning that the UCCX name was not checked', async (t) => {
  const app = await build(t, { now, env: { CM_UCCX_URL: 'http://127.0.0.1:9' } });
  const res = await put(app, '/campaigns/CB_NEW', { ...CAMPAIGN_EXAMPLE, ddi: '+48221234599', uccxCampaignName: 'CB_X' });
  assert.equal(res.statusCode, 200, res.body);
  assert.match(res.json().warnings[0], /could not be asked/);
});

test('putSkill, putGlobalRules, putHolidayCalendar: impossible hours, reversed windows, unknown regions and dates are refused', async (t) => {
  const app = await build(t, { now });
  const skill = await put(app, '/skills/Night', { ...SKILL_EXAMPLE, timeZone: 'Europe/Nowhere', hours: { '1': ['25:00-26:00', '08:00-08:00'], '2': ['22:00-06:00'] } });
  assert.equal(skill.statusCode, 422, skill.body);
  assert.deepEqual(codes(skill), ['timeZone:INVALID_TIME_ZONE', 'hours.1[0]:INVALID_HOURS', 'hours.1[1]:INVALID_HOURS']);
  const rules = await put(app, '/global-rules', { ...RULES_EXAMPLE, windowStart: '21:00', windowEnd: '08:00' });
  assert.equal(rules.statusCode, 422);
  assert.deepEqual(codes(rules), ['windowEnd:INVALID_WINDOW']);
  const calendar = await put(app, '/holiday-calendars/Mars', { country: 'US', region: 'ZZ', customDates: ['2026-02-30'] });
  assert.equal(calendar.statusCode, 422);
  assert.deepEqual(codes(calendar), ['region:UNKNOWN_REGION', 'customDates[0]:INVALID_DATE']);
  const country = await put(app, '/holiday-calendars/Mars', { country: 'QQ', customDates: [] });
  assert.deepEqual(codes(country), ['country:UNKNOWN_COUNTRY']);
  assert.equal((await put(app, '/holiday-calendars/New York', CALENDAR_EXAMPLE)).statusCode, 200);
  assert.equal((await put(app, '/skills/Night', { ...SKILL_EXAMPLE, hours: { '2': ['22:00-06:00'] } })).statusCode, 200, 'a range past midnight is fine');
});

test('deleteNamed: a skill or campaign with active callbacks, or a calendar in use, cannot be deleted', async (t) => {
  const app = await build(t, { now });
  const booked = await app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: as('1001'), payload: skillBooking({ skill: 'Support' }) });
  assert.equal(booked.statusCode, 201, booked.body);
  for (const url of ['/skills/Support', '/campaigns/CB_MAIN', '/holiday-calendars/Poland']) {
    const res = await app.inject({ method: 'DELETE', url: `/api/v1/admin${url}`, headers: admin });
    assert.equal(res.statusCode, 409, `${url}: ${res.body}`);
    assert.equal(res.json().error, 'in_use');
  }
  await app.inject({ method: 'POST', url: `/api/v1/callbacks/${booked.json().id}/cancel`, headers: as('1001'), payload: {} });
  assert.equal((await app.inject({ method: 'DELETE', url: '/api/v1/admin/skills/Support', headers: admin })).statusCode, 204);
});

for (const dialect of DIALECTS) {
  test(`listAudit on ${dialect}: every change and delete is recorded with who, when, before and after; admins only`, async (t) => {
  const app = await build(t, { now, dialect });
  await put(app, '/skills/Night', SKILL_EXAMPLE);
  await put(app, '/skills/Night', { ...SKILL_EXAMPLE, csq: 'CSQ_Night' });
  await put(app, '/global-rules', { ...RULES_EXAMPLE, horizonDays: 14 });
  await app.inject({ method: 'DELETE', url: '/api/v1/admin/skills/Night', headers: admin });
  await put(app, '/skills/Bad', { ...SKILL_EXAMPLE, timeZone: 'Bad/Zone' }); // refused: not audited
  assert.equal((await app.inject({ url: '/api/v1/admin/audit', headers: as('2001') })).statusCode, 403);
  const audit = (await app.inject({ url: '/api/v1/admin/audit', headers: admin })).json();
  assert.deepEqual(audit.map((a: { action: string; target: string }) => `${a.action} ${a.target}`), ['skill.delete skill:Night', 'rules.update global-rules', 'skill.update skill:Night', 'skill.create skill:Night']);
  assert.equal(audit[0].actor, '9001');
  assert.equal(audit[2].before.csq, 'CSQ_Sales');
  assert.equal(audit[2].after.csq, 'CSQ_Night');
  assert.equal(audit[1].before.horizonDays, 30);
  assert.equal(audit[1].after.horizonDays, 14);
  assert.equal(audit[0].after, null);
  const page = (await app.inject({ url: `/api/v1/admin/audit?limit=2&before=${audit[1].id}`, headers: admin })).json();
  assert.deepEqual(page.map((a: { id: number }) => a.id), [audit[2].id, audit[3].id]);
});
}

test('OpenAPI: every admin operation has a summary, and the write operations a real example', async (t) => {
  const app = await build(t, { now });
  const doc = (await app.inject('/docs/json')).json();
  for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, { summary?: string; requestBody?: { content: Record<string, { schema: { examples?: unknown[] }; example?: unknown; examples?: unknown }> } }>>)) {
    if (!path.startsWith('/api/v1/admin')) continue;
    for (const [method, op] of Object.entries(item)) {
      assert.ok(op.summary, `${method} ${path} has a summary`);
      if (method === 'put') {
        const content = op.requestBody?.content['application/json'];
        assert.ok(content?.schema.examples?.length || content?.example || content?.examples, `${method} ${path} has an example`);
      }
    }
  }
});
