// Finesse is HTTPS-only (issue 8): the embedded default started with CM_TLS_CERT/CM_TLS_KEY serves
// the desktop host page, the gadget bundle, GraphQL and its websocket over TLS (https/wss only, no
// mixed content), and the IVR script emulation reaches the lookup over https trusting CM_TLS_CA.
// Also CORS in a real browser (issue 9): a page on another origin can neither read nor cancel.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify, { type FastifyInstance } from 'fastify';
import { chromium, type Browser } from 'playwright-core';
import { Agent, fetch as tlsFetch } from 'undici';
import { startEmbedded, type Embedded } from './embedded.ts';
import { makeTestCertificate, type TestCertificate } from '../helpers/tls.ts';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const auth = (id: string) => ({ authorization: `Basic ${Buffer.from(`${id}:demo`).toString('base64')}`, 'content-type': 'application/json' });

let cm: Embedded;
let tls: TestCertificate;
let browser: Browser;
let evil: FastifyInstance;
let dispatcher: Agent;

before(async () => {
  tls = await makeTestCertificate();
  cm = await startEmbedded({ CM_TLS_CERT: tls.certFile, CM_TLS_KEY: tls.keyFile, CM_TLS_CA: tls.certFile });
  dispatcher = new Agent({ connect: { ca: tls.cert } });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  evil = Fastify();
  evil.get('/', async (_req, reply) => reply.type('text/html').send('<!doctype html><title>elsewhere</title>'));
  await evil.listen({ port: 0, host: '127.0.0.1' });
});

after(async () => {
  await browser?.close();
  await evil?.close();
  await cm?.stop();
  tls?.remove();
});

test('https end to end: desktop, gadget bundle, GraphQL and websocket all over TLS', async () => {
  assert.match(cm.desktopUrl, /^https:\/\//);
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const plain: string[] = [];
  const sockets: string[] = [];
  page.on('request', (r) => {
    if (/^http:/.test(r.url())) plain.push(r.url());
  });
  page.on('websocket', (ws) => sockets.push(ws.url()));
  await page.goto(`${cm.desktopUrl}?user=1001&locale=en_US`);
  const g = page.frameLocator('#gadget-frame');
  await g.locator('[role="tab"]').first().waitFor({ timeout: 20_000 });
  await g.locator('#tab-mine').click();
  for (let i = 0; i < 50 && sockets.length === 0; i++) await page.waitForTimeout(100);
  assert.ok(sockets.length > 0 && sockets.every((u) => u.startsWith('wss://')), `websockets: ${sockets}`);
  assert.deepEqual(plain, [], 'no request over plain http');
  await context.close();
});

test('cors in Chromium: a page on another origin cannot read or cancel an agent\'s callbacks', async () => {
  const rest = async (method: string, path: string, user: string, body?: unknown) => {
    const res = await tlsFetch(`${cm.cmUrl}${path}`, { method, headers: auth(user), dispatcher, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    assert.ok(res.ok, `${method} ${path} → ${res.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
  // Open around the clock, so the booking does not depend on when CI runs.
  const rules = await rest('GET', '/api/v1/admin/global-rules', '9001');
  await rest('PUT', '/api/v1/admin/global-rules', '9001', { ...rules, leadMinutes: 0, windowStart: '00:00', windowEnd: '24:00' });
  const allDay = Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, ['00:00-24:00']]));
  await rest('PUT', '/api/v1/admin/skills/Sales', '9001', { csq: 'CSQ_Sales', timeZone: 'Europe/Warsaw', hours: allDay, holidayCalendar: null });
  const campaign = (await rest('GET', '/api/v1/admin/campaigns', '9001')).find((c: { name: string }) => c.name === 'CB_MAIN');
  const { id: _id, name: _name, createdAt: _c, updatedAt: _u, holidayCalendarId: _h, ...fields } = campaign;
  await rest('PUT', '/api/v1/admin/campaigns/CB_MAIN', '9001', { ...fields, holidayCalendar: null });
  const booked = await rest('POST', '/api/v1/callbacks', '1001', { campaign: 'CB_MAIN', phone: '601 234 553', scheduledAt: new Date(Date.now() + 3_600_000).toISOString(), skill: 'Sales', firstName: 'Ewa', lastName: 'Cors' });
  const target = booked.id as number;
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${(evil.server.address() as { port: number }).port}/`);
  // A plain script (tsx would wrap a function's inner names in a helper the page does not have).
  const script = `(async () => {
    const attempt = async (f) => { try { const r = await f(); return r.type === 'opaque' ? 'opaque' : 'read ' + r.status; } catch { return 'blocked'; } };
    const cm = ${JSON.stringify(cm.cmUrl)}, authorization = ${JSON.stringify(auth('1001').authorization)}, id = ${target};
    return {
      read: await attempt(() => fetch(cm + '/api/v1/callbacks', { headers: { authorization }, credentials: 'include' })),
      cancel: await attempt(() => fetch(cm + '/api/v1/callbacks/' + id + '/cancel', { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: '{}' })),
      simplePost: await attempt(() => fetch(cm + '/api/v1/callbacks/' + id + '/cancel', { method: 'POST', mode: 'no-cors', credentials: 'include' })),
    };
  })()`;
  const outcome = await page.evaluate(script);
  assert.deepEqual(outcome, { read: 'blocked', cancel: 'blocked', simplePost: 'opaque' });
  const after = (await (await tlsFetch(`${cm.cmUrl}/api/v1/callbacks/${target}`, { headers: auth('1001'), dispatcher })).json()) as { status: string };
  assert.notEqual(after.status, 'cancelled', 'the no-cors POST was refused by origin');
  await context.close();
});
