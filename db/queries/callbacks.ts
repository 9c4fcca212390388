// One function per SQL operation on callbacks.
import { Op, QueryTypes, type Transaction, type WhereOptions } from 'sequelize';
import type { Callback, CallbackStatus } from '../../domain/types.ts';
import { INITIAL_STATE } from '../../domain/lifecycle.ts';
import { callbackSearchText } from '../../domain/search-text.ts';
import { iso, toDate, type Db, type Tx } from '../index.ts';
import { announceIfDue } from '../notify.ts';
import { driverRows } from '../driver-query.ts';

/** What a caller may see: an agent his own and the ones he booked, a supervisor those of the teams he supervises. */
export type Visibility = { role: 'admin' } | { role: 'supervisor'; teamIds: string[]; id: string } | { role: 'agent'; id: string };

export interface CallbackFilter {
  status?: string[];
  agentId?: string;
  skill?: string;
  campaign?: string;
  from?: Date;
  to?: Date;
}

export type NewCallback = Omit<Callback, 'id' | 'createdAt' | 'updatedAt' | 'version' | 'reason' | 'attempts' | 'lastResult' | 'nextAttemptAt' | 'status'> & { slotStart: string };

/** Extra columns the jobs read besides the domain view. */
export interface CallbackRow extends Callback {
  slotStart: string;
  claimedBy: string | null;
  leaseUntil: string | null;
  uccxCampaignId: number | null;
  uccxDialingListId: number | null;
  importedAt: string | null;
  /** The receiving agent's arrival and the outcome he recorded (domain/lifecycle.ts outcome events). */
  arrivedBy?: string | null;
  arrivedAt?: string | null;
  callOutcome?: string | null;
}

const pick = (r: Record<string, unknown>, camel: string, snake: string) => (camel in r ? r[camel] : r[snake]);

/** Maps a model instance's values or a raw snake_case row onto the domain shape. */
export function toCallback(row: Record<string, unknown>): CallbackRow {
  const v = (c: string, s: string) => pick(row, c, s) as never;
  const num = (c: string, s: string) => (v(c, s) == null ? null : Number(v(c, s)));
  return {
    id: Number(row.id),
    accountNumber: v('accountNumber', 'account_number'),
    campaign: v('campaign', 'campaign'),
    type: v('type', 'type'),
    agentId: v('agentId', 'agent_id') ?? null,
    skill: v('skill', 'skill') ?? null,
    firstName: v('firstName', 'first_name'),
    lastName: v('lastName', 'last_name'),
    phone: v('phone', 'phone'),
    phoneE164: v('phoneE164', 'phone_e164'),
    dialString: v('dialString', 'dial_string'),
    scheduledAt: iso(v('scheduledAt', 'scheduled_at')) as string,
    slotStart: iso(v('slotStart', 'slot_start')) as string,
    timeZone: v('timeZone', 'time_zone'),
    status: v('status', 'status'),
    reason: v('reason', 'reason') ?? null,
    attempts: Number(v('attempts', 'attempts') ?? 0),
    lastResult: v('lastResult', 'last_result') ?? null,
    nextAttemptAt: iso(v('nextAttemptAt', 'next_attempt_at')),
    notes: v('notes', 'notes') ?? null,
    source: v('source', 'source'),
    createdBy: v('createdBy', 'created_by'),
    teamId: v('teamId', 'team_id') ?? null,
    createdAt: iso(v('createdAt', 'created_at')) as string,
    updatedAt: iso(v('updatedAt', 'updated_at')) as string,
    version: Number(v('version', 'version')),
    claimedBy: v('claimedBy', 'claimed_by') ?? null,
    leaseUntil: iso(v('leaseUntil', 'lease_until')),
    uccxCampaignId: num('uccxCampaignId', 'uccx_campaign_id'),
    uccxDialingListId: num('uccxDialingListId', 'uccx_dialing_list_id'),
    importedAt: iso(v('importedAt', 'imported_at')),
    arrivedBy: v('arrivedBy', 'arrived_by') ?? null,
    arrivedAt: iso(v('arrivedAt', 'arrived_at')),
    callOutcome: v('callOutcome', 'call_outcome') ?? null,
  };
}

/** The columns a booking writes (the rest keep their defaults: no reason, result, lease or import yet). */
const INSERT_COLUMNS = [
  'account_number', 'campaign', 'type', 'agent_id', 'skill', 'first_name', 'last_name', 'phone', 'phone_e164', 'dial_string', 'scheduled_at', 'slot_start',
  'time_zone', 'notes', 'source', 'created_by', 'team_id', 'search_text', 'status', 'attempts', 'version', 'created_at', 'updated_at',
];

