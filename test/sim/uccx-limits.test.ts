// The add-contacts rules that need more than one import: the size limits, the active-records
// limit, and UCCX's duplicate rule (drop / overwrite, "since midnight" in the server's zone).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { UccxSim } from '../../sim/uccx/index.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { HEADER, SIM_CAMPAIGNS, adminAuth, postContacts, startTestSim } from './uccx-helpers.ts';

const accounts = async (sim: UccxSim, phone: string) =>
  (await sim.db.query<{ accountnumber: string }>('SELECT accountnumber FROM dialinglist WHERE phone01 = :phone ORDER BY dialinglistid', { phone })).map((r) => r.accountnumber);

const importedCount = async (sim: UccxSim, campaignId = 200) => {
  const xml = await (await fetch(`${sim.url}/adminapi/campaign/${campaignId}/contacts/status`, { headers: adminAuth })).text();
  return Number(/<numContactsImported>(\d+)<\/numContactsImported>/.exec(xml)?.[1]);
};

for (const dialect of DIALECTS) {
  describe(`UCCX simulator import limits and duplicates (db_cra on ${dialect})`, () => {
    let sim: UccxSim;
    let cleanup: () => Promise<void>;
    // 23:30 in Warsaw: the server's midnight comes 30 minutes before UTC's.
    const start = new Date('2026-12-01T22:30:00.000Z');
    before(async () => {
      ({ sim, cleanup } = await startTestSim(dialect, {
        timeZone: 'Europe/Warsaw',
        clock: { speed: 1, start },
        limits: { activePerCampaign: 6 },
        campaigns: [...SIM_CAMPAIGNS, { ...SIM_CAMPAIGNS[0]!, campaignId: 201, campaignName: 'CB_DDI_2', allowDuplicateContacts: true }],
        dialer: { enabled: false, ringSeconds: 0 },
      }));
    });
    after(() => cleanup());

    test('readContacts refuses a file over 100,000 rows with 400 and the UCCX error body', async () => {
      const rows = Array.from({ length: 100_001 }, (_, i) => `R${i},F,L,07${String(i).padStart(8, '0')},,,`).join('\n');
      const res = await postContacts(sim, `${HEADER}\n${rows}`);
      assert.equal(res.status, 400);
      const body = await res.text();
      assert.match(body, /^<\?xml[^>]*\?><apiErrors><apiError><errorType>Contact\.File\.TooLarge<\/errorType><errorMessage>[^<]+<\/errorMessage><errorData>100001<\/errorData><\/apiError><\/apiErrors>$/);
      assert.equal((await sim.db.query("SELECT 1 FROM dialinglist WHERE accountnumber LIKE 'R%'")).length, 0);
    });

    test('POST contacts refuses an import that would pass the active records of a campaign', async () => {
      assert.equal((await postContacts(sim, `${HEADER}\nL1,F,L,0300000001,,,\nL2,F,L,0300000002,,,\nL3,F,L,0300000003,,,\nL4,F,L,0300000004,,,`)).status, 202);
      const res = await postContacts(sim, `${HEADER}\nL5,F,L,0300000005,,,\nL6,F,L,0300000006,,,\nL7,F,L,0300000007,,,`);
      assert.equal(res.status, 400);
      assert.match(await res.text(), /<errorType>Contact\.Campaign\.Full<\/errorType>.*<errorData>4<\/errorData>/);
      // Inactive (closed) rows do not count against the limit.
      await sim.db.run("UPDATE dialinglist SET callstatus = 3, active = 'F' WHERE accountnumber IN ('L1', 'L2')");
      assert.equal((await postContacts(sim, `${HEADER}\nL5,F,L,0300000005,,,\nL6,F,L,0300000006,,,\nL7,F,L,0300000007,,,`)).status, 202);
      await fetch(`${sim.url}/adminapi/campaign/200/contacts`, { method: 'DELETE', headers: adminAuth });
    });

    test('withoutDuplicates drops a phone dialled since the server-zone midnight and one repeated in the same file', async () => {
      assert.equal((await postContacts(sim, `${HEADER}\nD1,Jan,K,0221000001,,,`)).status, 202);
      await sim.dialerTick();
      await sim.dialerSettle(); // last digit 1: answered, closed (no IVR configured: default CSQ)
      const [closed] = await sim.db.query<{ callstatus: number }>("SELECT callstatus FROM dialinglist WHERE accountnumber = 'D1'");
      assert.equal(Number(closed?.callstatus), 3);
      assert.equal((await postContacts(sim, `${HEADER}\nD2,Jan,K,0221000001,,,\nD3,Ola,K,0221000002,,,\nD4,Ola,K,0221000002,,,`, false)).status, 202);
      assert.deepEqual(await accounts(sim, '0221000001'), ['D1'], 'dialled today: dropped');
      assert.deepEqual(await accounts(sim, '0221000002'), ['D3'], 'the second of the same file: dropped');
      assert.equal(await importedCount(sim), 1);
      // 00:15 in Warsaw (still 23:15 UTC): a new server day, so yesterday's call no longer blocks.
      sim.clock.advance(45 * 60_000);
      assert.equal((await postContacts(sim, `${HEADER}\nD5,Jan,K,0221000001,,,`, false)).status, 202);
      assert.deepEqual(await accounts(sim, '0221000001'), ['D1', 'D5']);
    });

    test('POST contacts uses the campaign allowDuplicateContacts when the body leaves it out', async () => {
      const body = (account: string) =>
        `<campaignContacts><campaign name="CB_DDI_2"><refURL>http://x/adminapi/campaign/201</refURL></campaign><csvdata>${HEADER}\n${account},A,B,0229999999,,,</csvdata></campaignContacts>`;
      for (const account of ['C1', 'C2']) {
        const res = await fetch(`${sim.url}/adminapi/campaign/201/contacts`, { method: 'POST', headers: { ...adminAuth, 'content-type': 'application/xml' }, body: body(account) });
        assert.equal(res.status, 202);
      }
      assert.deepEqual(await accounts(sim, '0229999999'), ['C1', 'C2']);
    });
  });

  describe(`UCCX simulator duplicateMode overwrite (db_cra on ${dialect})`, () => {
    let sim: UccxSim;
    let cleanup: () => Promise<void>;
    before(async () => ({ sim, cleanup } = await startTestSim(dialect, { duplicateMode: 'overwrite' })));
    after(() => cleanup());

    test('withoutDuplicates in overwrite mode replaces the pending contact of the same phone', async () => {
      assert.equal((await postContacts(sim, `${HEADER}\nO1,Jan,Old,0555000111,,,\nK1,Keep,Me,0555000222,,,`)).status, 202);
      assert.equal((await postContacts(sim, `${HEADER}\nO2,Jan,New,0555000111,,,`, false)).status, 202);
      const rows = await sim.db.query<{ accountnumber: string; lastname: string; callstatus: number }>('SELECT accountnumber, lastname, callstatus FROM dialinglist ORDER BY dialinglistid');
      assert.deepEqual(rows.map((r) => [r.accountnumber, r.lastname, Number(r.callstatus)]), [['K1', 'Me', 1], ['O2', 'New', 1]]);
      assert.equal(await importedCount(sim), 1);
    });
  });
}
