// The db_cra stand-in: the real table and column names (lowercase, as Informix folds them) on
// SQLite or PostgreSQL, so the Campaign Manager's reader runs the same SQL it runs on UCCX.
// Timestamps are UTC text 'YYYY-MM-DD HH:MM:SS.FFF', like Informix DATETIME YEAR TO FRACTION(3).
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { QueryTypes, Sequelize, type Transaction } from 'sequelize';

const CONTACT_COLUMNS = `
  dialinglistid BIGINT PRIMARY KEY, campaignid INTEGER NOT NULL, accountnumber VARCHAR(25), firstname VARCHAR(50), lastname VARCHAR(50),
  phone01 VARCHAR(28), phone02 VARCHAR(28), phone03 VARCHAR(28), callstatus SMALLINT NOT NULL, callresult SMALLINT,
  callresult01 SMALLINT, callresult02 SMALLINT, callresult03 SMALLINT, lastnumberdialed SMALLINT,
  callsmadetophone01 SMALLINT DEFAULT 0, callsmadetophone02 SMALLINT DEFAULT 0, callsmadetophone03 SMALLINT DEFAULT 0,
  retry SMALLINT DEFAULT 0, callbacknumber VARCHAR(28), callbackdatetime VARCHAR(23), nummissedcallback SMALLINT DEFAULT 0,
  createdatetime VARCHAR(23) NOT NULL, active CHAR(1) NOT NULL, dateinactive VARCHAR(23)`;

const CUSTOM_VARIABLES = Array.from({ length: 10 }, (_, i) => `customvariable${i + 1} VARCHAR(40)`).join(', ');

export const DBCRA_DDL = [
  `CREATE TABLE IF NOT EXISTS campaign (campaignid INTEGER PRIMARY KEY, campaignname VARCHAR(40) NOT NULL, enabled CHAR(1) NOT NULL,
     starttime INTEGER NOT NULL, endtime INTEGER NOT NULL, maxattempts SMALLINT NOT NULL, dialertype SMALLINT NOT NULL, campaigntype SMALLINT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS dialinglist (${CONTACT_COLUMNS})`,
  `CREATE TABLE IF NOT EXISTS dialinglisthistory (${CONTACT_COLUMNS})`,
  `CREATE TABLE IF NOT EXISTS contactcalldetail (sessionid BIGINT NOT NULL, sessionseqnum SMALLINT NOT NULL, contacttype SMALLINT NOT NULL,
     campaignid INTEGER, dialinglistid BIGINT, accountnumber VARCHAR(25), applicationname VARCHAR(30), startdatetime VARCHAR(23),
     enddatetime VARCHAR(23), contactdisposition SMALLINT, ${CUSTOM_VARIABLES}, PRIMARY KEY (sessionid, sessionseqnum))`,
  // One row per agent leg of a call (UCCX writes it when the agent leaves Work; ring-no-answer legs have talktime 0).
  `CREATE TABLE IF NOT EXISTS agentconnectiondetail (sessionid BIGINT NOT NULL, sessionseqnum SMALLINT NOT NULL, nodeid SMALLINT NOT NULL,
     profileid INTEGER NOT NULL, resourceid INTEGER NOT NULL, startdatetime VARCHAR(23) NOT NULL, enddatetime VARCHAR(23), qindex SMALLINT NOT NULL,
     ringtime SMALLINT, talktime SMALLINT, holdtime SMALLINT, worktime SMALLINT,
     PRIMARY KEY (sessionid, sessionseqnum, nodeid, profileid, resourceid, startdatetime, qindex))`,
  `CREATE INDEX IF NOT EXISTS dialinglist_campaign ON dialinglist (campaignid, callstatus)`,
];

export const dbcraTime = (d: Date) => d.toISOString().replace('T', ' ').replace('Z', '');

