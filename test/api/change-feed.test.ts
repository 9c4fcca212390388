import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Callback } from '../../domain/types.ts';
import { ChangeFeed } from '../../bff/services/change-feed.ts';
import { as, build } from '../helpers/build.ts';
import { createTestDatabase } from '../helpers/databases.ts';
import { personalBooking } from './fixtures.ts';

const NOW = new Date('2026-12-01T09:00:00Z');

test('ChangeFeed: a change made by another instance on the same database reaches this one, once', async (t) => {
  const shared = await createTestDatabase('postgres');
  t.after(() => shared.drop());
  const env = { CM_CHANGE_FEED_MS: '200' };
  const a = await build(t, { databaseUrl: shared.url, now: () => NOW, env });
  const b = await build(t, { databaseUrl: shared.url, now: () => NOW, env });
  const seenByB: Callback[] = [];
  b.services.events.on('changed', (c) => seenByB.push(c));

  const booked = (await a.inject({ method: 'POST', url: '/api/v1/callbacks', headers: as('1001'), payload: personalBooking() })).json();
  for (let i = 0; i < 50 && !seenByB.some((c) => c.id === booked.id); i++) await new Promise((r) => setTimeout(r, 100));
  assert.deepEqual(seenByB.map((c) => [c.id, c.status]), [[booked.id, 'scheduled']]);

  await a.inject({ method: 'POST', url: `/api/v1/callbacks/${booked.id}/cancel`, headers: as('1001'), payload: {} });
  for (let i = 0; i < 50 && seenByB.length < 2; i++) await new Promise((r) => setTimeout(r, 100));
  assert.deepEqual(seenByB.map((c) => c.status), ['scheduled', 'cancelled']);

  // Polling again announces nothing new: each version is announced once.
  assert.equal(await new ChangeFeed(b.db, b.services.events, new Date(Date.now() - 60_000)).poll(), 0);
});
