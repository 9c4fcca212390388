import { parseCsvObjects } from '../../jobs/uccx/csv.ts';
import { pendingContactsCsv } from '../../jobs/uccx/contacts-xml.ts';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify, { type FastifyInstance } from 'fastify';
import type { UccxSim } from '../../sim/uccx/index.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { HEADER, adminAuth, postContacts, startTestSim } from './uccx-helpers.ts';

interface Lookup { query: Record<string, string>; authorization?: string }

/** A stand-in for the Campaign Manager's IVR lookup: answers by account number. */
async function lookupStub(answers: Record<string, object>, delayMs: Record<string, number> = {}) {
  const calls: Lookup[] = [];
  const app: FastifyInstance = Fastify({ forceCloseConnections: true }); // the simulator keeps its connections alive
  app.get('/ivr/v1/lookup', async (req) => {
    const q = req.query as Record<string, string>;
    calls.push({ query: q, authorization: req.headers.authorization });
    if (delayMs[q.accountNumber as string]) await new Promise((r) => setTimeout(r, delayMs[q.accountNumber as string]));
    return answers[q.accountNumber as string] ?? { found: false, target: 'skill', csq: 'CSQ_Default' };
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url: `${url}/ivr/v1/lookup`, calls, close: () => app.close() };
}

const row = async (sim: UccxSim, account: string) =>
  (await sim.db.query<Record<string, unknown>>(`SELECT * FROM dialinglist WHERE accountnumber = :account UNION ALL SELECT * FROM dialinglisthistory WHERE accountnumber = :account`, { account }))[0];
const ccd = async (sim: UccxSim, account: string) => (await sim.db.query<Record<string, unknown>>('SELECT * FROM contactcalldetail WHERE accountnumber = :account', { account }))[0];

for (const dialect of DIALECTS) {
  describe(`UCCX simulator dialer (db_cra on ${dialect})`, () => {
    let sim: UccxSim;
    let cleanup: () => Promise<void>;
    let stub: Awaited<ReturnType<typeof lookupStub>>;
    const routed: Array<Record<string, unknown>> = [];
    before(async () => {
      stub = await lookupStub(
        {
          AGENT1: { found: true, callbackId: 11, target: 'agent', agentId: '1001', csq: 'CSQ_Sales', agentWaitSeconds: 30 },
          AGENT2: { found: true, callbackId: 12, target: 'agent', agentId: '1002', csq: 'CSQ_Sales', agentWaitSeconds: 30 },
          AGENT3: { found: true, callbackId: 15, target: 'agent', agentId: '1003', csq: 'CSQ_Sales', agentWaitSeconds: 600 },
          SCRIPT1: { found: true, callbackId: 13, target: 'script', script: 'Vip.aef', csq: 'CSQ_Vip' },
          SLOW: { found: true, callbackId: 14, target: 'skill', csq: 'CSQ_Sales' },
        },
        { SLOW: 800 },
      );
      ({ sim, cleanup } = await startTestSim(dialect, {
        clock: { speed: 1000 },
        dialer: {
          enabled: false,
          ringSeconds: 5,
          ivr: { lookupUrl: stub.url, user: 'ivr', password: 'secret', timeoutMs: 300, defaultCsq: 'CSQ_Default' },
          agents: { '1001': { loggedIn: true, ready: true }, '1002': { loggedIn: true, ready: false }, '1003': { loggedIn: true, ready: false } },
        },
      }));
      sim.events.on('routed', (e) => routed.push(e));
    });
    after(async () => (await cleanup(), await stub.close()));

    const dial = async () => (await sim.dialerTick(), await sim.dialerSettle());

    test('Dialer answer → IVR lookup with Basic auth → routed to the ready agent; CCD written', async () => {
      await postContacts(sim, `${HEADER}\nAGENT1,Jan,Kowalski,0221234561,,,`);
      await dial();
      const call = stub.calls.find((c) => c.query.accountNumber === 'AGENT1');
      assert.equal(call?.authorization, `Basic ${Buffer.from('ivr:secret').toString('base64')}`);
      assert.ok(call?.query.dialingListId && call.query.phone === '0221234561');
      const r = await row(sim, 'AGENT1');
      assert.deepEqual([Number(r?.callstatus), Number(r?.callresult), Number(r?.callsmadetophone01)], [3, 1, 1]);
      assert.deepEqual(routed.find((e) => e.accountNumber === 'AGENT1')?.agentId, '1001');
      const detail = await ccd(sim, 'AGENT1');
      assert.deepEqual([Number(detail?.contacttype), detail?.customvariable1, detail?.customvariable2], [7, '11', 'agent:1001']);
    });

    test('Dialer routes to the CSQ when the personal agent does not become ready; to a script when told', async () => {
      await postContacts(sim, `${HEADER}\nAGENT2,Jan,K,0221234562,,,\nSCRIPT1,Jan,K,0221234563,,,`);
      await dial();
      assert.equal((await ccd(sim, 'AGENT2'))?.customvariable2, 'csq:CSQ_Sales');
      assert.deepEqual([routed.find((e) => e.accountNumber === 'AGENT2')?.csq, routed.find((e) => e.accountNumber === 'AGENT2')?.fallback], ['CSQ_Sales', true]);
      assert.equal((await ccd(sim, 'SCRIPT1'))?.customvariable2, 'script:Vip.aef');
      assert.equal(routed.find((e) => e.accountNumber === 'SCRIPT1')?.script, 'Vip.aef');
    });

    test('Dialer routes to the personal agent who becomes ready within agentWaitSeconds (setAgent)', async () => {
      await postContacts(sim, `${HEADER}\nAGENT3,Jan,K,0221234564,,,`);
      await sim.dialerTick();
      while (!stub.calls.some((c) => c.query.accountNumber === 'AGENT3')) await new Promise((r) => setTimeout(r, 5));
      await new Promise((r) => setTimeout(r, 100)); // the caller waits: 100 of the 600 s at 1000x
      assert.equal(routed.some((e) => e.accountNumber === 'AGENT3'), false, 'still waiting for the agent');
      sim.setAgent('1003', { loggedIn: true, ready: true });
      await sim.dialerSettle();
      const event = routed.find((e) => e.accountNumber === 'AGENT3');
      assert.deepEqual([event?.agentId, event?.fallback], ['1003', false]);
      const detail = await ccd(sim, 'AGENT3');
      assert.deepEqual([detail?.customvariable1, detail?.customvariable2, Number(detail?.contactdisposition)], ['15', 'agent:1003', 2]);
      assert.deepEqual((event?.callVariables as Record<string, string>).BAAccountNumber, 'AGENT3');
    });

    test('Dialer: busy is retried after the busy delay, then max calls', async () => {
      await postContacts(sim, `${HEADER}\nBUSY1,Jan,K,0221234566,,,`);
      await dial();
      let r = await row(sim, 'BUSY1');
      assert.deepEqual([Number(r?.callstatus), Number(r?.callresult)], [8, 11], 'retries with delay, busy');
      await dial();
      assert.equal(Number((await row(sim, 'BUSY1'))?.callsmadetophone01), 1, 'not before the delay');
      // The pending-contacts csvdata shows the retry with the row's real columns (numeric call status, retry as a boolean).
      const xml = await (await fetch(`${sim.url}/adminapi/campaign/200/contacts?q=RETRIES_WITH_DELAY`, { headers: adminAuth })).text();
      const [fields, extra] = parseCsvObjects(pendingContactsCsv(xml));
      assert.equal(extra, undefined);
      assert.deepEqual(
        [fields?.accountnumber, fields?.callresult, fields?.callstatus, fields?.callresult01, fields?.lastnumberdialled, fields?.callsmadetophone01, fields?.retry],
        ['BUSY1', '11', '8', '11', '1', '1', 'true'],
      );
      sim.clock.advance(121_000);
      await dial();
      r = await row(sim, 'BUSY1');
      assert.deepEqual([Number(r?.callstatus), Number(r?.callsmadetophone01)], [5, 2], 'max calls after 2 attempts');
    });

    test('Dialer: an invalid number closes with callresult 4; no answer (15) and answering machine (3) are recorded', async () => {
      await postContacts(sim, `${HEADER}\nINV1,Jan,K,0221234569,,,\nNOANS,Jan,K,0221234567,,,\nAM1,Jan,K,0221234568,,,`);
      await dial();
      const inv = await row(sim, 'INV1');
      assert.deepEqual([Number(inv?.callstatus), Number(inv?.callresult)], [3, 4]);
      assert.equal(Number((await row(sim, 'NOANS'))?.callresult), 15);
      assert.equal(Number((await row(sim, 'AM1'))?.callresult), 3);
      assert.equal(await ccd(sim, 'INV1'), undefined, 'no IVR for a call that was not answered');
      const listed = await (await fetch(`${sim.url}/adminapi/campaign/200/contacts`, { headers: adminAuth })).text();
      assert.doesNotMatch(listed, /^\s*INV1,/m, 'closed contacts are not listed');
      assert.match(listed, /^\s*NOANS, .*, 15, , 8, /m, 'a retry is (call status 8: retries with delay)');
    });

    test('Dialer: a lookup that times out routes to the default CSQ', async () => {
      await postContacts(sim, `${HEADER}\nSLOW,Jan,K,0221234560,,,`);
      await dial();
      assert.equal((await ccd(sim, 'SLOW'))?.customvariable2, 'error');
      assert.equal(routed.find((e) => e.accountNumber === 'SLOW')?.csq, 'CSQ_Default');
    });

    test('midnightRollover moves closed and max-calls rows to dialinglisthistory, keeps ids', async () => {
      const before = await sim.db.query<{ dialinglistid: number }>('SELECT dialinglistid FROM dialinglist WHERE callstatus IN (3, 5)');
      assert.ok(before.length >= 4);
      sim.clock.advance(24 * 3600_000);
      const moved = await sim.midnightRollover();
      assert.equal(moved, before.length);
      const history = await sim.db.query<{ dialinglistid: number }>('SELECT dialinglistid FROM dialinglisthistory');
      assert.deepEqual(history.map((h) => Number(h.dialinglistid)).sort(), before.map((b) => Number(b.dialinglistid)).sort());
      assert.equal((await sim.db.query('SELECT 1 FROM dialinglist WHERE callstatus IN (3, 5)')).length, 0);
    });
  });
}
