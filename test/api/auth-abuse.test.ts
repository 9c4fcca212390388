// Slow and abusive clients: credentials are checked before the body is read, a slow body is cut
// off by the request timeout, and a password flood is answered 429 (Retry-After) without
// reaching Finesse, with the credential cache bounded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { basic, identityRig } from '../security/identity-helpers.ts';
import { personalBooking } from './fixtures.ts';

/** Sends headers and the first byte of a long body, then nothing; resolves with what the server did. */
function slowPost(port: number, headers: Record<string, string>): Promise<{ response: string; closedAfterMs: number }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const started = Date.now();
    let response = '';
    socket.on('connect', () => {
      const head = Object.entries({ host: 'localhost', 'content-type': 'application/json', 'content-length': '100000', ...headers })
        .map(([k, v]) => `${k}: ${v}`)
        .join('\r\n');
      socket.write(`POST /api/v1/callbacks HTTP/1.1\r\n${head}\r\n\r\n{`);
    });
    socket.on('data', (d) => (response += d.toString()));
    socket.on('close', () => resolve({ response, closedAfterMs: Date.now() - started }));
    socket.on('error', reject);
    socket.setTimeout(20_000, () => socket.destroy(new Error('server kept the slow request open')));
  });
}

test('an unauthenticated slow POST gets 401 before its body and the connection is closed', async (t) => {
  const rig = await identityRig(t);
  await rig.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = rig.app.server.address() as { port: number };
  const none = await slowPost(port, {});
  assert.match(none.response, /^HTTP\/1\.1 401/);
  assert.ok(none.closedAfterMs < 2000, `closed after ${none.closedAfterMs} ms`);
  const wrong = await slowPost(port, { authorization: basic('1001', 'wrong') });
  assert.match(wrong.response, /^HTTP\/1\.1 401/);
  assert.ok(wrong.closedAfterMs < 2000);
});

test('an authenticated slow body is cut off by the request timeout', async (t) => {
  const rig = await identityRig(t, { server: { requestTimeout: 600, http: { headersTimeout: 500, connectionsCheckingInterval: 100 } } });
  await rig.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = rig.app.server.address() as { port: number };
  const slow = await slowPost(port, { authorization: basic('1001') });
  assert.ok(slow.closedAfterMs < 3000, `closed after ${slow.closedAfterMs} ms`);
  assert.doesNotMatch(slow.response, /^HTTP\/1\.1 (2|5)\d\d/);
});

test('the production server options bound requests, idle sockets and bodies', async () => {
  const { serverOptions } = await import('../../bff/app.ts');
  assert.ok(serverOptions.requestTimeout > 0 && serverOptions.requestTimeout <= 60_000);
  assert.ok(serverOptions.connectionTimeout > 0);
  assert.ok(serverOptions.http.headersTimeout <= serverOptions.requestTimeout);
  assert.ok(serverOptions.bodyLimit <= 1024 * 1024);
});

test('2,000 distinct wrong passwords: 429 with Retry-After, Finesse asked a bounded number of times, nothing cached', async (t) => {
  const rig = await identityRig(t, { env: { CM_LOGIN_FAILURES_PER_USER: '5', CM_LOGIN_FAILURES_PER_ADDRESS: '20', CM_LOGIN_FAILURE_WINDOW_SECONDS: '300' } });
  // 1002 signed in before the flood: his cached session keeps working.
  assert.equal((await rig.app.inject({ url: '/api/v1/callbacks', headers: { authorization: basic('1002') }, remoteAddress: '10.0.0.2' })).statusCode, 200);
  const lookupsBefore = rig.userLookups();
  const statuses = new Map<number, number>();
  let retryAfter: string | undefined;
  for (let i = 0; i < 2000; i++) {
    const res = await rig.app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: { authorization: basic('1001', `guess-${i}`) }, payload: personalBooking() });
    statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
    if (res.statusCode === 429) retryAfter ??= res.headers['retry-after'] as string;
  }
  assert.equal(statuses.get(401), 5, `statuses ${JSON.stringify([...statuses])}`);
  assert.equal(statuses.get(429), 1995);
  assert.ok(Number(retryAfter) > 0 && Number(retryAfter) <= 300, `Retry-After ${retryAfter}`);
  assert.equal(rig.userLookups() - lookupsBefore, 5, 'only the first failures reach Finesse');
  assert.equal(rig.app.finesseAuth.cacheSize, 1, 'wrong passwords are never cached');
  assert.equal((await rig.app.inject({ url: '/api/v1/callbacks', headers: { authorization: basic('1002') }, remoteAddress: '10.0.0.2' })).statusCode, 200);
  // GraphQL answers the same, in its own shape.
  const gql = await rig.app.inject({ method: 'POST', url: '/graphql', headers: { authorization: basic('1001', 'one-more') }, payload: { query: '{ me { id } }' } });
  assert.equal(gql.statusCode, 429);
  assert.ok(Number(gql.headers['retry-after']) > 0);
  assert.equal(gql.json().errors[0].extensions.code, 'TOO_MANY_FAILED_LOGINS');
  assert.equal(rig.userLookups() - lookupsBefore, 5);

  // Spread over many users from one address: the address limit stops it.
  const spread = new Map<number, number>();
  for (let i = 0; i < 200; i++) {
    const res = await rig.app.inject({ url: '/api/v1/callbacks', headers: { authorization: basic(`u${i}`, 'x') }, remoteAddress: '10.9.9.9' });
    spread.set(res.statusCode, (spread.get(res.statusCode) ?? 0) + 1);
  }
  assert.equal(spread.get(401), 20);
  assert.equal(spread.get(429), 180);
});

test('the credential cache is an LRU with a bound', async (t) => {
  const rig = await identityRig(t, { env: { CM_AUTH_CACHE_MAX: '3' } });
  for (const user of ['1001', '1002', '1101', '2001', '2002']) {
    assert.equal((await rig.app.inject({ url: '/api/v1/callbacks', headers: { authorization: basic(user) } })).statusCode, 200);
  }
  assert.equal(rig.app.finesseAuth.cacheSize, 3);
  const before = rig.userLookups();
  await rig.app.inject({ url: '/api/v1/callbacks', headers: { authorization: basic('2002') } });
  assert.equal(rig.userLookups(), before, 'a recent entry is served from the cache');
  await rig.app.inject({ url: '/api/v1/callbacks', headers: { authorization: basic('1001') } });
  assert.equal(rig.userLookups(), before + 1, 'the oldest was evicted');
});