/** A new callback in the lifecycle's initial state: one INSERT answering the stored row (on the booking's hot path). */
export async function insertCallback(db: Db, data: NewCallback, t: Tx): Promise<CallbackRow> {
  const now = new Date();
  const [row] = await driverRows(
    db,
    db.sql.insertReturning('callbacks', INSERT_COLUMNS),
    {
      account_number: data.accountNumber, campaign: data.campaign, type: data.type, agent_id: data.agentId ?? null, skill: data.skill ?? null,
      first_name: data.firstName, last_name: data.lastName, phone: data.phone, phone_e164: data.phoneE164, dial_string: data.dialString,
      scheduled_at: new Date(data.scheduledAt), slot_start: new Date(data.slotStart), time_zone: data.timeZone, notes: data.notes ?? null,
      source: data.source, created_by: data.createdBy, team_id: data.teamId ?? null, search_text: callbackSearchText(data),
      status: INITIAL_STATE, attempts: 0, version: 1, created_at: now, updated_at: now,
    },
    t,
  );
  const created = toCallback(row);
  await announceIfDue(db, created, t); // wakes the dispatchers (db/notify.ts)
  return created;
}

export async function findCallbackById(db: Db, id: number, t?: Tx): Promise<CallbackRow | null> {
  const row = await db.models.Callback.findByPk(id, { transaction: t ?? undefined });
  return row ? toCallback(row.get({ plain: true })) : null;
}

export async function findCallbackByAccountNumber(db: Db, accountNumber: string): Promise<CallbackRow | null> {
  const row = await db.models.Callback.findOne({ where: { accountNumber } });
  return row ? toCallback(row.get({ plain: true })) : null;
}

export async function findCallbackByDialingListId(db: Db, dialingListId: number): Promise<CallbackRow | null> {
  const row = await db.models.Callback.findOne({ where: { uccxDialingListId: dialingListId } });
  return row ? toCallback(row.get({ plain: true })) : null;
}

/** The newest active callback for a number (the IVR lookup by phone). */
export async function findActiveCallbackByPhone(db: Db, phoneE164: string, activeStates: readonly string[]): Promise<CallbackRow | null> {
  const row = await db.models.Callback.findOne({ where: { phoneE164, status: [...activeStates] }, order: [['scheduledAt', 'DESC']] });
  return row ? toCallback(row.get({ plain: true })) : null;
}

/** The active callback of a number in a campaign (the booking's duplicate check; raw: it runs on every booking). */
export async function findActiveDuplicate(db: Db, phoneE164: string, campaign: string, activeStates: readonly string[], t?: Tx): Promise<CallbackRow | null> {
  const rows = await db.sequelize.query<Record<string, unknown>>('SELECT * FROM callbacks WHERE phone_e164 = :phoneE164 AND campaign = :campaign AND status IN (:states)', {
    replacements: { phoneE164, campaign, states: [...activeStates] },
    type: QueryTypes.SELECT,
    transaction: t ?? undefined,
  });
  return rows[0] ? toCallback(rows[0]) : null;
}

export function visibilityWhere(v: Visibility): WhereOptions {
  if (v.role === 'admin') return {};
  if (v.role === 'supervisor') {
    const own = [{ agentId: v.id }, { createdBy: v.id }];
    return { [Op.or]: v.teamIds.length ? [{ teamId: { [Op.in]: v.teamIds } }, ...own] : own };
  }
  return { [Op.or]: [{ agentId: v.id }, { createdBy: v.id }] };
}

export function filterWhere(f: CallbackFilter): WhereOptions {
  const w: Record<string | symbol, unknown> = {};
  if (f.status?.length) w.status = f.status;
  if (f.agentId) w.agentId = f.agentId;
  if (f.skill) w.skill = f.skill;
  if (f.campaign) w.campaign = f.campaign;
  if (f.from || f.to) w.scheduledAt = { ...(f.from && { [Op.gte]: f.from }), ...(f.to && { [Op.lt]: f.to }) };
  return w;
}

/** Keyset paging on (scheduled_at, id): stable under inserts and the same on every dialect. */
export function encodeCursor(c: { scheduledAt: string; id: number }): string {
  return Buffer.from(`${c.scheduledAt}|${c.id}`).toString('base64url');
}
function decodeCursor(cursor: string): { at: Date; id: number } | null {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const date = new Date(at ?? '');
  return Number.isNaN(date.getTime()) || !Number(id) ? null : { at: date, id: Number(id) };
}

export async function listCallbacks(
  db: Db,
  args: { filter: CallbackFilter; visibility: Visibility; limit: number; cursor?: string | null },
): Promise<{ items: CallbackRow[]; nextCursor: string | null }> {
  const after = args.cursor ? decodeCursor(args.cursor) : null;
  const keyset = after ? { [Op.or]: [{ scheduledAt: { [Op.gt]: after.at } }, { scheduledAt: after.at, id: { [Op.gt]: after.id } }] } : {};
  const rows = await db.models.Callback.findAll({
    where: { [Op.and]: [filterWhere(args.filter), visibilityWhere(args.visibility), keyset] },
    order: [['scheduledAt', 'ASC'], ['id', 'ASC']],
    limit: args.limit + 1,
  });
  const items = rows.slice(0, args.limit).map((r) => toCallback(r.get({ plain: true })));
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > args.limit && last ? encodeCursor(last) : null };
}

