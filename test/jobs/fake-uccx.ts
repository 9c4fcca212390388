// A deliberately small UCCX stand-in for the dispatcher's unit tests (deterministic: no dialer).
// It serves the admin API calls the dispatcher makes and keeps the dialing list in a db_cra-like
// SQLite file that the real SqlDbCraReader reads. Faults: 500 before importing, 500 after
// importing (UCCX did it but said no), or no answer at all. Phone1 must be digits (else 400). The loop tests use sim/uccx instead.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { QueryTypes, Sequelize } from 'sequelize';
import { XMLParser } from 'fast-xml-parser';
import { parseCsvObjects } from '../../jobs/uccx/csv.ts';

export type FakeFault = 'none' | 'error500' | 'importThen500' | 'hang';

export interface FakeUccx {
  url: string;
  dbcraUrl: string;
  posts: number;
  /** Contacts the last import kept (the MANUAL import status). */
  lastImported: number;
  setFault(f: FakeFault): void;
  /** Called once after the next DELETE of all contacts (to fail what comes after it). */
  afterDelete: (() => void) | null;
  /** Rows of the dialing list (all, closed included). */
  rows(campaignId?: number): Promise<Array<{ dialinglistid: number; campaignid: number; accountnumber: string; callstatus: number }>>;
  setCallStatus(accountNumber: string, callstatus: number, callresult?: number): Promise<void>;
  close(): Promise<void>;
}

const CAMPAIGNS = [{ id: 200, name: 'CB_DDI_1' }, { id: 201, name: 'CB_DDI_2' }];

