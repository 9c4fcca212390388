// The supervisor's charts (cb-team-reports) read GET /api/v1/reports: it must hold only the teams
// he supervises, whatever filter he sends. Booked through the API by agents of two teams.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { as, build } from '../helpers/build.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { now, personalBooking, skillBooking } from './fixtures.ts';

const url = '/api/v1/reports?from=2026-12-01&to=2026-12-03&zone=Europe/Warsaw';
const booked = (r: { byDay: Array<{ booked: number }> }) => r.byDay.reduce((n, d) => n + d.booked, 0);

for (const dialect of DIALECTS) {
  test(`GET /reports on ${dialect}: a supervisor sees only his teams' figures, also when filtering for another team`, async (t) => {
    const app = await build(t, { now, dialect });
    const book = async (agent: string, payload: object) => assert.equal((await app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: as(agent), payload })).statusCode, 201);
    await book('1001', personalBooking({ phone: '22 100 00 01' })); // Team A
    await book('1001', skillBooking({ skill: 'Support', phone: '22 100 00 02', scheduledAt: '2026-12-02T12:00' })); // Team A
    await book('1101', personalBooking({ agentId: '1101', phone: '22 100 00 03' })); // Team B
    const teamA = (await app.inject({ url, headers: as('2001') })).json();
    assert.equal(booked(teamA), 2, 'supervisor of Team A: Team A only');
    assert.equal(booked((await app.inject({ url, headers: as('2002') })).json()), 3, 'supervisor of Teams A and B: both');
    const probe = (await app.inject({ url: `${url}&agentId=1101`, headers: as('2001') })).json();
    assert.equal(booked(probe), 0, "another team's agent as a filter reveals nothing");
    const csv = await app.inject({ url: `${url}&format=csv`, headers: as('2001') });
    assert.equal(csv.body.trim().split('\r\n').slice(1).reduce((n, line) => n + Number(line.split(',')[1]), 0), 2, 'the CSV too');
    assert.equal((await app.inject({ url, headers: as('1001') })).statusCode, 403, 'agents have no reports');
  });
}
