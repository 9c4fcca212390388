// Daily retention of the Campaign Manager's own data: finished callbacks older than
// CM_RETENTION_DAYS go, history first, in batches (bounded work per statement, progress logged).
import { DateTime } from 'luxon';
import { deleteOldCallbacksBatch, deleteOldHistoryBatch } from '../db/queries/retention.ts';
import type { JobDeps } from './deps.ts';
import { claimDailyRun, releaseJobLock } from './queries/locks.ts';

export interface RetentionSettings {
  retentionDays: number;
  batchSize: number;
  /** Safety stop for one run; what is left goes on the next day. */
  maxBatches: number;
}

export interface RetentionReport {
  before: string;
  historyDeleted: number;
  callbacksDeleted: number;
  complete: boolean;
}

export async function purgeOldCallbacks(deps: JobDeps, settings: RetentionSettings): Promise<RetentionReport> {
  const before = new Date(deps.now().getTime() - settings.retentionDays * 86_400_000);
  const report: RetentionReport = { before: before.toISOString(), historyDeleted: 0, callbacksDeleted: 0, complete: false };
  for (let batch = 0; batch < settings.maxBatches; batch++) {
    const history = await deleteOldHistoryBatch(deps.db, before, settings.batchSize);
    const callbacks = history === 0 ? await deleteOldCallbacksBatch(deps.db, before, settings.batchSize) : 0;
    report.historyDeleted += history;
    report.callbacksDeleted += callbacks;
    if (history === 0 && callbacks < settings.batchSize) {
      report.complete = true;
      break;
    }
    if (batch % 20 === 19) deps.log.info({ ...report }, 'retention in progress');
  }
  return report;
}

/** Once a day after `runAt` (server local time), on one instance: the database records the run. */
export async function retentionIfDue(deps: JobDeps, runAt: string, settings: RetentionSettings, zone = 'local'): Promise<RetentionReport | null> {
  const local = DateTime.fromJSDate(deps.now()).setZone(zone);
  const [h = 0, m = 0] = runAt.split(':').map(Number);
  if (local.hour * 60 + local.minute < h * 60 + m) return null;
  const lock = 'retention-daily';
  if (!(await claimDailyRun(deps.db, lock, local.toISODate() as string, deps.owner, deps.now(), 3_600_000))) return null;
  try {
    return await purgeOldCallbacks(deps, settings);
  } finally {
    await releaseJobLock(deps.db, lock, deps.owner, deps.now());
  }
}
