// What every job function gets: the CM database, UCCX (admin API and db_cra), a clock, who we
// are (the lease owner) and where to log. Workers build it from Config; tests build it directly.
import type { Db } from '../db/index.ts';
import type { Configuration } from '../db/queries/config.ts';
import type { Campaign } from '../domain/types.ts';
import type { CallResultMap } from '../domain/rules/call-results.ts';
import type { DbCraReader } from './dbcra/reader.ts';
import type { UccxAdminClient } from './uccx/admin-client.ts';

export interface JobLog {
  info(details: object, message?: string): void;
  warn(details: object, message?: string): void;
  error(details: object, message?: string): void;
}

export interface JobDeps {
  db: Db;
  uccx: UccxAdminClient;
  /** db_cra; null when not configured (then presence checks use the pending-contacts list only). */
  reader: DbCraReader | null;
  now: () => Date;
  /** This instance's id: the claim/lease owner. */
  owner: string;
  log: JobLog;
  /** Configuration (campaigns, skills, calendars, rules), cached by the caller. */
  config: () => Promise<Configuration>;
  /** Called after a callback changed state, so the BFF can refresh its subscriptions. */
  onChanged?: (id: number) => void;
  /** DialingList callResult → outcome (CM_UCCX_CALLRESULT_MAP); the Schema Guide's table when absent. */
  callResultMap?: CallResultMap;
}

export interface DispatchSettings {
  leaseMs: number;
  /** Contacts per UCCX import request (at most 500). */
  batchSize: number;
  /** Callbacks claimed per tick. */
  claimLimit: number;
  /** Wait before an import UCCX refused or did not answer is tried again. */
  importRetryMs: number;
  /** Imports UCCX answered but did not keep before the callback fails with dropped_by_uccx (jobs/import-check.ts). */
  maxUnkeptPushes: number;
}

export const DEFAULT_DISPATCH: DispatchSettings = { leaseMs: 60_000, batchSize: 500, claimLimit: 1000, importRetryMs: 10_000, maxUnkeptPushes: 3 };

export interface UccxCampaignRef {
  id: number;
  name: string;
}

/** The UCCX campaign of a CM campaign: by name through the admin API (cached), else the configured id. */
export async function resolveUccxCampaign(deps: JobDeps, campaign: Campaign): Promise<UccxCampaignRef | null> {
  try {
    const id = await deps.uccx.campaignIdByName(campaign.uccxCampaignName);
    if (id != null) return { id, name: campaign.uccxCampaignName };
  } catch (err) {
    if (campaign.uccxCampaignId == null) throw err;
  }
  return campaign.uccxCampaignId != null ? { id: campaign.uccxCampaignId, name: campaign.uccxCampaignName } : null;
}

/** Logs to the console as one JSON line per entry (worker threads have no Fastify logger). */
export const consoleLog = (name: string): JobLog => {
  const line = (level: string) => (details: object, message?: string) =>
    console[level === 'info' ? 'log' : level === 'warn' ? 'warn' : 'error'](JSON.stringify({ level, job: name, time: new Date().toISOString(), msg: message, ...details }));
  return { info: line('info'), warn: line('warn'), error: line('error') };
};
