// Builds the job dependencies from Config: the CM database, the UCCX admin client, the db_cra
// reader, cached configuration. Used by the worker threads and by the standalone dispatcher.
import type { Config } from '../config/settings.ts';
import { ConfigCache } from '../db/service-context.ts';
import { openDatabase } from '../db/index.ts';
import { openDbCraReader } from './dbcra/reader.ts';
import { consoleLog, DEFAULT_DISPATCH, type DispatchSettings, type JobDeps, type JobLog } from './deps.ts';
import { UccxAdminClient } from './uccx/admin-client.ts';
import { clockOf, type ClockSpec } from './clock.ts';
import type { PurgeSettings } from './purge.ts';
import { trustExtraCas } from '../config/tls.ts';
import { dependencyWatch, watched } from '../db/dependency-watch.ts';

export interface JobRuntime {
  deps: JobDeps;
  close(): Promise<void>;
}

export async function openJobRuntime(
  config: Config,
  opts: { name: string; clock?: ClockSpec | null; withReader?: boolean; migrate?: boolean; log?: JobLog; onChanged?: (id: number) => void },
): Promise<JobRuntime> {
  if (!config.uccx.url) throw new Error('jobs need the UCCX admin API URL (CM_UCCX_URL or the embedded simulator)');
  // Each worker thread has its own fetch dispatcher: trust UCCX's certificate here too.
  trustExtraCas(config.tls.caFiles);
  const db = await openDatabase(config.databaseUrl, { migrate: opts.migrate ?? false });
  const log = opts.log ?? consoleLog(opts.name);
  let reader = null;
  if (opts.withReader !== false && config.dbcra.url) {
    try {
      reader = await openDbCraReader(config.dbcra, { log, now: clockOf(opts.clock) });
    } catch (err) {
      await db.close();
      throw err;
    }
  }
  const uccx = new UccxAdminClient({
    url: config.uccx.url,
    url2: config.uccx.url2,
    user: config.uccx.user,
    password: config.uccx.password,
    allowDuplicateContacts: config.uccx.allowDuplicateContacts,
    timeoutMs: 10_000,
  });
  const cache = new ConfigCache(db, 5000);
  // Every UCCX and db_cra call's failure is logged and counted for /readyz and /metrics.
  const deps: JobDeps = {
    db,
    uccx: watched(uccx, dependencyWatch(db, 'uccx', log)),
    reader: reader && watched(reader, dependencyWatch(db, 'dbcra', log)),
    now: clockOf(opts.clock),
    owner: config.instanceId,
    log,
    config: () => cache.get(),
    onChanged: opts.onChanged,
    callResultMap: config.uccx.callResultMap,
  };
  return {
    deps,
    close: async () => {
      await reader?.close();
      await db.close();
    },
  };
}

export const dispatchSettingsOf = (config: Config): DispatchSettings => ({
  ...DEFAULT_DISPATCH,
  leaseMs: config.jobs.leaseSeconds * 1000,
  batchSize: config.uccx.batchSize,
  maxUnkeptPushes: config.uccx.maxUnkeptPushes,
});

export const purgeSettingsOf = (config: Config): PurgeSettings => ({
  leaseMs: Math.max(10 * 60_000, config.jobs.leaseSeconds * 1000),
  batchSize: config.uccx.batchSize,
  waitForDispatchMs: config.jobs.leaseSeconds * 1000,
  waitForCallsMs: config.jobs.purgeWaitForCallsSeconds * 1000,
});