export async function startFakeUccx(): Promise<FakeUccx> {
  const dir = mkdtempSync(join(tmpdir(), 'fake-uccx-'));
  const dbcraUrl = `sqlite:${join(dir, 'db_cra.sqlite')}`;
  const sql = new Sequelize({ dialect: 'sqlite', storage: join(dir, 'db_cra.sqlite'), logging: false, pool: { max: 1 } });
  const cols = 'dialinglistid INTEGER PRIMARY KEY AUTOINCREMENT, campaignid INTEGER, accountnumber TEXT, firstname TEXT, lastname TEXT, phone01 TEXT, callstatus INTEGER, callresult INTEGER, callsmadetophone01 INTEGER DEFAULT 0, callsmadetophone02 INTEGER DEFAULT 0, callsmadetophone03 INTEGER DEFAULT 0, createdatetime TEXT';
  await sql.query(`CREATE TABLE dialinglist (${cols})`);
  await sql.query(`CREATE TABLE dialinglisthistory (${cols})`);
  // The columns the sync reads (db_cra's ContactCallDetail and AgentConnectionDetail, docs/uccx-simulator.md).
  await sql.query('CREATE TABLE contactcalldetail (sessionid INTEGER, sessionseqnum INTEGER, startdatetime TEXT, contacttype INTEGER, contactdisposition INTEGER, campaignid INTEGER, dialinglistid INTEGER, accountnumber TEXT, customvariable1 TEXT, customvariable2 TEXT)');
  await sql.query('CREATE TABLE agentconnectiondetail (sessionid INTEGER, sessionseqnum INTEGER, talktime INTEGER)');

  let fault: FakeFault = 'none';
  const app = Fastify({ forceCloseConnections: true });
  const xml = new XMLParser({ ignoreAttributes: false, parseTagValue: false });
  app.addContentTypeParser('application/xml', { parseAs: 'string' }, (_r, body, done) => done(null, body));
  app.addHook('onRequest', async (req, reply) => {
    if (fault === 'hang') await new Promise(() => {});
    if (req.headers.authorization !== `Basic ${Buffer.from('administrator:ciscocisco').toString('base64')}`) return reply.code(401).send();
    if (fault === 'error500' && req.url.includes('/contacts')) return reply.code(500).type('application/xml').send('<apiErrors><apiError><errorMessage>internal</errorMessage></apiError></apiErrors>');
  });
  app.get('/adminapi/campaign', async (_r, reply) =>
    reply.type('application/xml').send(`<campaigns>${CAMPAIGNS.map((c) => `<campaign><campaignId>${c.id}</campaignId><campaignName>${c.name}</campaignName></campaign>`).join('')}</campaigns>`),
  );
  app.post<{ Params: { id: string } }>('/adminapi/campaign/:id/contacts', async (req, reply) => {
    fake.posts++;
    const doc = xml.parse(req.body as string);
    for (const c of parseCsvObjects(doc.campaignContacts.csvdata)) {
      if (c.phone1.length > 28 || !/^\d+$/.test(c.phone1)) return reply.code(400).type('application/xml').send('<apiErrors><apiError><errorMessage>Invalid Phone1</errorMessage></apiError></apiErrors>');
    }
    fake.lastImported = 0;
    for (const c of parseCsvObjects(doc.campaignContacts.csvdata)) {
      fake.lastImported++;
      await sql.query("INSERT INTO dialinglist (campaignid, accountnumber, firstname, lastname, phone01, callstatus, createdatetime) VALUES (?, ?, ?, ?, ?, 1, datetime('now'))", {
        replacements: [Number(req.params.id), c.accountnumber, c.firstname, c.lastname, c.phone1],
      });
    }
    if (fault === 'importThen500') return reply.code(500).send('late failure');
    return reply.code(202).send();
  });
  app.get<{ Params: { id: string } }>('/adminapi/campaign/:id/contacts', async (req, reply) => {
    const rows = (await sql.query('SELECT * FROM dialinglist WHERE campaignid = ? AND callstatus IN (1, 4, 6, 8)', { replacements: [Number(req.params.id)], type: QueryTypes.SELECT })) as Array<Record<string, unknown>>;
    // Cisco's documented shape: <campaignContacts> with the CSV (wrapped header, numeric status) in <csvdata>.
    const lines = ['account number, first name, last name, phone1,', '  call status', '', ...rows.map((r) => [r.accountnumber, r.firstname, r.lastname, r.phone01, r.callstatus].join(', '))];
    return reply.type('application/xml').send(`<campaignContacts><campaign name="x"><refURL>x</refURL></campaign><csvdata>${lines.join('\n')}</csvdata></campaignContacts>`);
  });
  app.get<{ Params: { id: string } }>('/adminapi/campaign/:id/contacts/status', async (_req, reply) =>
    reply.type('application/xml').send(`<statusDetails><importStatus><status importType="MANUAL"><result>SUCCESS</result><numContactsImported>${fake.lastImported}</numContactsImported></status></importStatus></statusDetails>`),
  );
  app.delete<{ Params: { id: string } }>('/adminapi/campaign/:id/contacts', async (req) => {
    await sql.query('DELETE FROM dialinglist WHERE campaignid = ?', { replacements: [Number(req.params.id)] });
    fake.afterDelete?.();
    fake.afterDelete = null;
    return {};
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });

  const fake: FakeUccx = {
    url,
    dbcraUrl,
    posts: 0,
    lastImported: 0,
    afterDelete: null,
    setFault: (f) => void (fault = f),
    rows: async (campaignId) =>
      (await sql.query(`SELECT * FROM dialinglist ${campaignId ? 'WHERE campaignid = ?' : ''} ORDER BY dialinglistid`, { replacements: campaignId ? [campaignId] : [], type: QueryTypes.SELECT })) as never,
    setCallStatus: async (account, callstatus, callresult) => {
      await sql.query('UPDATE dialinglist SET callstatus = ?, callresult = ?, callsmadetophone01 = 1 WHERE accountnumber = ?', { replacements: [callstatus, callresult ?? null, account] });
    },
    close: async () => {
      fault = 'none';
      await app.close();
      await sql.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return fake;
}
