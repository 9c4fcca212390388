// Purge on demand (issue 11): an admin purges one campaign now instead of waiting for the nightly
// run. The work is jobs/purge.ts's purgeCampaign, unchanged (same wait for calls in progress, same
// take-then-delete-then-re-push safety); this file runs it in the BFF process and records its
// progress in purge_runs so every instance can answer. The campaign's purge lock (jobs/queries/
// locks.ts, the one the nightly purge and the dispatcher respect) is taken before the run is
// accepted, so two instances, or the nightly run, never purge the same campaign at once.
import { randomUUID } from 'node:crypto';
import { appendAudit } from '../../db/queries/audit.ts';
import { findPurgeRun, insertPurgeRun, listPurgeRuns, updatePurgeRun, type PurgeRun } from '../../db/queries/purge-runs.ts';
import type { Db } from '../../db/index.ts';
import type { JobDeps } from '../../jobs/deps.ts';
import { purgeLockName } from '../../jobs/dispatch.ts';
import { purgeCampaign, type PurgeSettings } from '../../jobs/purge.ts';
import { listCallbacksOfCampaign } from '../../jobs/queries/callbacks.ts';
import { isJobLocked, releaseJobLock, tryAcquireJobLock } from '../../jobs/queries/locks.ts';
import type { UccxAdminClient } from '../../jobs/uccx/admin-client.ts';
import type { ServiceContext } from '../../db/service-context.ts';
import { InvalidState, NotFound } from './errors.ts';

/** Job dependencies for one run (the owner is the run's own lease owner); close() ends them. */
export type PurgeDepsFactory = (owner: string) => Promise<{ deps: JobDeps; close(): Promise<void> }>;

export interface PurgeRunnerOptions {
  instanceId: string;
  settings: PurgeSettings;
  makeDeps: PurgeDepsFactory;
  /** How often the calls the purge waits for are counted for the progress. */
  progressMs?: number;
  /** A running run whose lock is gone and whose progress is older than this was abandoned (its instance stopped). */
  staleMs?: number;
}

type Progress = Parameters<typeof updatePurgeRun>[2];

export class PurgeRunner {
  private readonly running = new Set<Promise<void>>();
  private readonly mine = new Set<string>();
  constructor(private readonly ctx: ServiceContext, private readonly opts: PurgeRunnerOptions) {}

  /** Starts a purge of `campaign` (409 invalid_state while one runs anywhere); answers at once with the run. */
  async start(actor: string, campaign: string): Promise<PurgeRun> {
    const config = await this.ctx.config.get();
    if (!config.campaigns.some((c) => c.name === campaign)) throw new NotFound('campaign');
    const id = randomUUID();
    const owner = `${this.opts.instanceId}/purge-run/${id}`.slice(0, 100);
    const db = this.ctx.db;
    if (!(await tryAcquireJobLock(db, purgeLockName(campaign), owner, this.ctx.now(), this.opts.settings.leaseMs))) throw new InvalidState('being purged', 'purge');
    try {
      await insertPurgeRun(db, { id, campaign, startedBy: actor, at: this.ctx.now() });
      await appendAudit(db, { at: this.ctx.now(), actor, action: 'campaign.purge', target: `campaign:${campaign}`, before: null, after: { run: id } });
    } catch (err) {
      await releaseJobLock(db, purgeLockName(campaign), owner, this.ctx.now());
      throw err;
    }
    this.mine.add(id);
    const run = this.run(id, campaign, owner).finally(() => (this.running.delete(run), this.mine.delete(id)));
    this.running.add(run);
    return (await findPurgeRun(db, id)) as PurgeRun;
  }

  /**
   * A run's progress. A run still "running" whose campaign lock nobody holds and whose progress
   * stopped moving was abandoned (its instance stopped): it is reported failed; what it had taken
   * for re-push the dispatcher verifies and pushes once their lease ends.
   */
  async get(id: string): Promise<PurgeRun> {
    const db = this.ctx.db;
    const run = await findPurgeRun(db, id);
    if (!run) throw new NotFound('purge run');
    const now = this.ctx.now();
    const quiet = now.getTime() - new Date(run.updatedAt).getTime() > (this.opts.staleMs ?? 60_000);
    if (run.status !== 'running' || this.mine.has(id) || !quiet || (await isJobLocked(db, purgeLockName(run.campaign), now))) return run;
    await updatePurgeRun(db, id, { status: 'failed', phase: 'finished', error: 'the instance running this purge stopped', finishedAt: now }, now);
    return (await findPurgeRun(db, id)) as PurgeRun;
  }

