// The lists agents and team leads work from for a whole shift: search (number, name, account
// number), three orders, keyset paging. "upcoming" shows what still has to happen first (active
// callbacks, soonest first) and then the finished ones (newest first), so 400 days of history never
// push today's callbacks off the first page.
import { Op, type WhereOptions } from 'sequelize';
import { searchFold } from '../../domain/search-text.ts';
import { ACTIVE_STATES, TERMINAL_STATES, type CallbackStatus } from '../../domain/types.ts';
import type { Db } from '../index.ts';
import { filterWhere, toCallback, visibilityWhere, type CallbackFilter, type CallbackRow, type Visibility } from './callbacks.ts';

export const CALLBACK_SORTS = ['upcoming', 'scheduled', 'scheduled_desc'] as const;
export type CallbackSort = (typeof CALLBACK_SORTS)[number];

export interface ListArgs {
  filter: CallbackFilter;
  visibility: Visibility;
  limit: number;
  cursor?: string | null;
  sort?: CallbackSort;
  /** Part of the number (3+ digits), or of the first name, last name or account number. */
  search?: string | null;
}

type Segment = 'asc' | 'desc';
/** Which part of the order a row came from (kept on the row only while the page is built). */
const PART = Symbol('part');
interface Cursor {
  part: number;
  at: Date;
  id: number;
}

const encode = (c: { part: number; at: string; id: number }) => Buffer.from(`${c.part}|${c.at}|${c.id}`).toString('base64url');
function decode(cursor: string): Cursor | null {
  const [part, at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const date = new Date(at ?? '');
  return Number.isNaN(date.getTime()) || !Number(id) || !/^[01]$/.test(part ?? '') ? null : { part: Number(part), at: date, id: Number(id) };
}

/**
 * Search words hold letters, digits and a few signs; LIKE's own signs (% _ [ ] \) are dropped
 * rather than escaped, because each dialect escapes differently and no name or number needs them.
 */
const clean = (word: string) => word.replace(/[%_[\]\\]/g, '');
const NOTHING: WhereOptions = { id: { [Op.lt]: 0 } };

export function searchWhere(search: string | null | undefined): WhereOptions {
  const text = (search ?? '').trim();
  if (!text) return {};
  const digits = text.replace(/\D/g, '');
  if (/^[\d\s()+./-]+$/.test(text) && digits.length >= 3) {
    return { [Op.or]: [{ phoneE164: { [Op.like]: `%${digits}%` } }, { dialString: { [Op.like]: `%${digits}%` } }] };
  }
  // Every word must be found in the folded names or account number (callbacks.search_text).
  const words = searchFold(text).split(/\s+/).map(clean).filter(Boolean).slice(0, 4);
  if (words.length === 0) return NOTHING;
  return { [Op.and]: words.map((word) => ({ searchText: { [Op.like]: `%${word}%` } })) };
}

/** The parts a sort walks through, each with its states and direction. */
function partsOf(sort: CallbackSort, status: string[] | undefined): Array<{ states: string[] | undefined; dir: Segment }> {
  if (sort === 'scheduled') return [{ states: status, dir: 'asc' }];
  if (sort === 'scheduled_desc') return [{ states: status, dir: 'desc' }];
  const within = (set: readonly CallbackStatus[]) => (status?.length ? status.filter((s) => set.includes(s as CallbackStatus)) : [...set]);
  return [
    { states: within(ACTIVE_STATES), dir: 'asc' },
    { states: within(TERMINAL_STATES), dir: 'desc' },
  ];
}

export async function listCallbacksPage(db: Db, args: ListArgs): Promise<{ items: CallbackRow[]; nextCursor: string | null }> {
  const after = args.cursor ? decode(args.cursor) : null;
  const parts = partsOf(args.sort ?? 'upcoming', args.filter.status);
  const items: CallbackRow[] = [];
  for (let part = after?.part ?? 0; part < parts.length && items.length <= args.limit; part++) {
    const { states, dir } = parts[part];
    if (states && states.length === 0) continue;
    const from = after && after.part === part ? after : null;
    const cmp = dir === 'asc' ? Op.gt : Op.lt;
    const keyset = from ? { [Op.or]: [{ scheduledAt: { [cmp]: from.at } }, { scheduledAt: from.at, id: { [cmp]: from.id } }] } : {};
    const rows = await db.models.Callback.findAll({
      where: { [Op.and]: [filterWhere({ ...args.filter, status: states }), visibilityWhere(args.visibility), searchWhere(args.search), keyset] },
      order: [['scheduledAt', dir.toUpperCase()], ['id', dir.toUpperCase()]],
      limit: args.limit + 1 - items.length,
    });
    items.push(...rows.map((r) => toCallback(r.get({ plain: true }))).map((c) => Object.assign(c, { [PART]: part })));
  }
  const page = items.slice(0, args.limit);
  const last = page[page.length - 1] as (CallbackRow & { [PART]?: number }) | undefined;
  const more = items.length > args.limit;
  const nextCursor = more && last ? encode({ part: last[PART] ?? 0, at: last.scheduledAt, id: last.id }) : null;
  for (const c of page) delete (c as { [PART]?: number })[PART];
  return { items: page, nextCursor };
}
