// Security headers, /metrics and /docs behind CM_EXPOSE_OPS, the IVR rate limit, phones masked in logs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { as, build } from '../helpers/build.ts';
import { now } from '../api/fixtures.ts';
import { loggerOptions, maskPhones } from '../../bff/logger.ts';

const ivrAuth = { authorization: `Basic ${Buffer.from('ivr:ivr-demo').toString('base64')}` };

test('security headers on every answer, with a CSP the gadget inside Finesse works under', async (t) => {
  const app = await build(t, { now, env: { CM_CORS_ORIGINS: 'https://finesse1.example.test,https://finesse2.example.test:8445' } });
  for (const res of [await app.inject('/healthz'), await app.inject({ url: '/api/v1/callbacks' }), await app.inject('/nope'), await app.inject('/gadget.xml')]) {
    const csp = String(res.headers['content-security-policy']);
    assert.match(csp, /frame-ancestors 'self'[^;]* https:\/\/finesse1\.example\.test https:\/\/finesse2\.example\.test:8445(;|$)/);
    assert.doesNotMatch(csp, /frame-ancestors[^;]*\*/, 'nobody else');
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /object-src 'none'/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    // Finesse's page loads /gadget/cb-gadget.js from this origin: it must be allowed cross-origin.
    assert.equal(res.headers['cross-origin-resource-policy'], 'cross-origin');
    assert.equal(res.headers['x-frame-options'], undefined, 'XFO cannot name Finesse; frame-ancestors does');
    assert.ok(res.headers['strict-transport-security']);
    assert.equal(res.headers['referrer-policy'], 'no-referrer');
  }
});

test('/metrics and /docs: protected in production (CM_EXPOSE_OPS=false); admins and the metrics token get in', async (t) => {
  const app = await build(t, { now, env: { CM_MODE: 'production', CM_METRICS_TOKEN: 's3cret-scraper-token' } });
  for (const url of ['/metrics', '/docs', '/docs/json']) {
    assert.equal((await app.inject(url)).statusCode, 401, `${url} anonymous`);
    assert.equal((await app.inject({ url, headers: as('1001') })).statusCode, 403, `${url} agent`);
    assert.ok((await app.inject({ url, headers: as('9001') })).statusCode < 400, `${url} admin`);
  }
  assert.equal((await app.inject({ url: '/metrics', headers: { authorization: 'Bearer s3cret-scraper-token' } })).statusCode, 200);
  assert.equal((await app.inject({ url: '/metrics', headers: { authorization: 'Bearer wrong' } })).statusCode, 401);
  assert.equal((await app.inject({ url: '/docs/json', headers: { authorization: 'Bearer s3cret-scraper-token' } })).statusCode, 401, 'the token opens /metrics only');
  // The demo (the default mode) opens them.
  const open = await build(t, { now });
  assert.equal((await open.inject('/metrics')).statusCode, 200);
  assert.equal((await open.inject('/docs/json')).statusCode, 200);
});

test('IVR lookup: rate-limited per address with 429 and Retry-After; other routes unaffected', async (t) => {
  const app = await build(t, { now, env: { CM_IVR_RATE_LIMIT: '5' } });
  const codes: number[] = [];
  for (let i = 0; i < 7; i++) codes.push((await app.inject({ url: '/ivr/v1/lookup?accountNumber=CB404', headers: ivrAuth, remoteAddress: '10.0.0.1' })).statusCode);
  assert.deepEqual(codes, [200, 200, 200, 200, 200, 429, 429]);
  const limited = await app.inject({ url: '/ivr/v1/lookup?accountNumber=CB404', headers: ivrAuth, remoteAddress: '10.0.0.1' });
  assert.equal(limited.json().error, 'rate_limited');
  assert.ok(Number(limited.headers['retry-after']) > 0);
  // Wrong passwords count too (the limit guards against guessing), and another address has its own budget.
  assert.equal((await app.inject({ url: '/ivr/v1/lookup?accountNumber=CB1', remoteAddress: '10.0.0.2' })).statusCode, 401);
  assert.equal((await app.inject({ url: '/ivr/v1/lookup?accountNumber=CB1', headers: ivrAuth, remoteAddress: '10.0.0.2' })).statusCode, 200);
  for (let i = 0; i < 8; i++) assert.equal((await app.inject({ url: '/healthz', remoteAddress: '10.0.0.1' })).statusCode, 200);
});

test('maskPhones: all digits but the last 3 of anything phone-like, in text and URLs', () => {
  assert.equal(maskPhones('/ivr/v1/lookup?phone=%2B48221234567&format=xml'), '/ivr/v1/lookup?phone=%2B********567&format=xml');
  assert.equal(maskPhones('call +48 22 123 45 67 now'), 'call +** ** *** *5 67 now');
  assert.equal(maskPhones('phone=22+123+45+67'), 'phone=**+***+*5+67');
  assert.equal(maskPhones('/api/v1/callbacks/12345'), '/api/v1/callbacks/12345', 'short ids stay');
  assert.equal(maskPhones('2026-12-01T12:00:00Z'), '2026-12-01T12:00:00Z', 'dates stay');
});

test('the Fastify logger masks phone numbers in request URLs and known fields, and drops credentials', async () => {
  const lines: string[] = [];
  const stream = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
  const app = Fastify({ logger: { ...loggerOptions('info'), stream } as never });
  app.get('/lookup', async (req) => {
    req.log.info({ phone: '+48221234567', callback: { phoneE164: '+48221234567', dialString: '0048221234567' } }, 'looked up');
    return {};
  });
  await app.inject({ url: '/lookup?phone=%2B48221234567&x=0048221234567', headers: { authorization: 'Basic aXZyOml2ci1kZW1v' } });
  await app.close();
  const log = lines.join('');
  assert.match(log, /looked up/);
  assert.match(log, /567/);
  assert.doesNotMatch(log, /48221234|221234567|aXZyOml2ci1kZW1v/, log);
});