/** A dialinglist row as the simulator reads it (PostgreSQL hands BIGINT back as a string). */
export interface ContactRow {
  dialinglistid: number | string;
  campaignid: number;
  accountnumber: string;
  firstname: string;
  lastname: string;
  phone01: string;
  phone02: string | null;
  phone03: string | null;
  callstatus: number;
  callresult: number | null;
  callresult01: number | null;
  callresult02: number | null;
  callresult03: number | null;
  lastnumberdialed: number | null;
  callsmadetophone01: number;
  callsmadetophone02: number;
  callsmadetophone03: number;
  retry: number;
  callbacknumber: string | null;
  callbackdatetime: string | null;
  nummissedcallback: number;
  createdatetime: string;
  active: string;
  dateinactive: string | null;
}

export interface NewContact {
  accountNumber: string;
  firstName: string;
  lastName: string;
  phones: string[];
}

/**
 * Every SQLite connection (Sequelize opens one per transaction, the Campaign Manager its own) waits
 * for a lock instead of failing with SQLITE_BUSY. Sequelize 6's SQLite dialect never runs the
 * afterConnect hook, so the connection manager's getConnection is wrapped instead.
 */
function waitForSqliteLocks(sequelize: Sequelize): void {
  type Connection = { configure(option: 'busyTimeout', ms: number): void };
  const manager = sequelize.connectionManager as unknown as { getConnection(o?: unknown): Promise<Connection> };
  const getConnection = manager.getConnection.bind(manager);
  manager.getConnection = async (o?: unknown) => {
    const connection = await getConnection(o);
    connection.configure('busyTimeout', 10_000);
    return connection;
  };
}

/** db_cra files of earlier simulator versions held customvariable1..5 only. */
async function addMissingCustomVariables(sequelize: Sequelize): Promise<void> {
  try {
    await sequelize.query('SELECT customvariable10 FROM contactcalldetail WHERE 1 = 0');
  } catch {
    for (let i = 6; i <= 10; i++) await sequelize.query(`ALTER TABLE contactcalldetail ADD COLUMN customvariable${i} VARCHAR(40)`);
  }
}

/** Rows per multi-row INSERT: well under SQLite's and PostgreSQL's bind-parameter limits. */
const INSERT_BATCH = 500;

export class DbCra {
  private constructor(readonly sequelize: Sequelize, private nextId: number, private nextSession: number) {}

  static async open(url: string): Promise<DbCra> {
    let sequelize: Sequelize;
    if (url.startsWith('sqlite:')) {
      const storage = url.replace(/^sqlite:(\/\/)?/, '');
      if (storage !== ':memory:') mkdirSync(dirname(resolve(storage)), { recursive: true });
      sequelize = new Sequelize({ dialect: 'sqlite', storage, logging: false });
      waitForSqliteLocks(sequelize);
      await sequelize.query('PRAGMA journal_mode = WAL');
    } else {
      sequelize = new Sequelize(url, { logging: false });
    }
    for (const ddl of DBCRA_DDL) await sequelize.query(ddl);
    await addMissingCustomVariables(sequelize);
    const max = async (sql: string) => Number((await sequelize.query<{ m: number | null }>(sql, { type: QueryTypes.SELECT }))[0]?.m ?? 0);
    // dialinglistid keeps increasing across both tables, as in UCCX.
    const lastId = Math.max(await max('SELECT MAX(dialinglistid) AS m FROM dialinglist'), await max('SELECT MAX(dialinglistid) AS m FROM dialinglisthistory'));
    return new DbCra(sequelize, lastId + 1, (await max('SELECT MAX(sessionid) AS m FROM contactcalldetail')) + 1);
  }

  async query<T extends object = Record<string, unknown>>(sql: string, replacements: Record<string, unknown> = {}, transaction?: Transaction): Promise<T[]> {
    return this.sequelize.query<T>(sql, { replacements, type: QueryTypes.SELECT, transaction });
  }

  async run(sql: string, replacements: Record<string, unknown> = {}, transaction?: Transaction): Promise<void> {
    await this.sequelize.query(sql, { replacements, transaction });
  }

