// Supervisors supervise teams they need not belong to (Finesse <teams><Team><id>): 2002 sits in
// "Supervisors" and supervises Team A and Team B; Operations (9001's team) is not his.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from '../helpers/databases.ts';
import { now, personalBooking, skillBooking } from '../api/fixtures.ts';
import { principalFromUserXml } from '../../bff/services/finesse-auth.ts';
import { DEMO_USERS } from '../../sim/finesse/users.ts';
import { userXml } from '../../sim/finesse/user-api.ts';
import { basic, identityRig } from './identity-helpers.ts';

const as = (id: string) => ({ authorization: basic(id) });

test('principalFromUserXml reads the supervised teams from <teams>, not the own <teamId>', () => {
  const sup = DEMO_USERS.find((u) => u.id === '2002');
  assert.ok(sup);
  const p = principalFromUserXml(userXml(sup), []);
  assert.equal(p.teamId, '8');
  assert.deepEqual(p.teamIds, ['1', '2']);
  const one = principalFromUserXml(userXml({ ...sup, supervises: [{ id: '7', name: 'Solo' }] }), []);
  assert.deepEqual(one.teamIds, ['7'], 'a single <Team> is a list too');
  const agent = principalFromUserXml(userXml(DEMO_USERS.find((u) => u.id === '1001')!), []);
  assert.deepEqual(agent.teamIds, []);
});

for (const dialect of DIALECTS) {
  describe(`supervised teams (${dialect})`, () => {
    test('a supervisor of teams A and B who belongs to neither sees both teams\' callbacks and not team C\'s', async (t) => {
      const { app } = await identityRig(t, { dialect, now });
      const book = async (user: string, payload: object) => {
        const res = await app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: as(user), payload });
        assert.equal(res.statusCode, 201, res.body);
        return res.json().id as number;
      };
      const teamA = await book('1001', personalBooking({ phone: '22 700 00 11' }));
      const teamB = await book('1101', personalBooking({ agentId: '1101', phone: '22 700 00 12' }));
      const teamC = await book('9001', skillBooking({ phone: '22 700 00 13' }));

      const listed = (await app.inject({ url: '/api/v1/callbacks?limit=50', headers: as('2002') })).json().items.map((c: { id: number }) => c.id);
      assert.deepEqual(listed.sort(), [teamA, teamB].sort());
      assert.equal((await app.inject({ url: `/api/v1/callbacks/${teamA}`, headers: as('2002') })).statusCode, 200);
      assert.equal((await app.inject({ url: `/api/v1/callbacks/${teamB}`, headers: as('2002') })).statusCode, 200);
      assert.equal((await app.inject({ url: `/api/v1/callbacks/${teamC}`, headers: as('2002') })).statusCode, 404);

      // GraphQL counts and the agents he may pick from follow the same teams.
      const gql = (query: string) => app.inject({ method: 'POST', url: '/graphql', headers: as('2002'), payload: { query } });
      const counts = (await gql('{ callbackCounts { status count } }')).json().data.callbackCounts;
      assert.deepEqual(counts, [{ status: 'scheduled', count: 2 }]);
      const agents = (await gql('{ agents { id } }')).json().data.agents.map((a: { id: string }) => a.id);
      assert.ok(agents.includes('1001') && agents.includes('1101'), agents.join());
      assert.ok(!agents.includes('9001'));

      // 2001 supervises only Team A.
      const only = (await app.inject({ url: '/api/v1/callbacks?limit=50', headers: as('2001') })).json().items.map((c: { id: number }) => c.id);
      assert.deepEqual(only, [teamA]);
    });
  });
}
