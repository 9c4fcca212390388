// The admin client against what Cisco documents: the pending-contacts XML of "Get List of Pending
// Contacts for Campaign" (wrapped header, numeric call status), the MANUAL entry of "Get Campaign
// Contacts Import Status", refusals classified as data or node errors, and an HA pair whose
// master changes (the UCCX simulator with two nodes).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify, { type FastifyInstance } from 'fastify';
import { UccxAdminClient } from '../../jobs/uccx/admin-client.ts';
import { parseImportStatus } from '../../jobs/uccx/contacts-xml.ts';
import { UccxError, classifyUccxRefusal } from '../../jobs/uccx/errors.ts';
import type { UccxSim } from '../../sim/uccx/index.ts';
import { startTestSim } from '../sim/uccx-helpers.ts';
import { loadConfig } from '../../config/settings.ts';

/** Cisco DevNet, "Get List of Pending Contacts for Campaign", second success response (spacing as published). */
const CISCO_PENDING = `<?xml version="1.0" encoding="UTF-8"?>
<campaignContacts>
    <campaign name="previewCampaign">
        <refURL>https://uccx-server/adminapi/campaign/932</refURL>
    </campaign>
    <csvdata>account number, first name, last name, phone1,
        phone2, phone3, dial time, call result, callback number, call status, call result 01, call result 02, call result 03, last number dialled, calls made to phone 01, calls made to phone 02, calls made to phone 03, retry, num missed call back


        , , , 1000, , , 10:45, 0, , 5, 0, 0, 0, 0, 0, 0, 0, false, 0
        , , , 1001, , , 10:45, 0, , 5, 0, 0, 0, 0, 0, 0, 0, false, 0
        CB42, Jan, Kowalski, 0221234567, , , , 0, , 1, 0, 0, 0, 0, 0, 0, 0, false, 0
        </csvdata>
</campaignContacts>`;

/** Same page, first response: the short header, also wrapped. */
const CISCO_PENDING_SHORT = `<?xml version="1.0" encoding="UTF-8"?>
<campaignContacts>
    <campaign name="previewCampaign">
        <link href="https://uccx-server/adminapi/campaign/932" rel="campaign" type="campaign"/>
    </campaign>
    <csvdata>account number, first name, last name, phone1,
        phone2, phone3, dial time


        , , , 1000, , , 10:45
        , , , 1001, , , 10:45
        </csvdata>
</campaignContacts>`;

/** "Get Campaign Contacts Import Status" sample, made well-formed: AUTO first, MANUAL second. */
const CISCO_STATUS = `<statusDetails>
    <self>https://uccx-sa3.cisco.com/adminapi/campaign/6</self>
    <campaignId>6</campaignId>
    <importStatus>
        <status importType="AUTO">
            <result>SUCCESS</result>
            <startTime>1536871071356</startTime>
            <numContactsImported>1</numContactsImported>
            <i18n><Key>obss.schedule.import.success</Key><Args><Arg/></Args></i18n>
        </status>
        <status importType="MANUAL">
            <result>SUCCESS</result>
            <i18n><Key>obss.schedule.import.success</Key><Args><Arg/></Args></i18n>
        </status>
    </importStatus>
</statusDetails>`;

