// The db_cra SELECTs, written once with `?` markers so Sequelize (positional replacements), ODBC and
// ibm_db (parameter arrays) run the same text. Lowercase names: Informix folds identifiers. No LIMIT
// (Informix would want SELECT FIRST n): every statement is bounded by indexed keys (campaignid,
// dialinglistid) and a time floor instead, so the text is the same on Informix and the stand-in.
// Each statement and its cost is described in docs/dbcra.md.
import type { DbCraCallDetail, DbCraContact } from './reader.ts';

export interface Query {
  sql: string;
  params: unknown[];
}

/** IN lists are cut into chunks so no statement carries thousands of markers. */
export const IN_CHUNK = 500;

const CONTACT_COLUMNS =
  'dialinglistid, campaignid, accountnumber, callstatus, callresult, callsmadetophone01, callsmadetophone02, callsmadetophone03, createdatetime';
const markers = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** db_cra DATETIME text ('YYYY-MM-DD HH:MM:SS.FFF', UTC): Informix casts it, the stand-in compares it as text. */
export const dbcraTimeText = (d: Date) => d.toISOString().replace('T', ' ').replace('Z', '');

/**
 * DialingList UNION ALL DialingListHistory for the campaigns, by id cursor and/or account numbers,
 * and created at or after `createdSince` when given.
 */
export function contactsQuery(campaignIds: number[], since: number | undefined, accountNumbers: string[], createdSince?: Date): Query {
  const byAccount = accountNumbers.length ? `accountnumber IN (${markers(accountNumbers.length)})` : null;
  const byId = since !== undefined ? 'dialinglistid > ?' : null;
  const filter = [byId, byAccount].filter(Boolean).join(' OR ');
  const byTime = createdSince ? ' AND createdatetime >= ?' : '';
  const where = `campaignid IN (${markers(campaignIds.length)})${filter ? ` AND (${filter})` : ''}${byTime}`;
  const params = [...campaignIds, ...(since !== undefined ? [since] : []), ...accountNumbers, ...(createdSince ? [dbcraTimeText(createdSince)] : [])];
  const select = (table: string, history: number) => `SELECT ${CONTACT_COLUMNS}, ${history} AS fromhistory FROM ${table} WHERE ${where}`;
  return { sql: `${select('dialinglist', 0)} UNION ALL ${select('dialinglisthistory', 1)} ORDER BY 1`, params: [...params, ...params] };
}

/** ContactCallDetail of IVR outbound calls (contacttype 7) by row ids or callback ids, started at or after `startedSince`. */
export function callDetailsQuery(campaignIds: number[], dialingListIds: number[], callbackIds: string[], startedSince?: Date): Query {
  const keys = [
    dialingListIds.length ? `dialinglistid IN (${markers(dialingListIds.length)})` : null,
    callbackIds.length ? `customvariable1 IN (${markers(callbackIds.length)})` : null,
  ].filter(Boolean);
  // An agent talked when an AgentConnectionDetail row with talk time joins the call leg (same
  // sessionid/sessionseqnum): UCCX writes one per agent leg, even for a ring-no-answer (talktime 0).
  const agentLegs =
    '(SELECT COUNT(*) FROM agentconnectiondetail a WHERE a.sessionid = c.sessionid AND a.sessionseqnum = c.sessionseqnum AND a.talktime > 0) AS agentlegs';
  return {
    sql:
      `SELECT c.campaignid, c.dialinglistid, c.accountnumber, c.customvariable1, c.customvariable2, c.contactdisposition, ${agentLegs} FROM contactcalldetail c ` +
      `WHERE ${startedSince ? 'c.startdatetime >= ? AND ' : ''}c.contacttype = 7 AND c.campaignid IN (${markers(campaignIds.length)}) AND (${keys.map((k) => `c.${k}`).join(' OR ')})`,
    params: [...(startedSince ? [dbcraTimeText(startedSince)] : []), ...campaignIds, ...dialingListIds, ...callbackIds],
  };
}

const num = (v: unknown): number | null => (v == null || v === '' ? null : Number(v));
const str = (v: unknown): string | null => (v == null ? null : String(v).trim() || null);
/** db_cra timestamps are UTC ("2026-12-01 10:00:00.000", no zone): read them as UTC, not local time. */
const utcText = (text: string): Date => new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text.replace(' ', 'T') : `${text.replace(' ', 'T')}Z`);
const lower = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k.toLowerCase(), v]));