  async upsertCampaign(c: { campaignId: number; campaignName: string; enabled: boolean; startTime: string; endTime: string; maxDialAttempts: number }): Promise<void> {
    const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
    const values = { id: c.campaignId, name: c.campaignName, enabled: c.enabled ? 'T' : 'F', start: minutes(c.startTime), end: minutes(c.endTime), max: c.maxDialAttempts };
    await this.sequelize.transaction(async (t) => {
      await this.run('DELETE FROM campaign WHERE campaignid = :id', values, t);
      await this.run(
        `INSERT INTO campaign (campaignid, campaignname, enabled, starttime, endtime, maxattempts, dialertype, campaigntype)
         VALUES (:id, :name, :enabled, :start, :end, :max, 2, 0)`,
        values,
        t,
      );
    });
  }

  /**
   * One import, all or nothing: first removes the pending rows of `replacePhones` (duplicate mode
   * "overwrite"), then inserts the contacts as pending (callstatus 1). Returns their ids.
   */
  async importContacts(campaignId: number, contacts: NewContact[], now: Date, replacePhones: string[] = []): Promise<number[]> {
    const ids: number[] = [];
    await this.sequelize.transaction(async (t) => {
      for (let i = 0; i < replacePhones.length; i += INSERT_BATCH) {
        await this.run('DELETE FROM dialinglist WHERE campaignid = :campaignId AND callstatus IN (1, 4, 6, 7, 8) AND phone01 IN (:phones)', { campaignId, phones: replacePhones.slice(i, i + INSERT_BATCH) }, t);
      }
      for (let i = 0; i < contacts.length; i += INSERT_BATCH) {
        const batch = contacts.slice(i, i + INSERT_BATCH);
        const values: Record<string, unknown> = { campaignId, now: dbcraTime(now) };
        const tuples = batch.map((c, j) => {
          const id = this.nextId++;
          ids.push(id);
          Object.assign(values, { [`id${j}`]: id, [`a${j}`]: c.accountNumber, [`f${j}`]: c.firstName, [`l${j}`]: c.lastName, [`p1${j}`]: c.phones[0] ?? '', [`p2${j}`]: c.phones[1] || null, [`p3${j}`]: c.phones[2] || null });
          return `(:id${j}, :campaignId, :a${j}, :f${j}, :l${j}, :p1${j}, :p2${j}, :p3${j}, 1, 0, 0, 0, 0, 0, :now, 'T')`;
        });
        await this.run(
          `INSERT INTO dialinglist (dialinglistid, campaignid, accountnumber, firstname, lastname, phone01, phone02, phone03, callstatus,
             callsmadetophone01, callsmadetophone02, callsmadetophone03, retry, nummissedcallback, createdatetime, active)
           VALUES ${tuples.join(', ')}`,
          values,
          t,
        );
      }
    });
    return ids;
  }

  async insertContact(c: NewContact & { campaignId: number; now: Date }): Promise<number> {
    const [id] = await this.importContacts(c.campaignId, [c], c.now);
    return id as number;
  }

  /** Contacts of a campaign as GET …/contacts lists them: not closed or max-calls unless asked for a status, by id. */
  async openContacts(campaignId: number, statuses?: number[], limit = 10_000): Promise<ContactRow[]> {
    const only = statuses?.length ? `AND callstatus IN (${statuses.map(Number).join(',')})` : 'AND callstatus NOT IN (3, 5)';
    return this.query<ContactRow>(`SELECT * FROM dialinglist WHERE campaignid = :campaignId ${only} ORDER BY dialinglistid LIMIT ${Math.trunc(limit)}`, { campaignId });
  }

  /** Active records of a campaign (UCCX's 100,000 limit counts these). */
  async countActive(campaignId: number): Promise<number> {
    const [row] = await this.query<{ n: number | string }>("SELECT COUNT(*) AS n FROM dialinglist WHERE campaignid = :campaignId AND active = 'T'", { campaignId });
    return Number(row?.n ?? 0);
  }

