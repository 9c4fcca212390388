// Who may book or move what (issue 9): personal callbacks for oneself (agents), for the agents of
// one's teams (supervisors), for anyone (admins); a duplicate is shown only to those who may read it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { as, build } from '../helpers/build.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { now, personalBooking, skillBooking } from '../api/fixtures.ts';
import { assertMayBookFor, assertMayMove, duplicateAnswer } from '../../bff/services/access.ts';
import { Forbidden } from '../../bff/services/errors.ts';
import type { Principal } from '../../domain/types.ts';

type App = Awaited<ReturnType<typeof build>>;
const book = (app: App, user: string, payload: object) => app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: as(user), payload });
const gql = (app: App, user: string, query: string, variables: object = {}) => app.inject({ method: 'POST', url: '/graphql', headers: as(user), payload: { query, variables } });
/** Finesse users become known agents when they first authenticate (as in production). */
const meet = async (app: App, ...users: string[]) => {
  for (const u of users) await app.inject({ url: '/api/v1/callbacks?limit=1', headers: as(u) });
};

const agent: Principal = { id: '1001', role: 'agent', teamId: '1', teamName: 'Team A', teamIds: [] };
const supervisor: Principal = { id: '2001', role: 'supervisor', teamId: '1', teamName: 'Team A', teamIds: ['1'] };
const admin: Principal = { id: '9001', role: 'admin', teamId: '9', teamName: 'Operations', teamIds: [] };

test('assertMayBookFor: agents for themselves, supervisors for their teams, admins for anyone', () => {
  assert.doesNotThrow(() => assertMayBookFor(agent, '1001', { id: '1001', teamId: '1' }));
  assert.doesNotThrow(() => assertMayBookFor(agent, null, null), 'skill callbacks: anyone');
  assert.throws(() => assertMayBookFor(agent, '1002', { id: '1002', teamId: '1' }), Forbidden);
  assert.throws(() => assertMayBookFor(agent, '4242', null), Forbidden, 'an unknown agent is still not himself');
  assert.doesNotThrow(() => assertMayBookFor(supervisor, '1002', { id: '1002', teamId: '1' }));
  assert.throws(() => assertMayBookFor(supervisor, '1101', { id: '1101', teamId: '2' }), Forbidden);
  assert.doesNotThrow(() => assertMayBookFor(admin, '1101', { id: '1101', teamId: '2' }));
});

test('assertMayMove: agents never, supervisors within their teams, admins anywhere', () => {
  assert.throws(() => assertMayMove(agent, '1001', { id: '1001', teamId: '1' }), Forbidden);
  assert.doesNotThrow(() => assertMayMove(supervisor, '1002', { id: '1002', teamId: '1' }));
  assert.doesNotThrow(() => assertMayMove(supervisor, null, null), 'to a skill');
  assert.throws(() => assertMayMove(supervisor, '1101', { id: '1101', teamId: '2' }), Forbidden);
  assert.doesNotThrow(() => assertMayMove(admin, '1101', { id: '1101', teamId: '2' }));
});

test('duplicateAnswer: the callback to readers, only whom to ask to others', () => {
  const existing = { id: 7, agentId: '1101', createdBy: '1101', teamId: '2' } as never;
  const contact = { agentId: '1101', name: 'John Smith', teamName: 'Team B' };
  assert.equal(duplicateAnswer(admin, existing, contact).existing, existing);
  const hidden = duplicateAnswer(agent, existing, contact);
  assert.equal(hidden.existing, null);
  assert.deepEqual((hidden as { contact: unknown }).contact, contact);
  assert.doesNotMatch(JSON.stringify(hidden), /Kowalski|\+48/);
});