  list(campaign: string | null, limit = 20): Promise<PurgeRun[]> {
    return listPurgeRuns(this.ctx.db, campaign, limit);
  }

  /** Waits for the runs of this process to end (shutdown). */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  private async run(id: string, campaign: string, owner: string): Promise<void> {
    const db = this.ctx.db;
    const save = (p: Progress) => updatePurgeRun(db, id, p, this.ctx.now());
    let phase: PurgeRun['phase'] = 'waiting_for_calls';
    let ticker: NodeJS.Timeout | undefined;
    let opened: Awaited<ReturnType<PurgeDepsFactory>> | null = null;
    try {
      opened = await this.opts.makeDeps(owner);
      const deps = opened.deps;
      let toRepush = 0;
      /** The callbacks this run took for re-push and has not imported again yet. */
      const stillTaken = async () => (await listCallbacksOfCampaign(db, campaign, ['dispatching'])).filter((c) => c.claimedBy === owner).length;
      // Calls in progress are what the purge waits for first, then the re-push: counted as they go.
      const countCalls = async () => {
        if (phase === 'waiting_for_calls') await save({ callsInProgress: (await listCallbacksOfCampaign(db, campaign, ['dialing', 'connected'])).length });
        if (phase === 'repushing') await save({ repushed: Math.max(0, toRepush - (await stillTaken())) });
      };
      await countCalls();
      ticker = setInterval(() => void countCalls().catch(() => undefined), this.opts.progressMs ?? 1000);
      const observed = observeUccx(deps.uccx, {
        // The purge's last look at UCCX's pending contacts comes right before the delete.
        listed: async (n) => {
          if (phase !== 'waiting_for_calls') return;
          phase = 'deleting';
          await save({ phase, contactsToDelete: n, callsInProgress: (await listCallbacksOfCampaign(db, campaign, ['dialing', 'connected'])).length });
        },
        deleted: async () => {
          toRepush = await stillTaken();
          const run = await findPurgeRun(db, id);
          phase = 'repushing';
          await save({ phase, deleted: run?.contactsToDelete ?? 0, toRepush });
        },
      });
      const target = (await deps.config()).campaigns.find((c) => c.name === campaign);
      if (!target) throw new Error(`campaign ${campaign} was deleted`);
      const report = await purgeCampaign({ ...deps, uccx: observed }, target, this.opts.settings);
      clearInterval(ticker);
      phase = 'finished';
      await save({
        status: report.skipped ? 'skipped' : 'done',
        phase,
        error: report.skipped ?? null,
        toRepush: report.pendingBefore,
        repushed: report.repushed,
        inFlight: report.inFlight,
        finishedAt: this.ctx.now(),
      });
    } catch (err) {
      clearInterval(ticker);
      await save({ status: 'failed', phase: 'finished', error: String((err as Error).message ?? err).slice(0, 200), finishedAt: this.ctx.now() }).catch(() => undefined);
    } finally {
      clearInterval(ticker);
      // purgeCampaign releases the lock itself; this covers a failure before it ran.
      await releaseJobLock(db, purgeLockName(campaign), owner, this.ctx.now()).catch(() => undefined);
      await opened?.close().catch(() => undefined);
    }
  }
}

/** The UCCX client as the purge sees it, telling the progress what UCCX listed and when it deleted. */
function observeUccx(uccx: UccxAdminClient, on: { listed(n: number): Promise<void>; deleted(): Promise<void> }): UccxAdminClient {
  return new Proxy(uccx, {
    get(target, prop, receiver) {
      if (prop === 'pendingContacts') {
        return async (...args: Parameters<UccxAdminClient['pendingContacts']>) => {
          const list = await target.pendingContacts(...args);
          await on.listed(list.length);
          return list;
        };
      }
      if (prop === 'deleteAllContacts') {
        return async (...args: Parameters<UccxAdminClient['deleteAllContacts']>) => {
          await target.deleteAllContacts(...args);
          await on.deleted();
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The job dependencies of a BFF-run purge, from the BFF's own database and the configured UCCX/db_cra. */
export function bffPurgeDeps(db: Db, ctx: ServiceContext, make: { uccx: () => UccxAdminClient; reader: () => Promise<JobDeps['reader']>; log: JobDeps['log'] }): PurgeDepsFactory {
  return async (owner) => {
    const reader = await make.reader();
    const deps: JobDeps = { db, uccx: make.uccx(), reader, now: ctx.now, owner, log: make.log, config: () => ctx.config.get(), onChanged: (id) => void ctx.events.refresh(id) };
    return { deps, close: async () => reader?.close() };
  };
}
