// The pieces behind authentication, each by itself: the failed-login window and the IdS token check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { LoginLimiter, TooManyFailedLogins } from '../../bff/services/login-limiter.ts';
import { IdsTokenVerifier } from '../../bff/services/ids-token.ts';
import { DEMO_IDS_CLIENT, IdentityService } from '../../sim/finesse/ids.ts';

test('LoginLimiter: per-user and per-address limits, Retry-After until the window ends, then open again', () => {
  let now = 0;
  const limiter = new LoginLimiter({ failuresPerUser: 2, failuresPerAddress: 3, windowSeconds: 60, maxKeys: 100 }, () => now);
  limiter.fail('1001', 'a');
  limiter.check('1001', 'a');
  limiter.fail('1001', 'a');
  now = 15_000;
  assert.throws(() => limiter.check('1001', 'b'), (e: unknown) => e instanceof TooManyFailedLogins && e.retryAfterSeconds === 45);
  limiter.check('1002', 'b');
  limiter.fail('1002', 'a');
  assert.throws(() => limiter.check('1003', 'a'), TooManyFailedLogins, 'the address used up its 3 failures');
  now = 60_001;
  limiter.check('1001', 'a');
});

test('LoginLimiter: the remembered keys are bounded', () => {
  const limiter = new LoginLimiter({ failuresPerUser: 5, failuresPerAddress: 5, windowSeconds: 60, maxKeys: 50 });
  for (let i = 0; i < 5000; i++) limiter.fail(`user${i}`, `10.0.${i >> 8}.${i & 255}`);
  assert.equal(limiter.size, 100);
});

test('IdsTokenVerifier.prove: the signed user and expiry; expired, not-yet-valid and foreign tokens are null; the key is fetched as a client', async (t) => {
  let now = 1_000_000_000_000;
  const ids = new IdentityService(600, () => now);
  const server = Fastify();
  let keyFetches = 0;
  server.get('/ids/v1/keys/token/public', async (req, reply) => {
    keyFetches++;
    const expected = `Basic ${Buffer.from(`${DEMO_IDS_CLIENT.id}:${DEMO_IDS_CLIENT.secret}`).toString('base64')}`;
    return req.headers.authorization === expected ? reply.type('text/plain').send(ids.publicKeyPem) : reply.code(401).send();
  });
  const url = await server.listen({ port: 0, host: '127.0.0.1' });
  t.after(() => server.close());
  const verifier = new IdsTokenVerifier({ idsUrl: url, clientId: DEMO_IDS_CLIENT.id, clientSecret: DEMO_IDS_CLIENT.secret, userClaim: 'sub' }, () => now);
  const { accessToken } = ids.issue('1001');
  assert.deepEqual(await verifier.prove(accessToken), { userId: '1001', expiresAt: now + 600_000 });
  now += 601_000;
  assert.equal(await verifier.prove(accessToken), null, 'expired');
  const other = new IdentityService(600, () => now).issue('9001').accessToken;
  assert.equal(await verifier.prove(other), null, 'signed by another IdS');
  assert.equal(keyFetches, 2, 'one fetch, and one re-read after a minute when a signature did not verify (rotation)');
  const wrongClient = new IdsTokenVerifier({ idsUrl: url, clientId: 'x', clientSecret: 'y', userClaim: 'sub' });
  await assert.rejects(wrongClient.prove(ids.issue('1001').accessToken), /HTTP 401/);
  const otherClaim = new IdsTokenVerifier({ idsUrl: url, clientId: DEMO_IDS_CLIENT.id, clientSecret: DEMO_IDS_CLIENT.secret, userClaim: 'upn' }, () => now);
  assert.equal(await otherClaim.prove(ids.issue('1001').accessToken), null, 'a token without the configured claim proves no one');
});
