import { test } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { as, build } from '../helpers/build.ts';
import { now, personalBooking } from './fixtures.ts';

type App = Awaited<ReturnType<typeof build>>;
const gql = async (app: App, user: string | null, query: string, variables: object = {}) =>
  app.inject({ method: 'POST', url: '/graphql', headers: user ? as(user) : {}, payload: { query, variables } });

const BOOK = `mutation($input: BookInput!) { bookCallback(input: $input) { callback { id status phoneE164 } violations { code field } duplicate { id } } }`;

test('GraphQL me and bookCallback: callback, violations and duplicate in one BookResult', async (t) => {
  const app = await build(t, { now });
  assert.equal((await gql(app, null, '{ me { id } }')).statusCode, 401);
  // 2001 belongs to the team "Supervisors" and supervises Team A (Finesse <teams>).
  const me = (await gql(app, '2001', '{ me { id role teamName } }')).json();
  assert.deepEqual(me.data.me, { id: '2001', role: 'supervisor', teamName: 'Supervisors' });

  const ok = (await gql(app, '1001', BOOK, { input: personalBooking() })).json().data.bookCallback;
  assert.equal(ok.callback.status, 'scheduled');
  assert.equal(ok.callback.phoneE164, '+48221234567');
  const dup = (await gql(app, '1001', BOOK, { input: personalBooking() })).json().data.bookCallback;
  assert.equal(dup.callback, null);
  assert.equal(dup.duplicate.id, ok.callback.id);
  const bad = (await gql(app, '1001', BOOK, { input: personalBooking({ phone: 'abc', scheduledAt: '2026-12-01T23:30' }) })).json().data.bookCallback;
  const codes = bad.violations.map((v: { code: string }) => v.code);
  assert.ok(codes.includes('INVALID_PHONE') && codes.includes('OUTSIDE_CALLING_WINDOW'), codes.join());

  const counts = (await gql(app, '2001', '{ callbackCounts { status count } }')).json().data.callbackCounts;
  assert.deepEqual(counts, [{ status: 'scheduled', count: 1 }]);
  const info = (await gql(app, '1001', '{ phoneInfo(campaign: "CB_MAIN", phone: "221234567") { valid e164 timeZone } }')).json().data.phoneInfo;
  assert.deepEqual(info, { valid: true, e164: '+48221234567', timeZone: 'Europe/Warsaw' });
});

test('GraphQL callbackChanged subscription delivers changes the subscriber may see', async (t) => {
  const app = await build(t, { now });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address() as { port: number };
  const ws = new WebSocket(`ws://127.0.0.1:${address.port}/graphql`, 'graphql-transport-ws');
  t.after(() => ws.close());
  const messages: Array<{ type: string; payload?: { data?: { callbackChanged: { id: string; status: string } } } }> = [];
  const next = new Promise<{ id: string; status: string }>((resolve) => {
    ws.on('message', (raw) => {
      const msg = JSON.parse(String(raw));
      messages.push(msg);
      if (msg.type === 'connection_ack') ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: 'subscription { callbackChanged { id status } }' } }));
      if (msg.type === 'next') resolve(msg.payload.data.callbackChanged);
    });
  });
  await new Promise((r) => ws.on('open', r));
  ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: as('2001').authorization } }));
  await new Promise((r) => setTimeout(r, 300));
  // 1101 is in another team: 2001 must not hear about it; 1001's booking he must.
  await gql(app, '1101', BOOK, { input: personalBooking({ agentId: '1101', phone: '22 700 00 01' }) });
  const mine = (await gql(app, '1001', BOOK, { input: personalBooking() })).json().data.bookCallback.callback;
  const seen = await next;
  assert.equal(seen.id, mine.id);
  assert.equal(seen.status, 'scheduled');
  assert.equal(messages.filter((m) => m.type === 'next').length, 1);
});
