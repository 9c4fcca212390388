// The ODBC reader for real: npm `odbc` over unixODBC and Debian's psqlODBC driver, reading the
// simulator's db_cra stand-in on the PostgreSQL server with the same SQL text and `?` markers it
// sends to Informix (and that the ibm_db reader sends). Also: clear errors for missing drivers,
// and standby-first failover.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { DbCra } from '../../sim/uccx/dbcra.ts';
import { OdbcDbCraReader } from '../../jobs/dbcra/odbc-reader.ts';
import { InformixDbCraReader } from '../../jobs/dbcra/informix-reader.ts';
import { openDbCraReader } from '../../jobs/dbcra/reader.ts';
import { loadDbCraSettings } from '../../config/settings.ts';

const fixture = (name: string) => pathToFileURL(join(import.meta.dirname, 'dbcra-fixtures', name)).href;
const odbcUrl = (database: string, port = 5432) => `DRIVER={PostgreSQL Unicode};SERVER=127.0.0.1;PORT=${port};DATABASE=${database};UID=postgres`;
const T0 = new Date('2026-12-01T10:00:00.000Z');

describe('OdbcDbCraReader through psqlODBC on the PostgreSQL stand-in', () => {
  let target: TestDatabase;
  let dbcra: DbCra;
  let database: string;
  let reader: OdbcDbCraReader;
  let ids: number[];

  before(async () => {
    target = await createTestDatabase('postgres');
    database = new URL(target.url).pathname.slice(1);
    dbcra = await DbCra.open(target.url);
    ids = await dbcra.importContacts(200, [
      { accountNumber: 'CB1', firstName: 'Jan', lastName: 'K', phones: ['0048221234567'] },
      { accountNumber: 'CB2', firstName: 'Ewa', lastName: 'N', phones: ['0048221234568'] },
    ], T0);
    await dbcra.importContacts(201, [{ accountNumber: 'OTHER', firstName: 'A', lastName: 'B', phones: ['1'] }], T0);
    await dbcra.updateContact(ids[0]!, { callstatus: 3, callresult: 1, callsmadetophone01: 1, active: 'F', dateinactive: '2026-12-01 10:05:00.000' });
    await dbcra.insertCallDetail({ campaignId: 200, dialingListId: ids[0]!, accountNumber: 'CB1', start: T0, end: T0, disposition: 2, vars: ['42', 'agent:1001'] });
    // An old call of the same row, before the lookback floor: must not be read.
    await dbcra.insertCallDetail({ campaignId: 200, dialingListId: ids[0]!, accountNumber: 'CB1', start: new Date('2026-10-01T00:00:00Z'), end: T0, disposition: 2, vars: ['41', 'csq:Old'] });
    await dbcra.moveClosedToHistory(new Date('2026-12-02T00:00:00Z'));
    reader = await OdbcDbCraReader.connect(odbcUrl(database), { now: () => T0, lookbackMs: 7 * 86_400_000, moduleName: fixture('recording-odbc.mjs') });
  });
  after(async () => {
    await reader?.close();
    await dbcra?.close();
    await target?.drop();
  });

  test('readContacts: the cursor rows and the in-flight account numbers, history included', async () => {
    const rows = await reader.readContacts([200], ids[0]! - 1, ['CB1']);
    assert.deepEqual(rows.map((r) => [r.dialingListId, r.accountNumber, r.callStatus, r.callResult, r.callsMade, r.fromHistory]), [
      [ids[0], 'CB1', 3, 1, 1, true],
      [ids[1], 'CB2', 1, null, 0, false],
    ]);
    assert.equal(rows[0]!.createdAt?.toISOString(), T0.toISOString());
    assert.deepEqual((await reader.readContacts([200], undefined, ['CB2'])).map((r) => r.accountNumber), ['CB2']);
  });

  test('readCallDetails: the IVR outbound row inside the lookback, by row id and by callback id', async () => {
    const byRow = await reader.readCallDetails([200], { dialingListIds: [ids[0]!] });
    assert.deepEqual(byRow.map((d) => [d.dialingListId, d.callbackId, d.routedTo]), [[ids[0], '42', 'agent:1001']]);
    const byCallback = await reader.readCallDetails([200], { callbackIds: ['42', '41'] });
    assert.deepEqual(byCallback.map((d) => d.callbackId), ['42']);
  });

  test('the lookback floor leaves rows created before it out', async () => {
    const late = await OdbcDbCraReader.connect(odbcUrl(database), { now: () => new Date('2026-12-20T00:00:00Z'), lookbackMs: 86_400_000 });
    try {
      assert.deepEqual(await late.readContacts([200], 0, ['CB1']), []);
    } finally {
      await late.close();
    }
  });

  test('one SQL text for Informix: ? markers only, no LIMIT/FIRST/TOP, the same statements ibm_db is given', async () => {
    const odbc = (await import(fixture('recording-odbc.mjs'))) as { statements: Array<{ sql: string; params: unknown[] }> };
    const ibm = (await import(fixture('fake-ibm-db.mjs'))) as { statements: Array<{ sql: string; params: unknown[] }>; opened: string[] };
    odbc.statements.length = 0;
    const informix = await InformixDbCraReader.connect('DATABASE=db_cra;HOSTNAME=uccx-b;PORT=9089;PROTOCOL=TCPIP', { now: () => T0, lookbackMs: 7 * 86_400_000, moduleName: fixture('fake-ibm-db.mjs') });
    for (const r of [reader, informix]) {
      await r.readContacts([200], 5, ['CB1', 'CB2']);
      await r.readCallDetails([200], { dialingListIds: [1, 2], callbackIds: ['42'] });
    }
    await informix.close();
    assert.equal(odbc.statements.length, 4);
    assert.deepEqual(ibm.statements, odbc.statements);
    for (const { sql, params } of odbc.statements) {
      assert.doesNotMatch(sql, /\bLIMIT\b|\bFIRST\b|\bTOP\b|\$\d|:\w/i, sql);
      assert.equal(sql.split('?').length - 1, params.length, sql);
      assert.match(sql, /campaignid IN \(\?\)/);
      assert.match(sql, /(createdatetime|startdatetime) >= \?/);
    }
    assert.deepEqual(odbc.statements[0]!.params, [200, 5, '2026-11-24 10:00:00.000', 200, 5, '2026-11-24 10:00:00.000']);
  });
});

