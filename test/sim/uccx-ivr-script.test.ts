// The Callback IVR script emulation does what ivr/README.md says: lookup (with the campaign) →
// apologise and end, or answered → "press 1" → confirmed / not_confirmed → route → routed →
// abandoned when the customer hangs up in the queue; ContactCallDetail (and AgentConnectionDetail
// when an agent talked) written the way the Campaign Manager's sync reads them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify, { type FastifyInstance } from 'fastify';
import type { CustomerBehaviour, UccxSim } from '../../sim/uccx/index.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { HEADER, postContacts, startTestSim } from './uccx-helpers.ts';

interface Step { method: string; account: string; event?: string; body?: Record<string, unknown>; query?: Record<string, string> }

/** A stand-in for the Campaign Manager: lookup answers by account number, events are recorded. */
async function cmStub(answers: Record<string, object>) {
  const steps: Step[] = [];
  const app: FastifyInstance = Fastify({ forceCloseConnections: true });
  app.get('/ivr/v1/lookup', async (req) => {
    const q = req.query as Record<string, string>;
    steps.push({ method: 'lookup', account: q.accountNumber as string, query: q });
    return answers[q.accountNumber as string] ?? { found: false, action: 'queue', target: 'skill', csq: 'CSQ_Default' };
  });
  app.post('/ivr/v1/events', async (req) => {
    const body = req.body as Record<string, unknown>;
    const account = Object.entries(answers).find(([, a]) => (a as { callbackId: number }).callbackId === body.callbackId)?.[0] ?? String(body.accountNumber);
    steps.push({ method: 'event', account, event: String(body.event), body });
    return { callbackId: body.callbackId, event: body.event, status: 'x', applied: true };
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url: `${url}/ivr/v1/lookup`, steps, close: () => app.close() };
}

const queue = (id: number, over: object = {}) => ({ found: true, action: 'queue', callbackId: id, target: 'skill', agentId: null, csq: 'CSQ_Sales', script: null, firstName: 'Jan', bookedByName: 'Anna Nowak', campaign: 'CB_MAIN', ...over });

const BEHAVIOUR: Record<string, CustomerBehaviour> = { '0221234562': 'does_not_confirm', '0221234563': 'hangs_up', '0221234564': 'abandons_in_queue' };

for (const dialect of DIALECTS) {
  describe(`Callback IVR script emulation (db_cra on ${dialect})`, () => {
    let sim: UccxSim;
    let cleanup: () => Promise<void>;
    let cm: Awaited<ReturnType<typeof cmStub>>;
    before(async () => {
      cm = await cmStub({
        CONF: queue(21, { target: 'agent', agentId: '1001', agentWaitSeconds: 30 }),
        NOCONF: queue(22),
        HANG: queue(23),
        QABANDON: queue(24),
        GONE: { found: true, action: 'apologise_and_end', callbackId: 25, status: 'cancelled', reason: 'cancelled', target: 'none', csq: '', firstName: 'Jan' },
        NOAGENT: queue(26),
      });
      ({ sim, cleanup } = await startTestSim(dialect, {
        clock: { speed: 1000 },
        dialer: {
          enabled: false,
          ringSeconds: 1,
          ivr: { lookupUrl: cm.url, user: 'ivr', password: 'secret', timeoutMs: 2000, defaultCsq: 'CSQ_Default' },
          agents: { '1001': { loggedIn: true, ready: true } },
          customer: (phone) => BEHAVIOUR[phone] ?? 'confirms',
          queuePatienceSeconds: 60,
        },
      }));
    });
    after(async () => (await cleanup(), await cm.close()));

    const dial = async () => (await sim.dialerTick(), await sim.dialerSettle());
    const stepsOf = (account: string) => cm.steps.filter((s) => s.account === account).map((s) => s.event ?? s.method);
    const ccd = async (account: string) => (await sim.db.query<Record<string, unknown>>('SELECT * FROM contactcalldetail WHERE accountnumber = :account', { account }))[0]!;
    const agentLegs = async (session: unknown) => sim.db.query<Record<string, unknown>>('SELECT * FROM agentconnectiondetail WHERE sessionid = :session', { session });

    test('runCallbackScript: a confirming customer → lookup with the campaign, answered, confirmed, routed, agent leg written', async () => {
      await postContacts(sim, `${HEADER}\nCONF,Jan,K,0221234561,,,`);
      await dial();
      assert.deepEqual(stepsOf('CONF'), ['lookup', 'answered', 'confirmed', 'routed']);
      assert.equal(cm.steps.find((s) => s.account === 'CONF')?.query?.campaign, 'CB_DDI_1');
      assert.deepEqual(cm.steps.find((s) => s.event === 'routed' && s.account === 'CONF')?.body, { callbackId: 21, campaign: 'CB_DDI_1', event: 'routed', target: 'agent', agentId: '1001' });
      const detail = await ccd('CONF');
      assert.deepEqual([Number(detail.contactdisposition), detail.customvariable1, detail.customvariable2], [2, '21', 'agent:1001']);
      const legs = await agentLegs(detail.sessionid);
      assert.deepEqual(legs.map((l) => [Number(l.resourceid), Number(l.talktime) > 0]), [[1001, true]]);
    });

    test('runCallbackScript: no digit pressed → not_confirmed, the call ends without routing and without an agent leg', async () => {
      await postContacts(sim, `${HEADER}\nNOCONF,Jan,K,0221234562,,,`);
      await dial();
      assert.deepEqual(stepsOf('NOCONF'), ['lookup', 'answered', 'not_confirmed']);
      const detail = await ccd('NOCONF');
      assert.deepEqual([Number(detail.contactdisposition), detail.customvariable2], [2, 'not_confirmed']);
      assert.deepEqual(await agentLegs(detail.sessionid), []);
    });

    test('runCallbackScript: hanging up at the prompt → abandoned; in the queue → routed then abandoned (disposition 1, no agent leg)', async () => {
      await postContacts(sim, `${HEADER}\nHANG,Jan,K,0221234563,,,\nQABANDON,Jan,K,0221234564,,,`);
      await dial();
      assert.deepEqual(stepsOf('HANG'), ['lookup', 'answered', 'abandoned']);
      assert.deepEqual(stepsOf('QABANDON'), ['lookup', 'answered', 'confirmed', 'routed', 'abandoned']);
      for (const account of ['HANG', 'QABANDON']) {
        const detail = await ccd(account);
        assert.equal(Number(detail.contactdisposition), 1, account);
        assert.deepEqual(await agentLegs(detail.sessionid), [], account);
      }
    });

    test('runCallbackScript: a finished callback is apologised for and ended; no event is posted, no CSQ', async () => {
      const apologised: unknown[] = [];
      sim.events.on('apologised', (e) => apologised.push(e));
      await postContacts(sim, `${HEADER}\nGONE,Jan,K,0221234565,,,`);
      await dial();
      assert.deepEqual(stepsOf('GONE'), ['lookup']);
      assert.deepEqual(apologised, [{ accountNumber: 'GONE', callbackId: 25, reason: 'cancelled' }]);
      assert.equal((await ccd('GONE')).customvariable2, 'ended:cancelled');
    });

    test('runCallbackScript: queued to a CSQ where no agent becomes ready within the patience → abandoned', async () => {
      sim.setAgent('1001', { loggedIn: true, ready: false });
      await postContacts(sim, `${HEADER}\nNOAGENT,Jan,K,0221234560,,,`);
      await dial();
      sim.setAgent('1001', { loggedIn: true, ready: true });
      assert.deepEqual(stepsOf('NOAGENT'), ['lookup', 'answered', 'confirmed', 'routed', 'abandoned']);
      assert.equal(Number((await ccd('NOAGENT')).contactdisposition), 1);
    });
  });
}
