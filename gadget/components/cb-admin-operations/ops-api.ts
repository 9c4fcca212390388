// The operations view's calls to the admin API: purge on demand with its progress, and the
// stuck-callback actions (bff/routes/api/v1/operations.ts).
import type { AdminApi } from '../../admin/admin-api.ts';

import type { PurgeRun } from '../../../domain/admin-contract.ts';
export type { PurgeRun };

/** The callback fields the stuck-callback panel shows. */
export interface StuckCallback {
  id: number;
  accountNumber: string;
  campaign: string;
  status: string;
  scheduledAt: string;
  attempts: number;
  lastResult: string | null;
  reason: string | null;
}

export interface StuckResult {
  before: string;
  after: string;
  found: string;
  callback: StuckCallback;
}

const path = (s: string) => encodeURIComponent(s);

export const opsApi = (api: AdminApi) => ({
  startPurge: (campaign: string) => api.request<PurgeRun>('POST', `/api/v1/admin/campaigns/${path(campaign)}/purge`),
  purgeRun: (campaign: string, id: string) => api.request<PurgeRun>('GET', `/api/v1/admin/campaigns/${path(campaign)}/purge-runs/${path(id)}`),
  callback: (id: number) => api.request<StuckCallback>('GET', `/api/v1/callbacks/${id}`),
  reverify: (id: number) => api.request<StuckResult>('POST', `/api/v1/admin/callbacks/${id}/reverify`),
  repush: (id: number, note: string) => api.request<StuckResult>('POST', `/api/v1/admin/callbacks/${id}/repush`, note ? { note } : {}),
  forceComplete: (id: number, reason: string) => api.request<StuckResult>('POST', `/api/v1/admin/callbacks/${id}/force-complete`, { reason }),
});
