// Read side for the REST API and GraphQL: lists, counts, history (availability and phone info: ./availability.ts).
import { countCallbacksByStatus, type CallbackFilter } from '../../db/queries/callbacks.ts';
import { listCallbacksPage, type CallbackSort } from '../../db/queries/callback-list.ts';
import { listHistory } from '../../db/queries/history.ts';
import type { Principal } from '../../domain/types.ts';
import { visibilityOf } from './access.ts';
import { visibleCallback } from './booking.ts';
import type { ServiceContext } from '../../db/service-context.ts';

export const MAX_PAGE = 200;

/** A page of the callbacks the principal may see: upcoming first by default, searchable. */
export function searchCallbacks(ctx: ServiceContext, p: Principal, filter: CallbackFilter, limit = 50, cursor?: string | null, opts: { sort?: CallbackSort | null; search?: string | null } = {}) {
  return listCallbacksPage(ctx.db, { filter, visibility: visibilityOf(p), limit: Math.max(1, Math.min(MAX_PAGE, limit)), cursor, sort: opts.sort ?? 'upcoming', search: opts.search });
}

export function countCallbacks(ctx: ServiceContext, p: Principal, filter: CallbackFilter) {
  return countCallbacksByStatus(ctx.db, filter, visibilityOf(p));
}

export async function callbackHistory(ctx: ServiceContext, p: Principal, id: number) {
  await visibleCallback(ctx, p, id);
  return listHistory(ctx.db, id);
}

// Availability and phone information: ./availability.ts.
