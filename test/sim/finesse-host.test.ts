// The Finesse simulator's desktop: the host page, the finesse.js shim, the gadget container
// (spec fetched from the Campaign Manager, __UP_cmUrl__ substituted) and presentCall over SSE.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import { startFinesseSim, type FinesseSim } from '../../sim/finesse/server.ts';
import { parseGadgetSpec } from '../../sim/finesse/gadget-spec.ts';

let cm: FastifyInstance;
let cmUrl: string;
let sim: FinesseSim;
const spec = readFileSync(new URL('../../gadget.xml', import.meta.url), 'utf8');

before(async () => {
  // A stand-in Campaign Manager that serves the real gadget spec.
  cm = Fastify();
  cm.get('/gadget.xml', async (_req, reply) => reply.type('application/xml').send(spec));
  await cm.listen({ port: 0, host: '127.0.0.1' });
  cmUrl = `http://127.0.0.1:${(cm.server.address() as { port: number }).port}`;
  sim = await startFinesseSim({ cmUrl });
});
after(async () => {
  await sim.close();
  await cm.close();
});

test('gadget.xml is a Finesse gadget spec with the mandatory features and the cmUrl preference', () => {
  const parsed = parseGadgetSpec(spec);
  for (const f of ['pubsub-2', 'settitle', 'dynamic-height', 'loadingindicator']) assert.ok(parsed.features.includes(f), f);
  assert.deepEqual(parsed.userPrefs.map((p) => p.name), ['cmUrl', 'accountVariable']);
  assert.equal(parsed.userPrefs.find((p) => p.name === 'accountVariable')?.defaultValue, 'callVariable10');
  assert.match(parsed.content, /\/desktop\/assets\/js\/finesse\.js/);
  assert.match(parsed.content, /__UP_cmUrl__\/gadget\/cb-gadget\.js/);
});

test('the host page and its scripts are served', async () => {
  const page = await fetch(`${sim.url}/desktop/`);
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.match(html, /Sign in/);
  assert.ok(html.includes(`data-cm-url="${cmUrl}"`));
  for (const path of ['/desktop/assets/js/finesse.js', '/desktop/assets/js/jquery.min.js', '/desktop/assets/host.js']) {
    const res = await fetch(`${sim.url}${path}`);
    assert.equal(res.status, 200, path);
    assert.match(res.headers.get('content-type') ?? '', /javascript/);
  }
  const shim = await (await fetch(`${sim.url}/desktop/assets/js/finesse.js`)).text();
  for (const api of ['finesse.gadget.Config', 'ClientServices', 'getDialogs', 'getMediaProperties', 'getFromAddress', 'adjustHeight', 'HubSettings']) assert.ok(shim.includes(api), api);
});

test('the gadget container renders the spec content with the Campaign Manager URL substituted', async () => {
  const res = await fetch(`${sim.url}/desktop/gadget`);
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.ok(html.includes(`${cmUrl}/gadget/cb-gadget.js`));
  assert.ok(!html.includes('__UP_'));
  assert.match(html, /<cb-gadget>/);
  const elsewhere = await fetch(`${sim.url}/desktop/gadget?url=${encodeURIComponent('http://169.254.169.254/gadget.xml')}`);
  assert.equal(elsewhere.status, 400);
});

test('the user API answers the demo users (Basic auth)', async () => {
  const ok = await fetch(`${sim.url}/finesse/api/User/1001`, { headers: { authorization: `Basic ${Buffer.from('1001:demo').toString('base64')}` } });
  assert.equal(ok.status, 200);
  assert.match(await ok.text(), /<loginId>1001<\/loginId>/);
  const bad = await fetch(`${sim.url}/finesse/api/User/1001`, { headers: { authorization: `Basic ${Buffer.from('1001:nope').toString('base64')}` } });
  assert.equal(bad.status, 401);
});

test('presentCall reaches the agent page listening on server-sent events, and ending it too', async () => {
  const ac = new AbortController();
  const res = await fetch(`${sim.url}/desktop/events/1001`, { signal: ac.signal });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /text\/event-stream/);
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const until = async (pattern: RegExp) => {
    const deadline = Date.now() + 5000;
    while (!pattern.test(buffer)) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; got ${buffer}`);
      const { value, done } = await reader.read();
      if (done) throw new Error('stream ended');
      buffer += decoder.decode(value, { stream: true });
    }
  };
  await until(/: connected/);
  sim.presentCall('1001', {
    callType: 'OUTBOUND',
    fromAddress: '+48601234567',
    dnis: '1001',
    callVariables: { BAAccountNumber: 'CB123', BACustomerNumber: '+48601234567', BABuddyName: 'Jan Kowalski', BACampaign: 'CB_DDI_1' },
  });
  await until(/event: call\ndata: .*"BAAccountNumber":"CB123"/);
  const dialogId = /"id":"(\d+)"/.exec(buffer)?.[1];
  assert.ok(dialogId);
  const active = (await (await fetch(`${sim.url}/desktop/api/calls/1001`)).json()) as Array<{ id: string }>;
  assert.deepEqual(active.map((d) => d.id), [dialogId]);
  const ended = await fetch(`${sim.url}/desktop/api/calls/1001/${dialogId}`, { method: 'DELETE' });
  assert.deepEqual(await ended.json(), { ended: 1 });
  await until(new RegExp(`event: end\\ndata: .*"dialogId":"${dialogId}"`));
  ac.abort();
});

test('the host page controls present an inbound call through the same path', async () => {
  const res = await fetch(`${sim.url}/desktop/api/calls/1002`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ callType: 'INBOUND', fromAddress: '+48221112233', dnis: '+48221234567', callVariables: {} }),
  });
  assert.equal(res.status, 201);
  const dialog = (await res.json()) as { agentId: string; callType: string };
  assert.equal(dialog.agentId, '1002');
  assert.equal(dialog.callType, 'INBOUND');
  const bad = await fetch(`${sim.url}/desktop/api/calls/1002`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ callType: 'FAX' }) });
  assert.equal(bad.status, 400);
});