  /** Phone1 of the contacts that block a duplicate: still open, or dialled (closed) since `since`. */
  async duplicatePhones(campaignId: number, since: Date): Promise<Set<string>> {
    const rows = await this.query<{ phone01: string }>(
      `SELECT DISTINCT phone01 FROM dialinglist WHERE campaignid = :campaignId AND (callstatus NOT IN (3, 5) OR dateinactive >= :since)`,
      { campaignId, since: dbcraTime(since) },
    );
    return new Set(rows.map((r) => r.phone01));
  }

  async deleteAllContacts(campaignId: number): Promise<void> {
    await this.run('DELETE FROM dialinglist WHERE campaignid = :campaignId', { campaignId });
  }

  async updateContact(id: number | string, set: Record<string, unknown>): Promise<void> {
    const assignments = Object.keys(set).map((k) => `${k} = :${k}`).join(', ');
    await this.run(`UPDATE dialinglist SET ${assignments} WHERE dialinglistid = :id`, { ...set, id });
  }

  /**
   * One IVR-outbound call leg (contacttype 7) with the script's _ccdrVar1..10 and its contactdisposition
   * (1 abandoned, 2 handled), and, when an agent talked to the customer, its AgentConnectionDetail row
   * (same sessionid/sessionseqnum, resourceid = the agent). Written together when the call ends.
   */
  async insertCallDetail(d: {
    campaignId: number;
    dialingListId: number | string;
    accountNumber: string;
    start: Date;
    end: Date;
    disposition: number;
    vars: string[];
    agent?: { resourceId: number; start: Date; ringSeconds: number; talkSeconds: number };
  }): Promise<number> {
    const session = this.nextSession++;
    const vars = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`v${i + 1}`, d.vars[i] ?? null]));
    const names = Array.from({ length: 10 }, (_, i) => `customvariable${i + 1}`).join(', ');
    const markers = Array.from({ length: 10 }, (_, i) => `:v${i + 1}`).join(', ');
    await this.sequelize.transaction(async (t) => {
      await this.run(
        `INSERT INTO contactcalldetail (sessionid, sessionseqnum, contacttype, campaignid, dialinglistid, accountnumber, applicationname,
           startdatetime, enddatetime, contactdisposition, ${names})
         VALUES (:session, 0, 7, :campaignId, :dialingListId, :accountNumber, 'CallbackIVR', :start, :end, :disposition, ${markers})`,
        { session, campaignId: d.campaignId, dialingListId: d.dialingListId, accountNumber: d.accountNumber, disposition: d.disposition, start: dbcraTime(d.start), end: dbcraTime(d.end), ...vars },
        t,
      );
      if (!d.agent) return;
      await this.run(
        `INSERT INTO agentconnectiondetail (sessionid, sessionseqnum, nodeid, profileid, resourceid, startdatetime, enddatetime, qindex, ringtime, talktime, holdtime, worktime)
         VALUES (:session, 0, 1, 1, :resourceId, :start, :end, 1, :ring, :talk, 0, 0)`,
        { session, resourceId: d.agent.resourceId, start: dbcraTime(d.agent.start), end: dbcraTime(d.end), ring: d.agent.ringSeconds, talk: d.agent.talkSeconds },
        t,
      );
    });
    return session;
  }

  /** UCCX's midnight job: closed and max-calls rows inactive before `midnight` move to history. */
  async moveClosedToHistory(midnight: Date): Promise<number> {
    const where = `callstatus IN (3, 5) AND dateinactive < :midnight`;
    const at = { midnight: dbcraTime(midnight) };
    return this.sequelize.transaction(async (t) => {
      const [{ n }] = await this.query<{ n: number | string }>(`SELECT COUNT(*) AS n FROM dialinglist WHERE ${where}`, at, t);
      await this.run(`INSERT INTO dialinglisthistory SELECT * FROM dialinglist WHERE ${where}`, at, t);
      await this.run(`DELETE FROM dialinglist WHERE ${where}`, at, t);
      return Number(n);
    });
  }

  close(): Promise<void> {
    return this.sequelize.close();
  }
}
