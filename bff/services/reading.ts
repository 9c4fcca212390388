// Read side for the REST API and GraphQL: lists, counts, history (availability and phone info: ./availability.ts).
import { countCallbacksByStatus, listCallbacks, type CallbackFilter } from '../../db/queries/callbacks.ts';
import { listHistory } from '../../db/queries/history.ts';
import type { Principal } from '../../domain/types.ts';
import { visibilityOf } from './access.ts';
import { visibleCallback } from './booking.ts';
import type { ServiceContext } from '../../db/service-context.ts';

export const MAX_PAGE = 200;

export function searchCallbacks(ctx: ServiceContext, p: Principal, filter: CallbackFilter, limit = 50, cursor?: string | null) {
  return listCallbacks(ctx.db, { filter, visibility: visibilityOf(p), limit: Math.max(1, Math.min(MAX_PAGE, limit)), cursor });
}

export function countCallbacks(ctx: ServiceContext, p: Principal, filter: CallbackFilter) {
  return countCallbacksByStatus(ctx.db, filter, visibilityOf(p));
}

export async function callbackHistory(ctx: ServiceContext, p: Principal, id: number) {
  await visibleCallback(ctx, p, id);
  return listHistory(ctx.db, id);
}

// Availability and phone information: ./availability.ts.
