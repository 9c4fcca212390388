// The db_cra stand-in: the real table and column names (lowercase, as Informix folds them) on
// SQLite or PostgreSQL, so the Campaign Manager's reader runs the same SQL it runs on UCCX.
// Timestamps are UTC text 'YYYY-MM-DD HH:MM:SS.FFF', like Informix DATETIME YEAR TO FRACTION(3).
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { QueryTypes, Sequelize } from 'sequelize';

const CONTACT_COLUMNS = `
  dialinglistid BIGINT PRIMARY KEY, campaignid INTEGER NOT NULL, accountnumber VARCHAR(25), firstname VARCHAR(50), lastname VARCHAR(50),
  phone01 VARCHAR(28), phone02 VARCHAR(28), phone03 VARCHAR(28), callstatus SMALLINT NOT NULL, callresult SMALLINT,
  callresult01 SMALLINT, callresult02 SMALLINT, callresult03 SMALLINT, lastnumberdialed SMALLINT,
  callsmadetophone01 SMALLINT DEFAULT 0, callsmadetophone02 SMALLINT DEFAULT 0, callsmadetophone03 SMALLINT DEFAULT 0,
  retry SMALLINT DEFAULT 0, callbacknumber VARCHAR(28), callbackdatetime VARCHAR(23), nummissedcallback SMALLINT DEFAULT 0,
  createdatetime VARCHAR(23) NOT NULL, active CHAR(1) NOT NULL, dateinactive VARCHAR(23)`;

export const DBCRA_DDL = [
  `CREATE TABLE IF NOT EXISTS campaign (campaignid INTEGER PRIMARY KEY, campaignname VARCHAR(40) NOT NULL, enabled CHAR(1) NOT NULL,
     starttime INTEGER NOT NULL, endtime INTEGER NOT NULL, maxattempts SMALLINT NOT NULL, dialertype SMALLINT NOT NULL, campaigntype SMALLINT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS dialinglist (${CONTACT_COLUMNS})`,
  `CREATE TABLE IF NOT EXISTS dialinglisthistory (${CONTACT_COLUMNS})`,
  `CREATE TABLE IF NOT EXISTS contactcalldetail (sessionid BIGINT NOT NULL, sessionseqnum SMALLINT NOT NULL, contacttype SMALLINT NOT NULL,
     campaignid INTEGER, dialinglistid BIGINT, accountnumber VARCHAR(25), applicationname VARCHAR(30), startdatetime VARCHAR(23),
     enddatetime VARCHAR(23), contactdisposition SMALLINT, customvariable1 VARCHAR(40), customvariable2 VARCHAR(40),
     customvariable3 VARCHAR(40), customvariable4 VARCHAR(40), customvariable5 VARCHAR(40), PRIMARY KEY (sessionid, sessionseqnum))`,
  `CREATE INDEX IF NOT EXISTS dialinglist_campaign ON dialinglist (campaignid, callstatus)`,
];

export const dbcraTime = (d: Date) => d.toISOString().replace('T', ' ').replace('Z', '');

export interface ContactRow {
  dialinglistid: number;
  campaignid: number;
  accountnumber: string;
  firstname: string;
  lastname: string;
  phone01: string;
  phone02: string | null;
  phone03: string | null;
  callstatus: number;
  callresult: number | null;
  callsmadetophone01: number;
  callbackdatetime: string | null;
  createdatetime: string;
}

export class DbCra {
  private constructor(readonly sequelize: Sequelize, private nextId: number, private nextSession: number) {}

  static async open(url: string): Promise<DbCra> {
    let sequelize: Sequelize;
    if (url.startsWith('sqlite:')) {
      const storage = url.replace(/^sqlite:(\/\/)?/, '');
      if (storage !== ':memory:') mkdirSync(dirname(resolve(storage)), { recursive: true });
      sequelize = new Sequelize({ dialect: 'sqlite', storage, logging: false });
      // The Campaign Manager reads this file from another connection while the dialer writes.
      sequelize.addHook('afterConnect', (c: unknown) => (c as { configure(o: 'busyTimeout', ms: number): void }).configure('busyTimeout', 10_000));
      await sequelize.query('PRAGMA journal_mode = WAL');
    } else {
      sequelize = new Sequelize(url, { logging: false });
    }
    for (const ddl of DBCRA_DDL) await sequelize.query(ddl);
    const max = async (sql: string) => Number((await sequelize.query<{ m: number | null }>(sql, { type: QueryTypes.SELECT }))[0]?.m ?? 0);
    // dialinglistid keeps increasing across both tables, as in UCCX.
    const lastId = Math.max(await max('SELECT MAX(dialinglistid) AS m FROM dialinglist'), await max('SELECT MAX(dialinglistid) AS m FROM dialinglisthistory'));
    return new DbCra(sequelize, lastId + 1, (await max('SELECT MAX(sessionid) AS m FROM contactcalldetail')) + 1);
  }

