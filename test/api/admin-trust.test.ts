// Configuration the administrator can trust (issue 11, second part): per-campaign/skill overrides
// checked and used, the agents' default campaign never changes by itself, public holidays shown
// as the rules use them, connections without secrets, and an OpenAPI entry for every operation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { as, build } from '../helpers/build.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { now, personalBooking } from './fixtures.ts';
import { startTestSim } from '../sim/uccx-helpers.ts';
import { recordDependencyFailure, recordDependencySuccess } from '../../db/queries/dependency-status.ts';
import { publicHolidayDates } from '../../domain/rules/holidays.ts';
import { CAMPAIGN_EXAMPLE, SKILL_EXAMPLE } from '../../bff/routes/api/v1/admin.examples.ts';
import { describeEndpoint } from '../../bff/services/connections.ts';

const admin = as('9001');
const put = (app: FastifyInstance, url: string, payload: unknown) => app.inject({ method: 'PUT', url: `/api/v1/admin${url}`, headers: admin, payload: payload as object });
const codes = (res: { json(): { errors?: Array<{ field: string; code: string }> } }) => (res.json().errors ?? []).map((e) => `${e.field}:${e.code}`);
const ivr = { authorization: `Basic ${Buffer.from('ivr:ivr-demo').toString('base64')}` };
const agentCampaigns = async (app: FastifyInstance) =>
  (await app.inject({ method: 'POST', url: '/graphql', headers: as('1001'), payload: { query: '{ campaigns { name agentDefault } }' } })).json().data.campaigns as Array<{ name: string; agentDefault: boolean }>;
const adminCampaign = async (app: FastifyInstance, name: string) => ((await app.inject({ url: '/api/v1/admin/campaigns', headers: admin })).json() as Array<Record<string, unknown>>).find((c) => c.name === name)!;

test('OpenAPI: every admin operation has a summary, a description and a real example', async (t) => {
  const app = await build(t, { now });
  const doc = (await app.inject('/docs/json')).json();
  type Media = { schema?: { examples?: unknown[] }; example?: unknown; examples?: unknown };
  type Op = { summary?: string; description?: string; requestBody?: { content: Record<string, Media> }; responses?: Record<string, { content?: Record<string, Media> }> };
  const hasExample = (m: Media | undefined) => Boolean(m && (m.schema?.examples?.length || m.example !== undefined || m.examples));
  let seen = 0;
  for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, Op>>)) {
    if (!path.startsWith('/api/v1/admin')) continue;
    for (const [method, op] of Object.entries(item)) {
      seen++;
      assert.ok(op.summary?.trim(), `${method} ${path} has a summary`);
      assert.ok(op.description?.trim(), `${method} ${path} has a description`);
      const media = [op.requestBody?.content['application/json'], ...Object.values(op.responses ?? {}).map((r) => r.content?.['application/json'])];
      assert.ok(media.some(hasExample), `${method} ${path} has an example`);
      if (method === 'put') assert.ok(hasExample(op.requestBody?.content['application/json']), `${method} ${path} has a request example`);
    }
  }
  assert.ok(seen >= 15, `walked ${seen} admin operations`);
});

test('agents\' default: a new campaign "AAA" does not change what agents get; marking one unmarks the other, audited', async (t) => {
  const app = await build(t, { now });
  const before = await agentCampaigns(app);
  assert.deepEqual(before.filter((c) => c.agentDefault).map((c) => c.name), ['CB_MAIN']);
  const created = await put(app, '/campaigns/AAA', { ...CAMPAIGN_EXAMPLE, ddi: '+48221230000', agentDefault: undefined });
  assert.equal(created.statusCode, 200, created.body);
  const after = await agentCampaigns(app);
  assert.equal(after[0].name, 'AAA', 'AAA sorts first by name');
  assert.deepEqual(after.filter((c) => c.agentDefault).map((c) => c.name), ['CB_MAIN'], 'still CB_MAIN');
  assert.equal((await put(app, '/campaigns/AAA', { ...CAMPAIGN_EXAMPLE, ddi: '+48221230000', agentDefault: true })).statusCode, 200);
  assert.deepEqual((await agentCampaigns(app)).filter((c) => c.agentDefault).map((c) => c.name), ['AAA']);
  const audit = (await app.inject({ url: '/api/v1/admin/audit?target=campaign:CB_MAIN', headers: admin })).json();
  assert.deepEqual([audit[0].action, audit[0].before, audit[0].after], ['campaign.update', { agentDefault: true }, { agentDefault: false }]);
});

test('overrides: a purge time or a personal wait out of range is refused per field; null means the global value', async (t) => {
  const app = await build(t, { now });
  const campaign = await put(app, '/campaigns/CB_MAIN', { ...CAMPAIGN_EXAMPLE, purgeAt: '24:30', personalFallbackSeconds: 9999 });
  assert.equal(campaign.statusCode, 422, campaign.body);
  assert.deepEqual(codes(campaign), ['purgeAt:INVALID_TIME', 'personalFallbackSeconds:INVALID_SECONDS']);
  const skill = await put(app, '/skills/Sales', { ...SKILL_EXAMPLE, personalFallbackSeconds: -1 });
  assert.deepEqual(codes(skill), ['personalFallbackSeconds:INVALID_SECONDS']);
  assert.equal((await put(app, '/campaigns/CB_MAIN', { ...CAMPAIGN_EXAMPLE, purgeAt: '02:15', personalFallbackSeconds: null })).statusCode, 200);
  const saved = await adminCampaign(app, 'CB_MAIN');
  assert.deepEqual([saved.purgeAt, saved.personalFallbackSeconds], ['02:15', null]);
});