describe('driver errors', () => {
  test('odbc: a missing npm module and a missing ODBC driver each say what to install', async () => {
    await assert.rejects(OdbcDbCraReader.connect('DSN=x', { moduleName: 'odbc-package-not-installed' }), /CM_DBCRA_DRIVER=odbc needs the optional "odbc-package-not-installed" package.*npm install odbc/);
    await assert.rejects(
      OdbcDbCraReader.connect('DRIVER={IBM INFORMIX ODBC DRIVER (64-bit)};HOST=uccx-b;SERVER=uccx_b_uccx;SERVICE=1504;PROTOCOL=onsoctcp;DATABASE=db_cra;UID=uccxhruser;PWD=secret'),
      (err: Error) => /not installed or not registered in odbcinst\.ini/.test(err.message) && !err.message.includes('secret'),
    );
  });

  test('informix: ibm_db without its native driver, or not installed at all, is a clear error', async () => {
    await assert.rejects(openDbCraReader({ driver: 'informix', url: 'DATABASE=db_cra;HOSTNAME=uccx;PORT=9089;PROTOCOL=TCPIP' }, { log: silent() }), /CM_DBCRA_DRIVER=informix needs the optional "ibm_db" package|DRDA|SQL30081N/);
    await assert.rejects(InformixDbCraReader.connect('DATABASE=db_cra', { moduleName: 'ibm_db_not_installed' }), /CM_DBCRA_DRIVER=informix needs the optional "ibm_db_not_installed" package.*DRDA listener/);
  });
});

describe('standby first, then the other node', () => {
  let target: TestDatabase;
  let dbcra: DbCra;
  before(async () => {
    target = await createTestDatabase('postgres');
    dbcra = await DbCra.open(target.url);
    await dbcra.importContacts(200, Array.from({ length: 30 }, (_, i) => ({ accountNumber: `A${i}`, firstName: 'F', lastName: 'L', phones: [`100${i}`] })), T0);
  });
  after(async () => {
    await dbcra?.close();
    await target?.drop();
  });

  test('CM_DBCRA_NODES: the first node unreachable → the second is read; the switch is logged once, not per read or row', async () => {
    const database = new URL(target.url).pathname.slice(1);
    const settings = loadDbCraSettings({
      CM_DBCRA_DRIVER: 'odbc',
      CM_DBCRA_URL: `DRIVER={PostgreSQL Unicode};SERVER={host};PORT=5432;DATABASE=${database};UID=postgres;PWD=secret-{server}`,
      CM_DBCRA_NODES: '127.0.0.2,127.0.0.1',
    });
    assert.deepEqual([settings.url, ...settings.failoverUrls!].map((u) => /SERVER=([^;]+)/.exec(u!)?.[1]), ['127.0.0.2', '127.0.0.1']);
    // 127.0.0.2 has no PostgreSQL listening in this test: point the first node at a closed port instead.
    settings.url = odbcUrl(database, 1);
    const log = recordingLog();
    const reader = await openDbCraReader(settings, { log, now: () => T0 });
    try {
      for (let i = 0; i < 3; i++) assert.equal((await reader.readContacts([200], 0)).length, 30);
      assert.equal(log.lines.filter((l) => l.level === 'warn').length, 1);
      assert.match(log.lines[0]!.message, /reading node 2/);
      assert.doesNotMatch(JSON.stringify(log.lines), /secret|PWD/);
    } finally {
      await reader.close();
    }
  });

  test('no node answers → one error naming each node, without connection strings', async () => {
    const settings = { driver: 'odbc' as const, url: odbcUrl('x', 1), failoverUrls: [odbcUrl('y', 2)] };
    await assert.rejects(openDbCraReader(settings, { log: silent() }), (err: Error) => /node 1: [\s\S]*node 2: /.test(err.message) && !/DRIVER=/.test(err.message));
  });
});

function recordingLog() {
  const lines: Array<{ level: string; message: string; fields: Record<string, unknown> }> = [];
  return {
    lines,
    warn: (fields: Record<string, unknown>, message: string) => lines.push({ level: 'warn', message, fields }),
    info: (fields: Record<string, unknown>, message: string) => lines.push({ level: 'info', message, fields }),
  };
}
const silent = () => ({ warn: () => undefined, info: () => undefined });