  async query<T extends object = Record<string, unknown>>(sql: string, replacements: Record<string, unknown> = {}): Promise<T[]> {
    return this.sequelize.query<T>(sql, { replacements, type: QueryTypes.SELECT });
  }

  async run(sql: string, replacements: Record<string, unknown> = {}): Promise<void> {
    await this.sequelize.query(sql, { replacements });
  }

  async upsertCampaign(c: { campaignId: number; campaignName: string; enabled: boolean; startTime: string; endTime: string; maxDialAttempts: number }): Promise<void> {
    const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
    await this.run('DELETE FROM campaign WHERE campaignid = :id', { id: c.campaignId });
    await this.run(
      `INSERT INTO campaign (campaignid, campaignname, enabled, starttime, endtime, maxattempts, dialertype, campaigntype)
       VALUES (:id, :name, :enabled, :start, :end, :max, 2, 0)`,
      { id: c.campaignId, name: c.campaignName, enabled: c.enabled ? 'T' : 'F', start: minutes(c.startTime), end: minutes(c.endTime), max: c.maxDialAttempts },
    );
  }

  async insertContact(c: { campaignId: number; accountNumber: string; firstName: string; lastName: string; phones: string[]; now: Date }): Promise<number> {
    const id = this.nextId++;
    await this.run(
      `INSERT INTO dialinglist (dialinglistid, campaignid, accountnumber, firstname, lastname, phone01, phone02, phone03, callstatus,
         callsmadetophone01, callsmadetophone02, callsmadetophone03, retry, nummissedcallback, createdatetime, active)
       VALUES (:id, :campaignId, :accountNumber, :firstName, :lastName, :p1, :p2, :p3, 1, 0, 0, 0, 0, 0, :now, 'T')`,
      { id, ...c, p1: c.phones[0] ?? '', p2: c.phones[1] || null, p3: c.phones[2] || null, now: dbcraTime(c.now) },
    );
    return id;
  }

  /** Open (not closed, not max-calls) contacts of a campaign, optionally of some statuses, by id. */
  async openContacts(campaignId: number, statuses?: number[], limit = 10_000): Promise<ContactRow[]> {
    const only = statuses?.length ? `AND callstatus IN (${statuses.map(Number).join(',')})` : 'AND callstatus NOT IN (3, 5)';
    return this.query<ContactRow>(`SELECT * FROM dialinglist WHERE campaignid = :campaignId ${only} ORDER BY dialinglistid LIMIT ${Math.trunc(limit)}`, { campaignId });
  }

  async deleteAllContacts(campaignId: number): Promise<void> {
    await this.run('DELETE FROM dialinglist WHERE campaignid = :campaignId', { campaignId });
  }

  async updateContact(id: number, set: Record<string, unknown>): Promise<void> {
    const assignments = Object.keys(set).map((k) => `${k} = :${k}`).join(', ');
    await this.run(`UPDATE dialinglist SET ${assignments} WHERE dialinglistid = :id`, { ...set, id });
  }

  async insertCallDetail(d: { campaignId: number; dialingListId: number; accountNumber: string; start: Date; end: Date; disposition: number; var1: string; var2: string }): Promise<void> {
    await this.run(
      `INSERT INTO contactcalldetail (sessionid, sessionseqnum, contacttype, campaignid, dialinglistid, accountnumber, applicationname,
         startdatetime, enddatetime, contactdisposition, customvariable1, customvariable2)
       VALUES (:session, 0, 7, :campaignId, :dialingListId, :accountNumber, 'CallbackIVR', :start, :end, :disposition, :var1, :var2)`,
      { session: this.nextSession++, ...d, start: dbcraTime(d.start), end: dbcraTime(d.end) },
    );
  }

  /** UCCX's midnight job: closed and max-calls rows inactive before `midnight` move to history. */
  async moveClosedToHistory(midnight: Date): Promise<number> {
    const where = `callstatus IN (3, 5) AND dateinactive < :midnight`;
    const [{ n }] = await this.query<{ n: number }>(`SELECT COUNT(*) AS n FROM dialinglist WHERE ${where}`, { midnight: dbcraTime(midnight) });
    await this.run(`INSERT INTO dialinglisthistory SELECT * FROM dialinglist WHERE ${where}`, { midnight: dbcraTime(midnight) });
    await this.run(`DELETE FROM dialinglist WHERE ${where}`, { midnight: dbcraTime(midnight) });
    return Number(n);
  }

  close(): Promise<void> {
    return this.sequelize.close();
  }
}