for (const dialect of DIALECTS) {
  test(`IVR lookup on ${dialect}: a personal callback waits the skill's, else the campaign's, else the global time`, async (t) => {
    const app = await build(t, { now, dialect });
    const booked = await app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: as('1001'), payload: personalBooking() });
    assert.equal(booked.statusCode, 201, booked.body);
    const wait = async () => (await app.inject({ url: `/ivr/v1/lookup?accountNumber=${booked.json().accountNumber}`, headers: ivr })).json().agentWaitSeconds;
    assert.equal(await wait(), 30, 'the global rule');
    assert.equal((await put(app, '/campaigns/CB_MAIN', { ...CAMPAIGN_EXAMPLE, personalFallbackSeconds: 50 })).statusCode, 200);
    assert.equal(await wait(), 50, 'the campaign');
    assert.equal((await put(app, '/skills/Sales', { ...SKILL_EXAMPLE, personalFallbackSeconds: 45 })).statusCode, 200);
    assert.equal(await wait(), 45, 'the skill wins');
    assert.equal((await put(app, '/skills/Sales', { ...SKILL_EXAMPLE, personalFallbackSeconds: null })).statusCode, 200);
    assert.equal(await wait(), 50, 'back to the campaign');
  });
}

test('public holidays: the dates the rules close, with names, before a calendar is saved; unknown countries refused', async (t) => {
  const app = await build(t, { now });
  const res = await app.inject({ url: '/api/v1/admin/holiday-calendars/public-holidays?country=PL&year=2026', headers: admin });
  assert.equal(res.statusCode, 200, res.body);
  const list = res.json() as Array<{ date: string; name: string }>;
  assert.deepEqual(list.map((h) => h.date), [...publicHolidayDates('PL', null, 2026)].sort());
  assert.ok(list.some((h) => h.date === '2026-11-11' && /Niepodległości/.test(h.name)), 'Independence Day');
  const ny = (await app.inject({ url: '/api/v1/admin/holiday-calendars/public-holidays?country=US&region=NY&year=2026', headers: admin })).json() as Array<{ date: string }>;
  assert.deepEqual(ny.map((h) => h.date), [...publicHolidayDates('US', 'NY', 2026)].sort());
  const bad = await app.inject({ url: '/api/v1/admin/holiday-calendars/public-holidays?country=QQ&year=2026', headers: admin });
  assert.equal(bad.statusCode, 422);
  assert.deepEqual(codes(bad), ['country:UNKNOWN_COUNTRY']);
  assert.equal((await app.inject({ url: '/api/v1/admin/holiday-calendars/public-holidays?country=PL&year=2026', headers: as('2001') })).statusCode, 403);
});

test('connections: Finesse, both UCCX nodes and db_cra with last success/failure and cause, never a credential', async (t) => {
  const uccx = await startTestSim('sqlite');
  t.after(uccx.cleanup);
  const app = await build(t, {
    now,
    env: { CM_UCCX_URL: uccx.sim.url, CM_UCCX_URL_2: 'http://127.0.0.1:9', CM_DBCRA_URL: 'DRIVER={IBM INFORMIX ODBC DRIVER (64-bit)};HOST=uccx-b;SERVER=uccx_b_uccx;SERVICE=1504;PROTOCOL=onsoctcp;DATABASE=db_cra;UID=uccxhruser;PWD=s3cret-Pwd' },
  });
  await recordDependencySuccess(app.services.db, 'uccx', new Date(now().getTime() - 60_000));
  await recordDependencyFailure(app.services.db, 'uccx', 'timeout', new Date(now().getTime() - 10_000));
  assert.equal((await app.inject({ url: '/api/v1/admin/connections', headers: as('2001') })).statusCode, 403);
  const res = await app.inject({ url: '/api/v1/admin/connections?check=true', headers: admin });
  assert.equal(res.statusCode, 200, res.body);
  for (const secret of ['s3cret-Pwd', 'uccxhruser', 'ciscocisco', 'administrator', 'PWD', 'UID']) assert.ok(!res.body.includes(secret), `${secret} not shown`);
  const byId = Object.fromEntries((res.json() as Array<Record<string, unknown>>).map((c) => [c.id, c]));
  assert.deepEqual(Object.keys(byId), ['finesse', 'uccx1', 'uccx2', 'dbcra']);
  assert.deepEqual([byId.uccx1.state, byId.uccx1.lastCause, byId.uccx1.lastFailureAt, byId.uccx1.endpoint], ['failing', 'timeout', new Date(now().getTime() - 10_000).toISOString(), new URL(uccx.sim.url).origin]);
  assert.equal(byId.uccx1.checkedNow, 'ok', 'node 1 answers now');
  assert.notEqual(byId.uccx2.checkedNow, 'ok', 'node 2 does not');
  assert.equal(byId.dbcra.endpoint, 'host=uccx-b service=1504 server=uccx_b_uccx database=db_cra');
  assert.equal(byId.finesse.configured, true);
});

test('describeEndpoint: a URL or connection string loses its user, password and query', () => {
  assert.equal(describeEndpoint('https://admin:ciscocisco@uccx-a.example.com:8443/adminapi'), 'https://uccx-a.example.com:8443');
  assert.equal(describeEndpoint('mssql://cra:s3cret@sql.example.com:1433/db_cra?encrypt=true'), 'mssql://sql.example.com:1433/db_cra');
  assert.equal(describeEndpoint('DRIVER={X};HOST=uccx-a;SERVICE=1504;UID=u;PWD=p;DATABASE=db_cra'), 'host=uccx-a service=1504 database=db_cra');
  assert.equal(describeEndpoint('sqlite:./data/db_cra.sqlite'), 'sqlite ./data/db_cra.sqlite');
  assert.equal(describeEndpoint('not a url: pass=1'), null);
  assert.equal(describeEndpoint(null), null);
});
