import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { UccxSim } from '../../sim/uccx/index.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { HEADER, adminAuth, csvdataLines, postContacts, startTestSim } from './uccx-helpers.ts';

for (const dialect of DIALECTS) {
  describe(`UCCX simulator admin API (db_cra on ${dialect})`, () => {
    let sim: UccxSim;
    let cleanup: () => Promise<void>;
    before(async () => ({ sim, cleanup } = await startTestSim(dialect)));
    after(() => cleanup());

    test('adminApi answers 401 without Basic auth', async () => {
      const res = await fetch(`${sim.url}/adminapi/campaign`);
      assert.equal(res.status, 401);
      assert.match(await res.text(), /<apiErrors><apiError>.*<errorType>Unauthorized<\/errorType>/);
    });

    test('GET /adminapi/campaign lists campaigns in XML and JSON; 404 for an unknown id', async () => {
      const xml = await (await fetch(`${sim.url}/adminapi/campaign`, { headers: adminAuth })).text();
      assert.match(xml, /<campaigns><campaign><self>.*\/adminapi\/campaign\/200<\/self><campaignId>200<\/campaignId><campaignName>CB_DDI_1<\/campaignName>/);
      assert.match(xml, /<campaignType>IVR<\/campaignType>.*<campaignCallingNum>\+48221234567<\/campaignCallingNum>/);
      const json = await (await fetch(`${sim.url}/adminapi/campaign`, { headers: { ...adminAuth, accept: 'application/json' } })).json();
      assert.equal(json.campaign[0].campaignName, 'CB_DDI_1');
      assert.equal((await fetch(`${sim.url}/adminapi/campaign/999`, { headers: adminAuth })).status, 404);
    });

    test('GET /adminapi/campaign/{id} answers one campaign with its IVR settings in XML and JSON', async () => {
      const xml = await (await fetch(`${sim.url}/adminapi/campaign/200`, { headers: adminAuth })).text();
      assert.match(xml, /^<\?xml[^>]*\?><campaign><self>[^<]*\/adminapi\/campaign\/200<\/self><campaignId>200<\/campaignId>/);
      assert.match(xml, /<startTime>00:00<\/startTime><endTime>23:59<\/endTime><campaignType>IVR<\/campaignType><dialerType>PROGRESSIVE<\/dialerType>/);
      assert.match(xml, /<maxDialAttempts>2<\/maxDialAttempts>.*<retryNoAnswerDelay>60<\/retryNoAnswerDelay><retryBusySignalDelay>120<\/retryBusySignalDelay>/);
      const json = await (await fetch(`${sim.url}/adminapi/campaign/200`, { headers: { ...adminAuth, accept: 'application/json' } })).json();
      assert.deepEqual(
        [json.campaignId, json.enabled, json.typeSpecificInfo.obIvrProgressive.campaignCallingNum, json.typeSpecificInfo.obIvrProgressive.maxDialAttempts],
        [200, true, '+48221234567', 2],
      );
    });

    test('GET contacts refuses a q outside the documented statuses', async () => {
      const res = await fetch(`${sim.url}/adminapi/campaign/200/contacts?q=CLOSED`, { headers: adminAuth });
      assert.equal(res.status, 400);
      assert.match(await res.text(), /<errorType>Invalid\.Query<\/errorType>/);
    });

    test('POST contacts (XML and JSON) imports into dialinglist; GET lists them as <campaignContacts><csvdata>; status counts them', async () => {
      const res = await postContacts(sim, `${HEADER}\nA1,Jan,Kowalski,0221234561,,,\n"A2","Anna, Maria",Nowak,0221234562,,,`);
      assert.equal(res.status, 202);
      assert.match(res.headers.get('location') ?? '', /\/adminapi\/campaign\/200\/contacts\/status$/);
      const json = await fetch(`${sim.url}/adminapi/campaign/200/contacts`, {
        method: 'POST',
        headers: { ...adminAuth, 'content-type': 'application/json' },
        body: JSON.stringify({ campaignContacts: { campaign: { '@name': 'CB_DDI_1' }, allowDuplicateContacts: true, csvdata: `${HEADER}\nA3,Ola,Lis,0221234563,,,` } }),
      });
      assert.equal(json.status, 202);
      const rows = await sim.db.query<{ accountnumber: string; callstatus: number; firstname: string }>('SELECT accountnumber, callstatus, firstname FROM dialinglist ORDER BY dialinglistid');
      assert.deepEqual(rows.map((r) => [r.accountnumber, Number(r.callstatus), r.firstname]), [['A1', 1, 'Jan'], ['A2', 1, 'Anna, Maria'], ['A3', 1, 'Ola']]);
      const xml = await (await fetch(`${sim.url}/adminapi/campaign/200/contacts?q=PENDING`, { headers: adminAuth })).text();
      assert.match(xml, /^<\?xml[^>]*\?>\s*<campaignContacts>\s*<campaign name="CB_DDI_1">\s*<refURL>[^<]*\/adminapi\/campaign\/200<\/refURL>\s*<\/campaign>\s*<csvdata>/);
      const lines = csvdataLines(xml);
      assert.equal(lines[0], 'account number, first name, last name, phone1,', 'the header wraps as in Cisco\'s sample');
      assert.match(lines[1] as string, /^phone2, phone3, dial time, call result, callback number, call status, call result 01/);
      assert.equal(lines.length, 5);
      assert.match(lines[3] as string, /^A2, "Anna, Maria", Nowak, 0221234562, , , , 0, , 1, /, 'call status is numeric (1 = pending)');
      const status = await (await fetch(`${sim.url}/adminapi/campaign/200/contacts/status`, { headers: adminAuth })).text();
      assert.match(status, /<statusDetails><self>[^<]*\/adminapi\/campaign\/200<\/self><campaignId>200<\/campaignId><importStatus><status importType="AUTO">.*<\/status>/);
      assert.match(status, /<status importType="MANUAL"><result>SUCCESS<\/result><startTime>\d+<\/startTime><numContactsImported>1<\/numContactsImported>/);
    });

    test('POST contacts enforces the limits with a UCCX error body (whole import refused)', async () => {
      const cases: Array<[string, RegExp]> = [
        [`${HEADER}\n${'X'.repeat(26)},Jan,K,0221,,,`, /Contact\.AccountNumber\.Length/],
        [`${HEADER}\nB1,${'J'.repeat(51)},K,0221,,,`, /Contact\.Name\.Length/],
        [`${HEADER}\nB2,Jan,K,${'1'.repeat(29)},,,`, /Contact\.Phone\.Length/],
        [`${HEADER}\nB3,Jan,K,,,,`, /Contact\.Phone1\.Missing/],
      ];
      for (const [csv, type] of cases) {
        const res = await postContacts(sim, `${csv}\nB9,Ok,Row,0221999,,,`);
        assert.equal(res.status, 400);
        assert.match(await res.text(), type);
      }
      const rows = await sim.db.query("SELECT 1 FROM dialinglist WHERE accountnumber LIKE 'B%'");
      assert.equal(rows.length, 0, 'nothing of a refused import is kept');
    });

    test('POST contacts without allowDuplicateContacts drops a phone that is still pending', async () => {
      assert.equal((await postContacts(sim, `${HEADER}\nD1,Jan,K,0555000111,,,`)).status, 202);
      assert.equal((await postContacts(sim, `${HEADER}\nD2,Jan,K,0555000111,,,`, false)).status, 202);
      const rows = await sim.db.query<{ accountnumber: string }>("SELECT accountnumber FROM dialinglist WHERE phone01 = '0555000111'");
      assert.deepEqual(rows.map((r) => r.accountnumber), ['D1']);
    });

    test('GET contacts caps the csvdata at 10,000 rows', async () => {
      const many = Array.from({ length: 10_050 }, (_, i) => `M${i},F,L,06${String(i).padStart(8, '0')},,,`).join('\n');
      assert.equal((await postContacts(sim, `${HEADER}\n${many}`)).status, 202);
      const xml = await (await fetch(`${sim.url}/adminapi/campaign/200/contacts`, { headers: adminAuth })).text();
      assert.equal(csvdataLines(xml).length - 2, 10_000);
    });

    test('DELETE contacts removes every contact of the campaign', async () => {
      assert.equal((await fetch(`${sim.url}/adminapi/campaign/200/contacts`, { method: 'DELETE', headers: adminAuth })).status, 200);
      assert.equal((await sim.db.query('SELECT 1 FROM dialinglist WHERE campaignid = 200')).length, 0);
    });

    test('setFault answers 500, or never answers, until cleared', async () => {
      sim.setFault({ status: 500 });
      assert.equal((await fetch(`${sim.url}/adminapi/campaign`, { headers: adminAuth })).status, 500);
      sim.setFault({ hang: true });
      await assert.rejects(fetch(`${sim.url}/adminapi/campaign`, { headers: adminAuth, signal: AbortSignal.timeout(300) }));
      sim.setFault(null);
      assert.equal((await fetch(`${sim.url}/adminapi/campaign`, { headers: adminAuth })).status, 200);
    });
  });
}
