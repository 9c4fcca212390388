// The reads the IVR needs, one function per SQL operation. The lookup only reads; the events
// write through transitionCallback (db/queries/transition.ts).
import { QueryTypes } from 'sequelize';
import type { Db } from '../db/index.ts';
import { ACTIVE_STATES, type CallbackStatus } from '../domain/types.ts';
import { toCallback, type CallbackRow } from '../db/queries/callbacks.ts';

/**
 * The callbacks of one campaign on any of `phonesE164`, newest booking first, `limit` at most.
 * Finished ones are included: a contact still in UCCX after a cancel must be answered as such.
 */
export async function findCampaignCallbacksByPhone(db: Db, campaign: string, phonesE164: string[], limit = 20): Promise<CallbackRow[]> {
  if (phonesE164.length === 0) return [];
  const rows = await db.models.Callback.findAll({
    where: { campaign, phoneE164: phonesE164 },
    order: [['scheduledAt', 'DESC'], ['id', 'DESC']],
    limit,
  });
  return rows.map((r) => toCallback(r.get({ plain: true })));
}

/** What the lookup answer needs of a callback, with the booking agent's name (one row, no model instances). */
export interface LookupRow {
  id: number;
  status: CallbackStatus;
  campaign: string;
  type: string;
  agentId: string | null;
  skill: string | null;
  firstName: string;
  lastName: string;
  bookedByName: string | null;
}

// The lookup answers a customer who is waiting on the line: one indexed statement per key,
// raw rows (Sequelize model instances cost more than the query), the agent's name joined in.
const LOOKUP_SELECT =
  'SELECT c.id, c.status, c.campaign, c.type, c.agent_id, c.skill, c.first_name, c.last_name, a.first_name AS booked_first, a.last_name AS booked_last ' +
  'FROM callbacks c LEFT JOIN agents a ON a.id = c.created_by';

const toLookupRow = (r: Record<string, unknown>): LookupRow => ({
  id: Number(r.id),
  status: r.status as CallbackStatus,
  campaign: String(r.campaign),
  type: String(r.type),
  agentId: (r.agent_id as string | null) ?? null,
  skill: (r.skill as string | null) ?? null,
  firstName: String(r.first_name),
  lastName: String(r.last_name),
  bookedByName: r.booked_first == null ? null : `${r.booked_first} ${r.booked_last ?? ''}`.trim(),
});

async function selectLookupRows(db: Db, where: string, replacements: Record<string, unknown>): Promise<LookupRow[]> {
  const rows = await db.sequelize.query<Record<string, unknown>>(`${LOOKUP_SELECT} WHERE ${where}`, { replacements, type: QueryTypes.SELECT });
  return rows.map(toLookupRow);
}

/** The parts of a node-sqlite3 Database and a node-postgres Client the lookup uses. */
interface SqliteConnection {
  all(sql: string, params: unknown[], done: (err: Error | null, rows: Array<Record<string, unknown>>) => void): void;
}
interface PgConnection {
  query(q: { name: string; text: string; values: unknown[] }): Promise<{ rows: Array<Record<string, unknown>> }>;
}

/**
 * One row by one bound value, on the connections Sequelize holds but without its query path: on
 * SQLite it captured and source-mapped an error stack for every statement (a third of a lookup's
 * CPU); on PostgreSQL the statement is prepared once per connection (`name`) and only bound after.
 * SQL Server goes through Sequelize.
 */
async function selectLookupRow(db: Db, name: string, where: string, value: string | number): Promise<LookupRow | null> {
  const sql = `${LOOKUP_SELECT} WHERE ${where}`;
  const manager = db.sequelize.connectionManager;
  let rows: Array<Record<string, unknown>>;
  if (db.dialect === 'sqlite') {
    // No transaction named: Sequelize's shared ("default") connection, the one its own reads use.
    const conn = (await manager.getConnection({} as never)) as unknown as SqliteConnection;
    rows = await new Promise((ok, fail) => conn.all(sql, [value], (err, r) => (err ? fail(err) : ok(r))));
  } else if (db.dialect === 'postgres') {
    const conn = await manager.getConnection({ type: 'SELECT' } as never);
    try {
      rows = (await (conn as unknown as PgConnection).query({ name, text: sql.replace('?', '$1'), values: [value] })).rows;
    } finally {
      await manager.releaseConnection(conn);
    }
  } else {
    rows = await db.sequelize.query<Record<string, unknown>>(sql, { replacements: [value], type: QueryTypes.SELECT });
  }
  return rows[0] ? toLookupRow(rows[0]) : null;
}

/** By the account number UCCX carries (BAAccountNumber): unique index. */
export async function findLookupRowByAccountNumber(db: Db, accountNumber: string): Promise<LookupRow | null> {
  return selectLookupRow(db, 'ivr_lookup_by_account_number', 'c.account_number = ?', accountNumber);
}

/** By the UCCX dialing list id (indexed). */
export async function findLookupRowByDialingListId(db: Db, dialingListId: number): Promise<LookupRow | null> {
  return selectLookupRow(db, 'ivr_lookup_by_dialing_list_id', 'c.uccx_dialing_list_id = ?', dialingListId);
}

/**
 * The callbacks of one campaign on any of `phonesE164`, newest booking first: the active ones when
 * there are any (the partial index callbacks_one_active_per_number answers that), else the
 * finished ones too (a contact still in UCCX after a cancel must be answered as such).
 */
export async function findLookupRowsByPhone(db: Db, campaign: string, phonesE164: string[], limit = 20): Promise<LookupRow[]> {
  if (phonesE164.length === 0) return [];
  const order = `ORDER BY c.scheduled_at DESC, c.id DESC ${db.sql.limit(limit)}`;
  const where = 'c.phone_e164 IN (:phones) AND c.campaign = :campaign';
  const active = await selectLookupRows(db, `${where} AND c.status IN (:active) ${order}`, { campaign, phones: phonesE164, active: ACTIVE_STATES });
  return active.length ? active : selectLookupRows(db, `${where} ${order}`, { campaign, phones: phonesE164 });
}
