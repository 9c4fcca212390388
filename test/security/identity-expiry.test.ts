// SSO access tokens expire: the simulator's IdS issues 2-second tokens here. A request with an
// expired token answers 401 even though the credential cache would still hold it for 60 s, and
// a websocket authenticated with it is closed when the token's lifetime ends.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { CLOSE_EXPIRED } from '../../bff/services/ws-session.ts';
import { basic, bearer, identityRig } from './identity-helpers.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('REST: a token works until it expires, then answers 401; a refreshed token works again', async (t) => {
  const rig = await identityRig(t, { tokenSeconds: 2, env: { CM_AUTH_CACHE_SECONDS: '60' } });
  const res = await fetch(`${rig.finesseUrl}/desktop/sso/token?return_refresh_token=true`, { headers: { authorization: basic('1001') } });
  const { token, refresh_token: refreshToken, expires_in: expiresIn } = (await res.json()) as { token: string; refresh_token: string; expires_in: number };
  assert.equal(expiresIn, 2);
  assert.equal((await rig.app.inject({ url: '/api/v1/callbacks', headers: bearer(token, '1001') })).statusCode, 200);
  await sleep(2200);
  assert.equal((await fetch(`${rig.finesseUrl}/finesse/api/User/1001`, { headers: { authorization: `Bearer ${token}` } })).status, 401, 'Finesse refuses it');
  assert.equal((await rig.app.inject({ url: '/api/v1/callbacks', headers: bearer(token, '1001') })).statusCode, 401, 'and so does the cache');

  // "Single Sign-On—Refresh Existing Access Token": token + refresh-token give a new pair.
  const refreshed = await fetch(`${rig.finesseUrl}/desktop/sso/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token, 'refresh-token': refreshToken }).toString(),
  });
  assert.equal(refreshed.status, 200);
  const fresh = ((await refreshed.json()) as { token: string }).token;
  assert.equal((await rig.app.inject({ url: '/api/v1/callbacks', headers: bearer(fresh, '1001') })).statusCode, 200);
  const again = await fetch(`${rig.finesseUrl}/desktop/sso/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token, 'refresh-token': refreshToken }).toString(),
  });
  assert.equal(again.status, 401, 'a refresh token is good once');
});

test('websocket: a subscription authenticated with a token is closed when the token expires', async (t) => {
  const rig = await identityRig(t, { tokenSeconds: 2, env: { CM_AUTH_CACHE_SECONDS: '60' } });
  await rig.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = rig.app.server.address() as { port: number };
  const token = await rig.token('2001');
  const ws = new WebSocket(`ws://127.0.0.1:${port}/graphql`, 'graphql-transport-ws');
  t.after(() => ws.close());
  const opened = Date.now();
  const closed = new Promise<{ code: number; after: number }>((resolve) => ws.on('close', (code) => resolve({ code, after: Date.now() - opened })));
  ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload: { headers: bearer(token, '2001') } })));
  ws.on('message', (raw) => {
    if (JSON.parse(String(raw)).type === 'connection_ack') ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: 'subscription { callbackChanged { id } }' } }));
  });
  const { code, after } = await closed;
  assert.equal(code, CLOSE_EXPIRED);
  assert.ok(after >= 1000 && after < 5000, `closed after ${after} ms`);
});

test('websocket: Basic credentials are re-verified when the cache entry ends, and the socket stays open while they hold', async (t) => {
  const rig = await identityRig(t, { env: { CM_AUTH_CACHE_SECONDS: '1' } });
  await rig.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = rig.app.server.address() as { port: number };
  const ws = new WebSocket(`ws://127.0.0.1:${port}/graphql`, 'graphql-transport-ws');
  t.after(() => ws.close());
  let closedWith: number | null = null;
  ws.on('close', (code) => (closedWith = code));
  ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload: { headers: { authorization: basic('2001') } } })));
  ws.on('message', (raw) => {
    if (JSON.parse(String(raw)).type === 'connection_ack') ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: 'subscription { callbackChanged { id } }' } }));
  });
  const before = rig.userLookups();
  await sleep(2600);
  assert.equal(closedWith, null, 'still open');
  assert.ok(rig.userLookups() >= before + 2, `re-verified with Finesse (${rig.userLookups() - before} lookups)`);
});
