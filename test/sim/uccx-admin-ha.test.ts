// The simulator as Cisco documents UCCX: the "Add Contacts to Campaign" sample body is accepted
// as sent, duplicates without allowDuplicateContacts are dropped yet answered 202 (the MANUAL
// import status shows the count kept), and the admin API runs as an HA pair over one state.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { UccxSim } from '../../sim/uccx/index.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { HEADER, adminAuth, csvdataLines, postContacts, startTestSim } from './uccx-helpers.ts';

/** Cisco DevNet, "Add Contacts to Campaign", Input XML Example 1, verbatim but for line breaks. */
const CISCO_SAMPLE_BODY = `<?xml version="1.0" encoding="UTF-8"?>
<campaignContacts xmlns:xsi="https://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="campaignContacts.xsd">
    <campaign name="Campaign1">
        <refURL>https://uccx-server/adminapi/campaign/200</refURL>
    </campaign>
    <allowDuplicateContacts>true</allowDuplicateContacts>
    <csvdata>
Account Number, First Name, Last Name ,Phone1, Phone2, Phone3, Dial Time
ABCD1234, John , Doe, 1401111, 1402222, 1403333, 12:35
ABCD1235, Jane , Smith, 1504444, 1505555, 1506666, 12:35
    </csvdata>
</campaignContacts>`;

const post = (url: string, body: string) => fetch(`${url}/adminapi/campaign/200/contacts`, { method: 'POST', headers: { ...adminAuth, 'content-type': 'application/xml' }, body });
const manualStatus = async (url: string) => {
  const xml = await (await fetch(`${url}/adminapi/campaign/200/contacts/status`, { headers: adminAuth })).text();
  return /<status importType="MANUAL">([\s\S]*?)<\/status>/.exec(xml)?.[1] ?? '';
};

for (const dialect of DIALECTS) {
  describe(`UCCX simulator as documented (db_cra on ${dialect})`, () => {
    let sim: UccxSim;
    let cleanup: () => Promise<void>;
    before(async () => ({ sim, cleanup } = await startTestSim(dialect, { nodes: 2 })));
    after(() => cleanup());

    test('accepts Cisco\'s sample "Add contacts" body whose campaign name differs from the campaign', async () => {
      const res = await post(sim.url, CISCO_SAMPLE_BODY);
      assert.equal(res.status, 202, await res.text());
      const rows = await sim.db.query<{ accountnumber: string; firstname: string; phone01: string; phone03: string }>(
        "SELECT accountnumber, firstname, phone01, phone03 FROM dialinglist WHERE accountnumber LIKE 'ABCD%' ORDER BY dialinglistid",
      );
      assert.deepEqual(rows.map((r) => [r.accountnumber, r.firstname, r.phone01, r.phone03]), [['ABCD1234', 'John', '1401111', '1403333'], ['ABCD1235', 'Jane', '1504444', '1506666']]);
    });

    test('drops a duplicate without allowDuplicateContacts, answers 202, and the MANUAL status counts what it kept', async () => {
      assert.equal((await postContacts(sim, `${HEADER}\nDUP1,Jan,K,0777000111,,,`)).status, 202);
      assert.match(await manualStatus(sim.url), /<numContactsImported>1<\/numContactsImported>/);
      assert.equal((await postContacts(sim, `${HEADER}\nDUP2,Jan,K,0777000111,,,\nDUP3,Ewa,K,0777000222,,,`, false)).status, 202);
      assert.match(await manualStatus(sim.url), /<result>SUCCESS<\/result>.*<numContactsImported>1<\/numContactsImported>/);
      const pending = csvdataLines(await (await fetch(`${sim.url}/adminapi/campaign/200/contacts`, { headers: adminAuth })).text()).join('\n');
      assert.match(pending, /DUP1, /);
      assert.match(pending, /DUP3, /);
      assert.doesNotMatch(pending, /DUP2/);
    });

    test('pending contacts as JSON carry the same csvdata', async () => {
      const json = await (await fetch(`${sim.url}/adminapi/campaign/200/contacts`, { headers: { ...adminAuth, accept: 'application/json' } })).json();
      assert.equal(json.campaign['@name'], 'CB_DDI_1');
      assert.match(json.csvdata, /^account number, first name, last name, phone1,\n/);
    });

    test('two nodes share one state: both read, only the master writes; demote() switches the master', async () => {
      const [a, b] = sim.nodes;
      assert.ok(a && b && a.isMaster && !b.isMaster);
      assert.notEqual(a.url, b.url);
      const fromB = csvdataLines(await (await fetch(`${b.url}/adminapi/campaign/200/contacts`, { headers: adminAuth })).text()).join('\n');
      assert.match(fromB, /DUP1, /, 'the standby reads what the master imported');
      const refused = await postContacts({ ...sim, url: b.url }, `${HEADER}\nHA1,Jan,K,0888000111,,,`);
      assert.equal(refused.status, 400);
      assert.match(await refused.text(), /<errorType>Node\.NotMaster<\/errorType><errorMessage>[^<]*master node/);
      assert.equal((await fetch(`${b.url}/adminapi/campaign/200/contacts`, { method: 'DELETE', headers: adminAuth })).status, 400);
      a.demote();
      assert.ok(b.isMaster && !a.isMaster);
      assert.equal((await postContacts({ ...sim, url: a.url }, `${HEADER}\nHA1,Jan,K,0888000111,,,`)).status, 400);
      assert.equal((await postContacts({ ...sim, url: b.url }, `${HEADER}\nHA1,Jan,K,0888000111,,,`)).status, 202);
      assert.equal((await sim.db.query("SELECT 1 FROM dialinglist WHERE accountnumber = 'HA1'")).length, 1);
      a.promote();
    });

    test('stop() refuses connections and hands mastership to the other node; start() comes back as standby on the same URL', async () => {
      const [a, b] = sim.nodes as [UccxSim['nodes'][0], UccxSim['nodes'][0]];
      const url = a.url;
      await a.stop();
      // A kept-alive socket may fail first with a reset; a new connection is refused.
      await fetch(`${url}/adminapi/campaign`, { headers: adminAuth }).catch(() => null);
      await assert.rejects(fetch(`${url}/adminapi/campaign`, { headers: adminAuth }), (e: Error & { cause?: { code?: string } }) => e.cause?.code === 'ECONNREFUSED');
      assert.ok(b.isMaster);
      assert.equal((await postContacts({ ...sim, url: b.url }, `${HEADER}\nHA2,Jan,K,0888000222,,,`)).status, 202);
      await a.start();
      assert.equal(a.url, url);
      assert.ok(!a.isMaster && b.isMaster);
      assert.equal((await fetch(`${url}/adminapi/campaign`, { headers: adminAuth })).status, 200);
      b.demote();
    });
  });
}