describe('UccxAdminClient reads what Cisco documents', () => {
  let server: FastifyInstance;
  let url: string;
  before(async () => {
    server = Fastify();
    server.get('/adminapi/campaign/932/contacts', async (_req, reply) => reply.type('application/xml').send(CISCO_PENDING));
    server.get('/adminapi/campaign/933/contacts', async (_req, reply) => reply.type('application/xml').send(CISCO_PENDING_SHORT));
    server.get('/adminapi/campaign/934/contacts', async () => ({ campaign: { '@name': 'x' }, csvdata: 'account number, first name, last name, phone1,\n phone2, call status\n\nJ1, A, B, 0221, , 1\n' }));
    url = await server.listen({ port: 0, host: '127.0.0.1' });
  });
  after(() => server.close());
  const client = () => new UccxAdminClient({ url, user: 'a', password: 'b', timeoutMs: 1000 });

  test('pendingContacts parses <campaignContacts><csvdata> with a wrapped header and numeric call status', async () => {
    const contacts = await client().pendingContacts(932);
    assert.deepEqual(
      contacts.map((c) => [c.accountNumber, c.firstName, c.lastName, c.phone1, c.callStatus, c.callResult]),
      [['', '', '', '1000', '5', '0'], ['', '', '', '1001', '5', '0'], ['CB42', 'Jan', 'Kowalski', '0221234567', '1', '0']],
    );
    assert.deepEqual((await client().pendingContacts(933)).map((c) => c.phone1), ['1000', '1001']);
  });

  test('pendingContacts reads the JSON form (csvdata field) too', async () => {
    assert.deepEqual((await client().pendingContacts(934)).map((c) => [c.accountNumber, c.phone1, c.callStatus]), [['J1', '0221', '1']]);
  });

  test('parseImportStatus reads the MANUAL entry, not the AUTO one before it', () => {
    assert.deepEqual(parseImportStatus(CISCO_STATUS), { result: 'SUCCESS', importType: 'MANUAL', startTime: null, numContactsImported: null });
    const manualCounted = CISCO_STATUS.replace(/(<status importType="MANUAL">\s*<result>SUCCESS<\/result>)/, '$1<startTime>7</startTime><numContactsImported>3</numContactsImported>');
    assert.deepEqual(parseImportStatus(manualCounted), { result: 'SUCCESS', importType: 'MANUAL', startTime: 7, numContactsImported: 3 });
    const autoOnly = '<statusDetails><importStatus><status importType="AUTO"><result>SUCCESS</result><numContactsImported>9</numContactsImported></status></importStatus></statusDetails>';
    assert.deepEqual(parseImportStatus(autoOnly), { result: null, importType: null, startTime: null, numContactsImported: null });
  });
});

describe('classifyUccxRefusal: only field validation is about the data', () => {
  const data: Array<[string | null, string]> = [
    [null, 'Phone1 exceeds 28 characters'],
    [null, 'Invalid Phone1'],
    ['Contact.AccountNumber.Length', 'Account Number exceeds 25 characters.'],
    [null, 'Phone1 is mandatory.'],
    [null, 'The CSV header must contain Phone1.'],
    [null, 'First/Last Name exceeds 50 characters.'],
    ['Malformed.Input', 'The request body could not be read'],
  ];
  const node: Array<[string | null, string]> = [
    ['Node.NotMaster', 'Configuration changes are allowed only on the master node; this node is the standby.'],
    [null, 'Service is switching over, try again later'],
    [null, 'The system is in read-only mode during failover'],
    ['Contact.Campaign.Full', 'A campaign holds at most 100000 active contacts.'],
    [null, 'Bad Request'],
    [null, ''],
  ];
  test('data errors are permanent for 400/422, node errors are not and go to the other node', () => {
    for (const [type, message] of data) {
      assert.equal(classifyUccxRefusal(type, message), 'data', message);
      const e = new UccxError('http', 'x', 400, message, null, type);
      assert.deepEqual([e.permanent, e.tryOtherNode, e.uncertain], [true, false, false], message);
    }
    for (const [type, message] of node) {
      assert.equal(classifyUccxRefusal(type, message), 'node', message);
      const e = new UccxError('http', 'x', 400, message, null, type);
      assert.deepEqual([e.permanent, e.tryOtherNode, e.uncertain], [false, true, false], message);
    }
  });
  test('503 and 403 refuse without doing anything; 500 and timeouts may have done it; a reset socket is uncertain', () => {
    assert.deepEqual([new UccxError('http', 'x', 503).uncertain, new UccxError('http', 'x', 503).tryOtherNode], [false, true]);
    assert.deepEqual([new UccxError('http', 'x', 403).permanent, new UccxError('http', 'x', 403).tryOtherNode], [false, true]);
    assert.deepEqual([new UccxError('http', 'x', 500).uncertain, new UccxError('http', 'x', 500).tryOtherNode], [true, false]);
    assert.deepEqual([new UccxError('timeout', 'x').uncertain, new UccxError('timeout', 'x').tryOtherNode], [true, false]);
    assert.deepEqual([new UccxError('unreachable', 'x', null, null, 'ECONNREFUSED').tryOtherNode, new UccxError('unreachable', 'x', null, null, 'ECONNRESET').tryOtherNode], [true, false]);
  });
});

