// What the booking's hot path keeps while made cheap: one access-log line per request (method,
// masked URL, status, time) instead of two, never a full phone number, refusals logged too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { slotBooked } from '../../db/queries/slots.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { as, build } from '../helpers/build.ts';
import { now, skillBooking } from './fixtures.ts';

test('a booking writes one access-log line (status and time, URL masked) and no full phone number; a refused one too', async (t) => {
  const lines: Array<Record<string, any>> = [];
  const server = await build(t, { now, log: { level: 'info', line: (text) => lines.push(JSON.parse(text)) } });
  const book = async (body: Record<string, unknown>, url = '/api/v1/callbacks') => {
    const before = lines.length;
    const res = await server.inject({ method: 'POST', url, headers: as('1001'), payload: body });
    return { res, logged: lines.slice(before) };
  };
  await book(skillBooking({ phone: '22 123 45 00' })); // the agent is remembered on the first request
  const { res, logged } = await book(skillBooking({ phone: '22 123 45 67' }), '/api/v1/callbacks?phone=%2B48221234567');
  assert.equal(res.statusCode, 201, res.body);
  assert.equal(logged.length, 1, JSON.stringify(logged));
  const [line] = logged;
  assert.equal(line.msg, 'request completed');
  assert.deepEqual([line.req.method, line.res.statusCode, typeof line.responseTime], ['POST', 201, 'number']);
  assert.equal(line.req.url, '/api/v1/callbacks?phone=%2B********567');
  const refused = await book(skillBooking({ phone: '22 123 45 68', scheduledAt: '2026-11-30T12:00' }));
  assert.equal(refused.res.statusCode, 422);
  assert.deepEqual(refused.logged.filter((l) => /request (completed|errored)/.test(l.msg)).map((l) => l.res.statusCode), [422]);
  assert.ok(!lines.some((l) => l.msg === 'incoming request'));
  assert.doesNotMatch(JSON.stringify(lines), /221234567|1234567|123 45 6/, 'no full phone number in the log');
});

for (const dialect of DIALECTS) {
  test(`${dialect}: bookings racing at once (written together on SQLite): one of two for a number wins, a slot never overfills, refused ones leave no trace`, async (t) => {
    const server = await build(t, { dialect, now });
    await server.db.models.GlobalRules.update({ capacityPerSkillSlot: 2 }, { where: {} });
    server.services.config.invalidate();
    await server.inject({ method: 'GET', url: '/api/v1/callbacks', headers: as('1001') }); // the agent is remembered
    const post = (body: Record<string, unknown>) => server.inject({ method: 'POST', url: '/api/v1/callbacks', headers: as('1001'), payload: body });
    const answers = await Promise.all([
      post(skillBooking({ skill: 'Support', phone: '22 123 45 01', scheduledAt: '2026-12-02T10:00' })),
      post(skillBooking({ skill: 'Support', phone: '22 123 45 01', scheduledAt: '2026-12-02T11:00' })),
      ...['02', '03', '04', '05'].map((n) => post(skillBooking({ skill: 'Support', phone: `22 123 45 ${n}`, scheduledAt: '2026-12-03T10:00' }))),
    ]);
    const [a, b, ...slot] = answers.map((r) => r.statusCode);
    assert.deepEqual([a, b].sort(), [201, 409], answers[1].body);
    const winner = (a === 201 ? answers[0] : answers[1]).json();
    assert.equal((a === 409 ? answers[0] : answers[1]).json().existing.id, winner.id);
    assert.deepEqual(slot.sort(), [201, 201, 422, 422]);
    for (const r of answers.slice(2).filter((r) => r.statusCode === 422)) assert.deepEqual(r.json().violations.map((v: { code: string }) => v.code), ['SLOT_FULL']);
    // What was refused left nothing: two places taken, one history row per stored callback.
    assert.equal(await slotBooked(server.db, 'skill:Support', new Date('2026-12-03T09:00:00Z')), 2);
    const stored = (await server.db.models.Callback.findAll({ raw: true })) as unknown as Array<{ id: number }>;
    assert.equal(stored.length, 3);
    const history = (await server.db.models.CallbackHistory.findAll({ raw: true })) as unknown as Array<{ callbackId: number; event: string }>;
    assert.deepEqual(history.map((h) => h.event), ['booked', 'booked', 'booked']);
    assert.deepEqual(new Set(history.map((h) => h.callbackId)), new Set(stored.map((s) => s.id)));
  });
}