for (const dialect of DIALECTS) {
  describe(`booking and moving scope on ${dialect}`, () => {
    test('an agent cannot book personal callbacks for a colleague or another team (403), nor fill their slots', async (t) => {
      const app = await build(t, { dialect, now });
      await meet(app, '1002', '1101');
      const forColleague = await book(app, '1001', personalBooking({ agentId: '1002' }));
      assert.equal(forColleague.statusCode, 403, forColleague.body);
      assert.equal(forColleague.json().error, 'forbidden');
      assert.equal((await book(app, '1001', personalBooking({ agentId: '1101', phone: '22 700 00 02' }))).statusCode, 403);
      assert.equal((await book(app, '1001', personalBooking())).statusCode, 201, 'for himself');
      const list = (await app.inject({ url: '/api/v1/callbacks', headers: as('9001') })).json().items;
      assert.deepEqual(list.map((c: { agentId: string }) => c.agentId), ['1001'], 'nothing was stored for the others');
    });

    test('a supervisor books for his team, not for another team; an admin for anyone', async (t) => {
      const app = await build(t, { dialect, now });
      await meet(app, '1002', '1101');
      assert.equal((await book(app, '2001', personalBooking({ agentId: '1002' }))).statusCode, 201);
      assert.equal((await book(app, '2001', personalBooking({ agentId: '1101', phone: '22 700 00 03' }))).statusCode, 403);
      assert.equal((await book(app, '9001', personalBooking({ agentId: '1101', phone: '22 700 00 04' }))).statusCode, 201);
    });

    test('a supervisor reassigns within his team only (REST and GraphQL)', async (t) => {
      const app = await build(t, { dialect, now });
      await meet(app, '1002', '1101');
      const cb = (await book(app, '1001', personalBooking())).json();
      const toOtherTeam = await app.inject({ method: 'POST', url: `/api/v1/callbacks/${cb.id}/reassign`, headers: as('2001'), payload: { agentId: '1101' } });
      assert.equal(toOtherTeam.statusCode, 403, toOtherTeam.body);
      const viaGraphql = (await gql(app, '2001', `mutation { reassignCallback(id: "${cb.id}", agentId: "1101") { callback { id } } }`)).json();
      assert.equal(viaGraphql.errors[0].extensions.code, 'FORBIDDEN');
      const within = await app.inject({ method: 'POST', url: `/api/v1/callbacks/${cb.id}/reassign`, headers: as('2001'), payload: { agentId: '1002' } });
      assert.equal(within.statusCode, 200, within.body);
      assert.equal(within.json().agentId, '1002');
      const byAdmin = await app.inject({ method: 'POST', url: `/api/v1/callbacks/${cb.id}/reassign`, headers: as('9001'), payload: { agentId: '1101' } });
      assert.equal(byAdmin.statusCode, 200, byAdmin.body);
    });

    test('the duplicate answer never shows another team\'s callback (REST 409 and GraphQL BookResult)', async (t) => {
      const app = await build(t, { dialect, now });
      const theirs = (await book(app, '1101', skillBooking({ phone: '22 555 55 55', notes: 'secret note' }))).json();
      assert.equal((await app.inject({ url: `/api/v1/callbacks/${theirs.id}`, headers: as('1001') })).statusCode, 404, 'a read is 404');
      const rest = await book(app, '1001', skillBooking({ phone: '22 555 55 55', scheduledAt: '2026-12-01T13:00' }));
      assert.equal(rest.statusCode, 409);
      assert.equal(rest.json().error, 'duplicate');
      assert.equal(rest.json().existing, null);
      assert.deepEqual(rest.json().contact, { agentId: '1101', name: 'John Smith', teamName: 'Team B' });
      assert.doesNotMatch(rest.body, /secret note|Kowalski|555|CB[0-9A-Z]{6}/);

      const BOOK = 'mutation($input: BookInput!) { bookCallback(input: $input) { callback { id } duplicate { id notes } duplicateContact { agentId name teamName } } }';
      const g = (await gql(app, '1001', BOOK, { input: skillBooking({ phone: '22 555 55 55', scheduledAt: '2026-12-01T13:00' }) })).json().data.bookCallback;
      assert.equal(g.duplicate, null);
      assert.deepEqual(g.duplicateContact, { agentId: '1101', name: 'John Smith', teamName: 'Team B' });
      // The admin may read it: he gets it in full.
      const a = (await gql(app, '9001', BOOK, { input: skillBooking({ phone: '22 555 55 55', scheduledAt: '2026-12-01T13:00' }) })).json().data.bookCallback;
      assert.equal(a.duplicate.id, String(theirs.id));
      assert.equal(a.duplicateContact, null);
    });
  });
}