describe('UccxAdminClient on an HA pair (simulator with two nodes)', () => {
  let sim: UccxSim;
  let cleanup: () => Promise<void>;
  before(async () => ({ sim, cleanup } = await startTestSim('sqlite', { nodes: 2 })));
  after(() => cleanup());
  const contact = (n: string) => [{ accountNumber: n, firstName: 'Jan', lastName: 'K', phone1: `0999${n.replace(/\D/g, '').padStart(6, '0')}` }];
  const rows = async (acc: string) => (await sim.db.query('SELECT 1 FROM dialinglist WHERE accountnumber = :acc', { acc })).length;

  test('writes follow the master after demote(); the next write goes to the new master first', async () => {
    const [a, b] = sim.nodes as [UccxSim['nodes'][0], UccxSim['nodes'][0]];
    const client = new UccxAdminClient({ url: a.url, url2: b.url, user: 'administrator', password: 'ciscocisco', timeoutMs: 1000 });
    await client.addContacts({ id: 200, name: 'CB_DDI_1' }, contact('H1'));
    assert.equal(client.nodes.master, a.url);
    a.demote();
    await client.addContacts({ id: 200, name: 'CB_DDI_1' }, contact('H2'));
    assert.equal(client.nodes.master, b.url, 'the refusal of the standby taught the client the new master');
    assert.deepEqual([await rows('H1'), await rows('H2')], [1, 1], 'each contact imported exactly once');
    assert.equal((await client.importStatus(200)).numContactsImported, 1);
    a.promote();
  });

  test('a stopped master: the write goes to the other node; reads are answered by whichever node runs', async () => {
    const [a, b] = sim.nodes as [UccxSim['nodes'][0], UccxSim['nodes'][0]];
    const client = new UccxAdminClient({ url: a.url, url2: b.url, user: 'administrator', password: 'ciscocisco', timeoutMs: 1000 });
    assert.ok((await client.pendingContacts(200)).some((c) => c.accountNumber === 'H1'));
    await a.stop();
    await new Promise((r) => setTimeout(r, 50)); // let the client see its kept-alive socket close (else: an uncertain reset)
    await client.addContacts({ id: 200, name: 'CB_DDI_1' }, contact('H3'));
    assert.equal(client.nodes.master, b.url);
    assert.ok((await client.pendingContacts(200)).some((c) => c.accountNumber === 'H3'));
    assert.equal(await rows('H3'), 1);
    await a.start();
  });

  test('both nodes refusing (mid switch-over) is a node error: not permanent, nothing imported', async () => {
    const [a, b] = sim.nodes as [UccxSim['nodes'][0], UccxSim['nodes'][0]];
    const client = new UccxAdminClient({ url: a.url, url2: b.url, user: 'administrator', password: 'ciscocisco', timeoutMs: 1000 });
    sim.setFault({ status: 503 });
    const err = await client.addContacts({ id: 200, name: 'CB_DDI_1' }, contact('H4')).catch((e) => e);
    sim.setFault(null);
    assert.ok(err instanceof UccxError);
    assert.deepEqual([err.status, err.permanent, err.uncertain], [503, false, false]);
    assert.equal(await rows('H4'), 0);
  });
});

describe('UCCX node settings', () => {
  test('CM_UCCX_NODES or CM_UCCX_URL + CM_UCCX_URL_2 name the pair; CM_UCCX_MAX_UNKEPT_PUSHES bounds re-pushes (default 3)', () => {
    const pick = (env: Record<string, string>) => {
      const { url, url2, maxUnkeptPushes } = loadConfig(env).uccx;
      return { url, url2, maxUnkeptPushes };
    };
    assert.deepEqual(pick({ CM_UCCX_NODES: 'https://uccx-a, https://uccx-b' }), { url: 'https://uccx-a', url2: 'https://uccx-b', maxUnkeptPushes: 3 });
    assert.deepEqual(pick({ CM_UCCX_URL: 'https://uccx-a', CM_UCCX_URL_2: 'https://uccx-b', CM_UCCX_MAX_UNKEPT_PUSHES: '5' }), { url: 'https://uccx-a', url2: 'https://uccx-b', maxUnkeptPushes: 5 });
    assert.deepEqual(pick({ CM_UCCX_URL: 'https://uccx-a' }), { url: 'https://uccx-a', url2: null, maxUnkeptPushes: 3 });
    assert.deepEqual(pick({}), { url: null, url2: null, maxUnkeptPushes: 3 });
    assert.throws(() => loadConfig({ CM_UCCX_NODES: 'https://a,https://b,https://c' }), /two nodes/);
    assert.throws(() => loadConfig({ CM_UCCX_URL_2: 'https://b' }), /needs CM_UCCX_URL/);
  });
});
