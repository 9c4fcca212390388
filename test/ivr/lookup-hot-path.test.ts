// What the IVR lookup's hot path keeps while made cheap: the security headers (computed once at
// startup) on every answer, refused and answered lookups counted per status in /metrics, no access
// log line per lookup but a warning for each refused IVR login (never with the credentials).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { build } from '../helpers/build.ts';
import { now } from '../api/fixtures.ts';

const ivr = { authorization: `Basic ${Buffer.from('ivr:ivr-demo').toString('base64')}` };
const wrong = { authorization: `Basic ${Buffer.from('ivr:guess').toString('base64')}` };

test('lookup answers and IVR refusals carry the security headers; /metrics counts each status of the route apart', async (t) => {
  const server = await build(t, { now });
  for (const headers of [ivr, ivr, wrong]) {
    const res = await server.inject({ url: '/ivr/v1/lookup?accountNumber=NOPE', headers });
    assert.equal(res.statusCode, headers === wrong ? 401 : 200);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['cross-origin-resource-policy'], 'cross-origin');
    assert.match(String(res.headers['content-security-policy']), /frame-ancestors 'self'/);
    assert.equal(res.headers['x-frame-options'], undefined);
  }
  const metrics = (await server.inject('/metrics')).body;
  assert.match(metrics, /cm_http_requests_total\{method="GET",route="\/ivr\/v1\/lookup",status="200"\} 2\n/);
  assert.match(metrics, /cm_http_requests_total\{method="GET",route="\/ivr\/v1\/lookup",status="401"\} 1\n/);
  assert.match(metrics, /cm_http_request_seconds_count\{method="GET",route="\/ivr\/v1\/lookup"\} 3\n/);
});

test('a lookup writes no access log line; a refused IVR login is logged at warn without the credentials', async (t) => {
  const lines: Array<Record<string, unknown>> = [];
  const server = await build(t, { now, log: { level: 'info', line: (text) => lines.push(JSON.parse(text)) } });
  const before = lines.length;
  assert.equal((await server.inject({ url: '/ivr/v1/lookup?accountNumber=NOPE', headers: ivr })).statusCode, 200);
  assert.deepEqual(lines.slice(before), [], 'no line for an answered lookup');
  assert.equal((await server.inject({ url: '/ivr/v1/lookup?accountNumber=NOPE', headers: wrong })).statusCode, 401);
  const refused = lines.slice(before).filter((l) => l.msg === 'IVR credentials refused');
  assert.equal(refused.length, 1);
  assert.equal(refused[0].level, 40);
  assert.doesNotMatch(JSON.stringify(lines), /aXZyOmd1ZXNz|guess/, 'the refused credentials are not logged');
  // Other routes keep their access log.
  await server.inject('/healthz');
  assert.ok(lines.some((l) => l.msg === 'request completed'), 'the access log of other routes is kept');
});