export async function countCallbacksByStatus(db: Db, filter: CallbackFilter, visibility: Visibility): Promise<Array<{ status: CallbackStatus; count: number }>> {
  const rows = (await db.models.Callback.findAll({
    attributes: ['status', [db.sequelize.fn('COUNT', db.sequelize.col('id')), 'count']],
    where: { [Op.and]: [filterWhere(filter), visibilityWhere(visibility)] },
    group: ['status'],
    raw: true,
  })) as unknown as Array<{ status: CallbackStatus; count: number | string }>;
  return rows.map((r) => ({ status: r.status, count: Number(r.count) })).sort((a, b) => a.status.localeCompare(b.status));
}

/**
 * Optimistic update of a callback's other columns (never its state: that is transitionCallback's):
 * applies `patch` only if the row still has `expectedVersion`, and bumps the version. Returns the
 * new row, or null when someone else changed it first.
 */
export async function updateCallback(db: Db, id: number, expectedVersion: number, patch: Partial<Record<string, unknown>>, t?: Tx): Promise<CallbackRow | null> {
  if ('status' in patch) throw new Error('updateCallback: a change of state goes through transitionCallback (db/queries/transition.ts)');
  return writeCallbackRow(db, id, expectedVersion, patch, t);
}

/** The row write behind updateCallback and transitionCallback; not for other callers. */
export async function writeCallbackRow(db: Db, id: number, expectedVersion: number, patch: Partial<Record<string, unknown>>, t?: Tx): Promise<CallbackRow | null> {
  // A caller that says when the change happened (a transition's `at`, the job clock) keeps that
  // time: Sequelize would otherwise overwrite updatedAt with the wall clock.
  const [count] = await db.models.Callback.update(
    { ...patch, version: expectedVersion + 1 },
    { where: { id, version: expectedVersion }, transaction: t ?? undefined, silent: 'updatedAt' in patch },
  );
  return count === 1 ? findCallbackById(db, id, t) : null;
}

/**
 * Claims due callbacks for a dispatcher (per-dialect SQL; see db/dialect/sql.ts): due at or before
 * now + aheadMs (CM_IMPORT_AHEAD_SECONDS: imported early so the dial, not the import, is on time).
 */
export async function claimDueCallbacks(db: Db, args: { now: Date; owner: string; leaseMs: number; limit: number; aheadMs?: number }): Promise<CallbackRow[]> {
  return runClaim(db, db.sql.claimDue, args);
}

/** Claims callbacks whose dispatch lease expired, so they can be checked against UCCX and finished. */
export async function reclaimExpiredCallbacks(db: Db, args: { now: Date; owner: string; leaseMs: number; limit: number }): Promise<CallbackRow[]> {
  return runClaim(db, db.sql.reclaimExpired, args);
}

async function runClaim(db: Db, sql: string, args: { now: Date; owner: string; leaseMs: number; limit: number; aheadMs?: number }): Promise<CallbackRow[]> {
  const dueBy = new Date(args.now.getTime() + (args.aheadMs ?? 0));
  const replacements = { now: args.now, dueBy, owner: args.owner, leaseUntil: new Date(args.now.getTime() + args.leaseMs), limit: args.limit };
  const run = (t?: Transaction) => db.sequelize.query(sql, { replacements, type: QueryTypes.SELECT, transaction: t });
  // SQLite: BEGIN IMMEDIATE takes the write lock before reading, so two processes never claim the same rows.
  const rows = db.dialect === 'sqlite' ? await db.transaction((t) => run(t)) : await run();
  return (rows as Record<string, unknown>[]).map(toCallback);
}

/** Which version of which callback changed when: the change feed pages through these, oldest first. */
export interface ChangeStamp {
  id: number;
  version: number;
  updatedAt: Date;
}

/** Stamps of callbacks changed after `since`, after the keyset cursor `after` (updated_at, id), `limit` at most. */
export async function listChangeStamps(db: Db, since: Date, after: { updatedAt: Date; id: number } | null, limit: number): Promise<ChangeStamp[]> {
  const keyset = after ? ' AND (updated_at > :afterAt OR (updated_at = :afterAt AND id > :afterId))' : '';
  const rows = await driverRows(db, `SELECT id, version, updated_at FROM callbacks WHERE updated_at > :since${keyset} ORDER BY updated_at, id ${db.sql.limit(limit)}`, {
    since,
    ...(after && { afterAt: after.updatedAt, afterId: after.id }),
  });
  return rows.map((r) => ({ id: Number(r.id), version: Number(r.version), updatedAt: toDate(r.updated_at) as Date }));
}

/** Whole callbacks by id (rows the change feed has not announced yet). */
export async function findCallbacksByIds(db: Db, ids: readonly number[]): Promise<CallbackRow[]> {
  if (!ids.length) return [];
  return (await driverRows(db, 'SELECT * FROM callbacks WHERE id IN (:ids)', { ids: [...ids] })).map(toCallback);
}
