// Operations on many callbacks at once (an agent off sick): each callback goes through the same
// service as a single action, so scope checks and the lifecycle table apply one by one, and the
// answer says what happened to each.
import { listCallbacks, type CallbackRow } from '../../db/queries/callbacks.ts';
import { listHistory } from '../../db/queries/history.ts';
import { ACTIVE_STATES, type Principal } from '../../domain/types.ts';
import type { ServiceContext } from '../../db/service-context.ts';
import { visibilityOf } from './access.ts';
import { reassignCallback } from './booking.ts';
import { cancelCallback } from './lifecycle.ts';

export interface BulkResult {
  id: number;
  ok: boolean;
  status?: string;
  error?: string;
}

const MAX_BULK = 2000;

/** The active callbacks of an agent (personal ones, and ones he booked) the principal may see. */
async function activeOfAgent(ctx: ServiceContext, p: Principal, agentId: string): Promise<CallbackRow[]> {
  const found: CallbackRow[] = [];
  let cursor: string | null = null;
  do {
    const page = await listCallbacks(ctx.db, { filter: { agentId, status: [...ACTIVE_STATES] }, visibility: visibilityOf(p), limit: 200, cursor });
    found.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && found.length < MAX_BULK);
  return found;
}

async function each(ids: number[], action: (id: number) => Promise<{ status: string }>): Promise<BulkResult[]> {
  const results: BulkResult[] = [];
  for (const id of ids.slice(0, MAX_BULK)) {
    try {
      results.push({ id, ok: true, status: (await action(id)).status });
    } catch (err) {
      const e = err as { status?: number; message: string };
      // A refusal (404 out of scope, 409 invalid state) is reported per callback; other errors stop.
      if (!e.status || e.status >= 500) throw err;
      results.push({ id, ok: false, error: e.message });
    }
  }
  return results;
}

export async function bulkCancel(ctx: ServiceContext, p: Principal, target: { ids?: number[]; agentId?: string }, reason: string | null): Promise<BulkResult[]> {
  const ids = target.ids ?? (await activeOfAgent(ctx, p, target.agentId as string)).map((c) => c.id);
  return each(ids, (id) => cancelCallback(ctx, p, id, reason));
}

export async function bulkReassign(ctx: ServiceContext, p: Principal, fromAgentId: string, to: { agentId?: string | null; skill?: string | null }): Promise<BulkResult[]> {
  const ids = (await activeOfAgent(ctx, p, fromAgentId)).filter((c) => c.agentId === fromAgentId).map((c) => c.id);
  return each(ids, (id) => reassignCallback(ctx, p, id, to));
}

const CSV_COLUMNS = ['id', 'accountNumber', 'campaign', 'type', 'agentId', 'skill', 'firstName', 'lastName', 'phoneE164', 'scheduledAt', 'timeZone', 'status', 'reason', 'attempts', 'lastResult', 'createdBy', 'teamId', 'createdAt'] as const;

/** RFC 4180 field; a leading = + - @ is neutralised so a spreadsheet never runs it as a formula. */
export const csvField = (value: unknown): string => {
  let text = value == null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The callbacks the principal may see in a range of scheduled times, with their history, as CSV. */
export async function exportCallbacksCsv(ctx: ServiceContext, p: Principal, from: Date, to: Date, withHistory: boolean): Promise<string> {
  const lines = [[...CSV_COLUMNS, ...(withHistory ? ['history'] : [])].join(',')];
  let cursor: string | null = null;
  do {
    const page = await listCallbacks(ctx.db, { filter: { from, to }, visibility: visibilityOf(p), limit: 200, cursor });
    for (const c of page.items) {
      const history = withHistory ? (await listHistory(ctx.db, c.id)).map((h) => `${h.at} ${h.event} ${h.actor}`).join(' | ') : null;
      lines.push([...CSV_COLUMNS.map((k) => csvField(c[k])), ...(withHistory ? [csvField(history)] : [])].join(','));
    }
    cursor = page.nextCursor;
  } while (cursor);
  return `${lines.join('\r\n')}\r\n`;
}
