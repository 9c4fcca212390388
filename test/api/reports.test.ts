// Report figures (issue 11) checked against seeded histories, on SQLite and PostgreSQL, through
// the reporting views; scope: supervisors their team, admins all, agents none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { as, build } from '../helpers/build.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { forceState, insertTestCallback } from '../db/seed-helpers.ts';
import { appendHistory } from '../../db/queries/history.ts';
import { now } from './fixtures.ts';

async function seed(app: FastifyInstance) {
  const db = app.db;
  const story = async (over: Record<string, unknown>, status: string, events: Array<[string, string, Record<string, unknown>?]>, extra: Record<string, unknown> = {}) => {
    const cb = await insertTestCallback(db, over);
    for (const [event, at, details] of events) await appendHistory(db, { callbackId: cb.id, event: event as never, actor: 't', details: details ?? {}, at: new Date(at) });
    await forceState(db, cb.id, { status, ...extra });
    return cb;
  };
  const d1 = '2026-12-01T10:00:00.000Z';
  // Team 1: completed on time (import 30 s early, dial 20 s late, agent 90 s late), one attempt.
  await story({ scheduledAt: d1, teamId: '1', type: 'personal', agentId: '1001' }, 'completed', [
    ['imported', '2026-12-01T09:59:30Z', { dialingListId: 1 }],
    ['dial_result', '2026-12-01T10:00:20Z', { dialingListId: 1, callStatus: 3, callResult: 1, result: 'voice' }],
    ['fallback_to_skill', '2026-12-01T10:01:00Z'],
    ['arrived', '2026-12-01T10:01:30Z'],
  ], { attempts: 1 });
  // Team 1: busy, then failed at max attempts (2 attempts), imported 120 s late.
  await story({ scheduledAt: d1, teamId: '1' }, 'failed', [
    ['imported', '2026-12-01T10:02:00Z', { dialingListId: 2 }],
    ['dial_result', '2026-12-01T10:02:30Z', { dialingListId: 2, callStatus: 3, callResult: 11, result: 'busy' }],
    ['imported', '2026-12-01T10:12:00Z', { dialingListId: 3 }],
    ['dial_result', '2026-12-01T10:12:30Z', { dialingListId: 3, callStatus: 3, callResult: 11, result: 'busy' }],
  ], { attempts: 2, reason: 'max_attempts' });
  // Team 1, next day (Warsaw): reached inbound before it was dialled.
  await story({ scheduledAt: '2026-12-02T08:00:00.000Z', teamId: '1' }, 'completed', [], { reason: 'reached_inbound' });
  // Team 2: expired.
  await story({ scheduledAt: d1, teamId: '2' }, 'expired', [], {});
}

for (const dialect of DIALECTS) {
  test(`GET /reports on ${dialect}: figures from seeded histories, scoped per caller`, async (t) => {
    const app = await build(t, { now, dialect });
    await seed(app);
    const url = '/api/v1/reports?from=2026-12-01&to=2026-12-02&zone=Europe/Warsaw';
    assert.equal((await app.inject({ url, headers: as('1001') })).statusCode, 403);
    const sup = await app.inject({ url, headers: as('2001') });
    assert.equal(sup.statusCode, 200, sup.body);
    const r = sup.json();
    assert.deepEqual(r.byDay, [
      { day: '2026-12-01', booked: 2, completed: 1, failed: 1, expired: 0, cancelled: 0, active: 0 },
      { day: '2026-12-02', booked: 1, completed: 1, failed: 0, expired: 0, cancelled: 0, active: 0 },
    ]);
    assert.deepEqual(r.onTime.import, { count: 2, p50: -30, p90: 120, p99: 120, max: 120, withinGoal: 0.5, goalSeconds: 60 });
    assert.equal(r.onTime.connect.p50, 90);
    assert.deepEqual(r.attempts, [{ attempts: 0, callbacks: 1 }, { attempts: 1, callbacks: 1 }, { attempts: 2, callbacks: 1 }]);
    assert.deepEqual(r.outcomes, [{ result: 'busy', attempts: 2 }, { result: 'voice', attempts: 1 }]);
    assert.equal(r.fallbackRate, 1);
    assert.equal(r.reachedInboundRate, 0.5);
    const all = (await app.inject({ url, headers: as('9001') })).json();
    assert.equal(all.byCampaign[0].booked, 4, 'admin sees team 2 too');
    assert.equal(all.byCampaign[0].expired, 1);
    const csv = await app.inject({ url: `${url}&format=csv`, headers: as('2001') });
    assert.match(csv.headers['content-type'] as string, /text\/csv/);
    assert.equal(csv.body, 'day,booked,completed,failed,expired,cancelled,active\r\n2026-12-01,2,1,1,0,0,0\r\n2026-12-02,1,1,0,0,0,0\r\n');
  });
}

test('GET /reports refuses a reversed range, an unknown zone and a range over 400 days', async (t) => {
  const app = await build(t, { now });
  for (const q of ['from=2026-12-05&to=2026-12-01', 'from=2026-12-01&to=2026-12-02&zone=Mars/Base', 'from=2024-01-01&to=2026-12-01', 'from=2026-02-30&to=2026-03-01']) {
    assert.equal((await app.inject({ url: `/api/v1/reports?${q}`, headers: as('9001') })).statusCode, 400, q);
  }
});
