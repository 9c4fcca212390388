// Identity that cannot be borrowed: a supervisor's SSO token with X-Finesse-User naming one of
// his team members must not act as that member — on REST, GraphQL and the websocket.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSign, generateKeyPairSync } from 'node:crypto';
import WebSocket from 'ws';
import { basic, bearer, identityRig } from './identity-helpers.ts';

const ME = { method: 'POST' as const, url: '/graphql', payload: { query: '{ me { id role } }' } };

/** connection_init over a real websocket; resolves with the first answer (ack, error or close). */
async function wsInit(port: number, payload: Record<string, unknown>): Promise<string> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/graphql`, 'graphql-transport-ws');
  try {
    return await new Promise<string>((resolve, reject) => {
      ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload })));
      ws.on('message', (raw) => resolve(JSON.parse(String(raw)).type));
      ws.on('close', (code) => resolve(`closed ${code}`));
      ws.on('error', reject);
    });
  } finally {
    ws.close();
  }
}

test('the Finesse simulator, like Finesse, lets a supervisor read a member of his team with his own token', async (t) => {
  const rig = await identityRig(t);
  const token = await rig.token('2001');
  const res = await fetch(`${rig.finesseUrl}/finesse/api/User/1001`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(res.status, 200, 'which is why the header cannot name the user');
  const other = await fetch(`${rig.finesseUrl}/finesse/api/User/1101`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(other.status, 401, 'but not users of teams he does not supervise');
});

test('REST: a supervisor token with X-Finesse-User of a team member answers 401; his own identity works', async (t) => {
  const rig = await identityRig(t);
  const token = await rig.token('2001');
  assert.equal((await rig.app.inject({ url: '/api/v1/callbacks', headers: bearer(token, '1001') })).statusCode, 401);
  assert.equal((await rig.app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: bearer(token, '1001'), payload: {} })).statusCode, 401);
  assert.equal((await rig.app.inject({ url: '/api/v1/callbacks', headers: bearer(token, '2001') })).statusCode, 200);
  assert.equal((await rig.app.inject({ url: '/api/v1/callbacks', headers: bearer(token) })).statusCode, 200, 'the token alone names its user');
  // An admin reachable through a supervised member stays out of reach: 9001 is no member, and the header never elevates.
  assert.equal((await rig.app.inject({ url: '/api/v1/admin/skills', headers: bearer(token, '9001') })).statusCode, 401);
});

test('GraphQL: the impersonation attempt answers 401; me is the token owner', async (t) => {
  const rig = await identityRig(t);
  const token = await rig.token('2001');
  const borrowed = await rig.app.inject({ ...ME, headers: bearer(token, '1001') });
  assert.equal(borrowed.statusCode, 401);
  assert.equal(borrowed.json().data, null);
  assert.equal(borrowed.json().errors[0].extensions.code, 'UNAUTHORIZED');
  const own = await rig.app.inject({ ...ME, headers: bearer(token, '2001') });
  assert.deepEqual(own.json().data.me, { id: '2001', role: 'supervisor' });
});

test('websocket: connection_init with a borrowed identity is refused, the own one acknowledged', async (t) => {
  const rig = await identityRig(t);
  await rig.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = rig.app.server.address() as { port: number };
  const token = await rig.token('2001');
  assert.equal(await wsInit(port, { headers: bearer(token, '1001') }), 'connection_error');
  assert.equal(await wsInit(port, { authorization: `Bearer ${token}`, 'x-finesse-user': '1001' }), 'connection_error');
  assert.equal(await wsInit(port, { headers: bearer(token, '2001') }), 'connection_ack');
  assert.equal(await wsInit(port, { headers: { authorization: basic('2001'), 'x-finesse-user': '1001' } }), 'connection_error');
});

test('Basic: the id in the credentials is the user; an X-Finesse-User naming another answers 401', async (t) => {
  const rig = await identityRig(t);
  assert.equal((await rig.app.inject({ url: '/api/v1/callbacks', headers: { authorization: basic('2001'), 'x-finesse-user': '1001' } })).statusCode, 401);
  assert.equal((await rig.app.inject({ url: '/api/v1/callbacks', headers: { authorization: basic('2001'), 'x-finesse-user': '2001' } })).statusCode, 200);
  assert.equal((await rig.app.inject({ url: '/api/v1/callbacks', headers: { authorization: basic('2001') } })).statusCode, 200);
});

test('forged tokens answer 401: unsigned, signed by another key, or with alg "none"', async (t) => {
  const rig = await identityRig(t);
  const claims = Buffer.from(JSON.stringify({ sub: '9001', exp: Math.floor(Date.now() / 1000) + 600 })).toString('base64url');
  const none = `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${claims}.`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const head = Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT' })).toString('base64url');
  const foreign = `${head}.${claims}.${createSign('RSA-SHA256').update(`${head}.${claims}`).sign(privateKey).toString('base64url')}`;
  for (const token of ['demo-token-9001', none, foreign]) {
    assert.equal((await rig.app.inject({ url: '/api/v1/callbacks', headers: bearer(token, '9001') })).statusCode, 401, token.slice(0, 20));
  }
});

test('impersonation attempts count against the token owner, not against the member he names', async (t) => {
  const rig = await identityRig(t, { env: { CM_LOGIN_FAILURES_PER_USER: '3' } });
  const token = await rig.token('2001');
  for (let i = 0; i < 3; i++) assert.equal((await rig.app.inject({ url: '/api/v1/callbacks', headers: bearer(token, '1001') })).statusCode, 401);
  const blocked = await rig.app.inject({ url: '/api/v1/callbacks', headers: bearer(token, '1001') });
  assert.equal(blocked.statusCode, 429);
  assert.ok(Number(blocked.headers['retry-after']) > 0);
  assert.equal((await rig.app.inject({ url: '/api/v1/callbacks', headers: { authorization: basic('1001') } })).statusCode, 200, '1001 is not locked out');
});
