// CORS (issue 9): only the configured Finesse origins (and the BFF's own) may call the API from a
// browser; a foreign origin can neither read (no CORS grant) nor write (refused before any route).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { as, build } from '../helpers/build.ts';
import { now, skillBooking } from '../api/fixtures.ts';
import { loadConfig } from '../../config/settings.ts';

const EVIL = 'https://evil.example';

test('cors: a foreign origin gets no CORS grant on reads and preflights', async (t) => {
  const app = await build(t, { now, env: { CM_CORS_ORIGINS: 'https://finesse-b.example:8445' } });
  const read = await app.inject({ url: '/api/v1/callbacks', headers: { ...as('1001'), origin: EVIL } });
  assert.equal(read.headers['access-control-allow-origin'], undefined);
  const preflight = await app.inject({ method: 'OPTIONS', url: '/api/v1/callbacks', headers: { origin: EVIL, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' } });
  assert.equal(preflight.headers['access-control-allow-origin'], undefined);
  const allowed = await app.inject({ method: 'OPTIONS', url: '/api/v1/callbacks', headers: { origin: 'https://finesse-b.example:8445', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' } });
  assert.equal(allowed.headers['access-control-allow-origin'], 'https://finesse-b.example:8445');
  assert.equal(allowed.headers['access-control-allow-credentials'], 'true');
});

test('loadConfig: the Finesse origin (CM_FINESSE_URL) and CM_CORS_ORIGINS are the allowed origins', () => {
  const config = loadConfig({ CM_FINESSE_URL: 'https://finesse.example:8445/finesse', CM_CORS_ORIGINS: 'https://b.example, https://c.example' });
  assert.deepEqual(config.corsOrigins, ['https://finesse.example:8445', 'https://b.example', 'https://c.example']);
});

test('cors: an allowed origin may write; a foreign origin may not, and nothing changes', async (t) => {
  const app = await build(t, { now, env: { CM_CORS_ORIGINS: 'https://finesse-b.example:8445' } });
  const booked = await app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: as('1001'), payload: skillBooking() });
  assert.equal(booked.statusCode, 201, booked.body);
  const id = booked.json().id;
  const foreign = await app.inject({ method: 'POST', url: `/api/v1/callbacks/${id}/cancel`, headers: { ...as('1001'), origin: EVIL }, payload: {} });
  assert.equal(foreign.statusCode, 403);
  assert.equal(foreign.json().error, 'forbidden_origin');
  const still = await app.inject({ url: `/api/v1/callbacks/${id}`, headers: as('1001') });
  assert.equal(still.json().status, 'scheduled');
  const fromFinesse = await app.inject({ method: 'POST', url: `/api/v1/callbacks/${id}/cancel`, headers: { ...as('1001'), origin: 'https://finesse-b.example:8445' }, payload: {} });
  assert.equal(fromFinesse.statusCode, 200, fromFinesse.body);
  assert.equal(fromFinesse.headers['access-control-allow-origin'], 'https://finesse-b.example:8445');
});
