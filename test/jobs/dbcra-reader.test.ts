// SqlDbCraReader on db_cra-shaped tables (real lowercase names) on SQLite and PostgreSQL:
// the id cursor, the in-flight account numbers, the history table, and the call details.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Sequelize } from 'sequelize';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.ts';
import { createSequelize } from '../../db/connect.ts';
import { SqlDbCraReader } from '../../jobs/dbcra/sql-reader.ts';
import { openDbCraReader } from '../../jobs/dbcra/reader.ts';

const COLUMNS =
  'dialinglistid INTEGER PRIMARY KEY, campaignid INTEGER, accountnumber VARCHAR(25), callstatus INTEGER, callresult INTEGER, ' +
  'callsmadetophone01 INTEGER, callsmadetophone02 INTEGER, callsmadetophone03 INTEGER, createdatetime TIMESTAMP';

for (const dialect of DIALECTS) {
  describe(`SqlDbCraReader on ${dialect}`, () => {
    let target: TestDatabase;
    let sql: Sequelize;
    let reader: SqlDbCraReader;
    before(async () => {
      target = await createTestDatabase(dialect);
      sql = createSequelize(target.url);
      await sql.query(`CREATE TABLE dialinglist (${COLUMNS})`);
      await sql.query(`CREATE TABLE dialinglisthistory (${COLUMNS})`);
      await sql.query(
        'CREATE TABLE contactcalldetail (sessionid INTEGER, sessionseqnum INTEGER, contacttype INTEGER, campaignid INTEGER, dialinglistid INTEGER, accountnumber VARCHAR(25), contactdisposition INTEGER, customvariable1 VARCHAR(40), customvariable2 VARCHAR(40))',
      );
      await sql.query('CREATE TABLE agentconnectiondetail (sessionid INTEGER, sessionseqnum INTEGER, resourceid INTEGER, talktime INTEGER)');
      const row = (id: number, campaign: number, account: string, status: number, result: number | null, calls: [number, number, number]) =>
        `(${id}, ${campaign}, '${account}', ${status}, ${result ?? 'NULL'}, ${calls.join(', ')}, '2026-12-01 10:00:00')`;
      await sql.query(`INSERT INTO dialinglist VALUES ${[row(10, 200, 'A', 1, null, [0, 0, 0]), row(11, 200, 'B', 3, 11, [1, 1, 0]), row(12, 201, 'C', 1, null, [0, 0, 0])].join(', ')}`);
      await sql.query(`INSERT INTO dialinglisthistory VALUES ${[row(5, 200, 'D', 3, 1, [1, 0, 0]), row(11, 200, 'B', 3, 11, [1, 1, 0])].join(', ')}`);
      await sql.query(
        "INSERT INTO contactcalldetail VALUES (1, 0, 7, 200, 5, 'D', 2, '42', 'agent:1001'), (2, 0, 7, 200, NULL, NULL, 1, '43', 'csq:CSQ_Sales'), (3, 0, 1, 200, 5, 'D', 2, '42', 'x')",
      );
      // Session 1 talked to agent 1001; session 2 rang agent 1002 without an answer (talk time 0).
      await sql.query('INSERT INTO agentconnectiondetail VALUES (1, 0, 1001, 95), (2, 0, 1002, 0)');
      reader = (await openDbCraReader({ driver: 'sql', url: target.url })) as SqlDbCraReader;
    });
    after(async () => {
      await reader.close();
      await sql.close();
      await target.drop();
    });

    test('readContacts: rows above the cursor plus in-flight account numbers, history included, each id once', async () => {
      const rows = await reader.readContacts([200], 10, ['D']);
      assert.deepEqual(rows.map((r) => [r.dialingListId, r.accountNumber, r.callStatus, r.callResult, r.callsMade, r.fromHistory]), [
        [5, 'D', 3, 1, 1, true],
        [11, 'B', 3, 11, 2, true],
      ]);
      assert.equal(rows[0].createdAt?.toISOString().slice(0, 10), '2026-12-01');
    });

    test('readContacts: only the account numbers without a cursor, everything with neither', async () => {
      assert.deepEqual((await reader.readContacts([200], undefined, ['A'])).map((r) => r.dialingListId), [10]);
      assert.deepEqual((await reader.readContacts([200, 201])).map((r) => r.dialingListId), [5, 10, 11, 12]);
      assert.deepEqual(await reader.readContacts([]), []);
    });

    test('readCallDetails: IVR outbound rows by dialing-list id or callback id, with disposition and whether an agent talked', async () => {
      const details = await reader.readCallDetails([200], { dialingListIds: [5], callbackIds: ['43'] });
      assert.deepEqual(details.map((d) => [d.dialingListId, d.callbackId, d.routedTo, d.disposition, d.agentConnected]).sort(), [
        [null, '43', 'csq:CSQ_Sales', 1, false],
        [5, '42', 'agent:1001', 2, true],
      ]);
    });
  });
}

describe('openDbCraReader', () => {
  test('informix: ibm_db is loaded only then, and a missing driver is a clear error', async () => {
    await assert.rejects(openDbCraReader({ driver: 'informix', url: 'DATABASE=db_cra;HOSTNAME=uccx;PORT=1504' }), /ibm_db|DRDA|SQL30081N|connect/i);
    await assert.rejects(openDbCraReader({ driver: 'sql', url: null }), /CM_DBCRA_URL/);
  });
});