export function toContact(raw: Record<string, unknown>): DbCraContact {
  const r = lower(raw);
  const created = r.createdatetime == null ? null : r.createdatetime instanceof Date ? r.createdatetime : utcText(String(r.createdatetime));
  return {
    dialingListId: Number(r.dialinglistid),
    campaignId: Number(r.campaignid),
    accountNumber: String(r.accountnumber ?? '').trim(),
    callStatus: Number(r.callstatus),
    callResult: num(r.callresult),
    callsMade: (num(r.callsmadetophone01) ?? 0) + (num(r.callsmadetophone02) ?? 0) + (num(r.callsmadetophone03) ?? 0),
    createdAt: created && !Number.isNaN(created.getTime()) ? created : null,
    fromHistory: Number(r.fromhistory) === 1,
  };
}

export function toCallDetail(raw: Record<string, unknown>): DbCraCallDetail {
  const r = lower(raw);
  return {
    campaignId: Number(r.campaignid),
    dialingListId: num(r.dialinglistid),
    accountNumber: str(r.accountnumber),
    callbackId: str(r.customvariable1),
    routedTo: str(r.customvariable2),
    disposition: num(r.contactdisposition),
    agentConnected: (num(r.agentlegs) ?? 0) > 0,
  };
}

/** A row moving to history at midnight can be read from both tables once: keep one per id. */
export function uniqueContacts(rows: DbCraContact[]): DbCraContact[] {
  const byId = new Map<number, DbCraContact>();
  for (const row of rows) if (!byId.has(row.dialingListId) || row.fromHistory) byId.set(row.dialingListId, row);
  return [...byId.values()].sort((a, b) => a.dialingListId - b.dialingListId);
}

export function chunks<T>(items: readonly T[], size = IN_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export type RunQuery = (q: Query) => Promise<Record<string, unknown>[]>;

/** Runs contactsQuery once for the id cursor and once per account-number chunk. */
export async function readContactsWith(
  run: RunQuery,
  campaignIds: number[],
  since: number | undefined,
  accountNumbers: string[] = [],
  createdSince?: Date,
): Promise<DbCraContact[]> {
  if (campaignIds.length === 0) return [];
  const rows: DbCraContact[] = [];
  if (since !== undefined || accountNumbers.length === 0) rows.push(...(await run(contactsQuery(campaignIds, since, [], createdSince))).map(toContact));
  for (const part of chunks(accountNumbers)) rows.push(...(await run(contactsQuery(campaignIds, undefined, part, createdSince))).map(toContact));
  return uniqueContacts(rows);
}

export async function readCallDetailsWith(
  run: RunQuery,
  campaignIds: number[],
  keys: { dialingListIds?: number[]; callbackIds?: string[] },
  startedSince?: Date,
): Promise<DbCraCallDetail[]> {
  const out: DbCraCallDetail[] = [];
  if (campaignIds.length === 0) return out;
  for (const part of chunks(keys.dialingListIds ?? [])) out.push(...(await run(callDetailsQuery(campaignIds, part, [], startedSince))).map(toCallDetail));
  for (const part of chunks(keys.callbackIds ?? [])) out.push(...(await run(callDetailsQuery(campaignIds, [], part, startedSince))).map(toCallDetail));
  return out;
}

/** How far back a reader looks: `lookbackMs` before `now()`, or no time bound. */
export interface TimeBound {
  now?: () => Date;
  lookbackMs?: number;
}
export const floorOf = (bound: TimeBound): Date | undefined =>
  bound.lookbackMs ? new Date((bound.now ?? (() => new Date()))().getTime() - bound.lookbackMs) : undefined;

/**
 * The DbCraReader over any driver that runs `?`-marked SQL: the sql, odbc and ibm_db readers differ
 * only in how they run a statement and close.
 */
export abstract class StatementReader {
  constructor(protected readonly bound: TimeBound = {}) {}
  protected abstract run(q: Query): Promise<Record<string, unknown>[]>;
  abstract close(): Promise<void>;

  readContacts(campaignIds: number[], sinceDialingListId?: number, accountNumbers?: string[]): Promise<DbCraContact[]> {
    return readContactsWith((q) => this.run(q), campaignIds, sinceDialingListId, accountNumbers, floorOf(this.bound));
  }

  readCallDetails(campaignIds: number[], keys: { dialingListIds?: number[]; callbackIds?: string[] }): Promise<DbCraCallDetail[]> {
    return readCallDetailsWith((q) => this.run(q), campaignIds, keys, floorOf(this.bound));
  }
}
