// How an agent's callbacks are grouped: overdue, due soon, upcoming, finished.
import { isTerminal, type Callback } from '../api/types.ts';

export type Group = 'overdue' | 'dueSoon' | 'upcoming' | 'finished';

/** Personal callbacks of the agent, and skill callbacks he booked. */
export const isMine = (c: Callback, agentId: string | undefined): boolean =>
  c.agentId === agentId || (c.createdBy === agentId && c.agentId == null);

/** When the next call is due: the retry time while waiting to retry, else the promised time. */
export const dueAt = (c: Callback): number => new Date(c.status === 'retry_wait' && c.nextAttemptAt ? c.nextAttemptAt : c.scheduledAt).getTime();

export function groupOf(c: Callback, now: Date, dueSoonMinutes: number): Group {
  if (isTerminal(c.status)) return 'finished';
  const due = dueAt(c);
  if (due < now.getTime()) return 'overdue';
  return due - now.getTime() <= dueSoonMinutes * 60_000 ? 'dueSoon' : 'upcoming';
}

export type ListSort = 'upcoming' | 'scheduled' | 'scheduled_desc';
export const LIST_SORTS: ListSort[] = ['upcoming', 'scheduled', 'scheduled_desc'];

const byTime = (a: Callback, b: Callback) => a.scheduledAt.localeCompare(b.scheduledAt) || Number(a.id) - Number(b.id);

/** The server's orders (db/queries/callback-list.ts), for rows a live change puts in place. */
export function compareFor(sort: ListSort): (a: Callback, b: Callback) => number {
  if (sort === 'scheduled') return byTime;
  if (sort === 'scheduled_desc') return (a, b) => byTime(b, a);
  // Upcoming: what still has to happen, soonest first; then the finished ones, newest first.
  return (a, b) => Number(isTerminal(a.status)) - Number(isTerminal(b.status)) || (isTerminal(a.status) ? byTime(b, a) : byTime(a, b));
}
