// The chaos scenarios. Each one books a batch of callbacks that all fall due at one moment, does
// its damage while they are dispatched (and synced, and purged), undoes it, and leaves the rest
// to the verifier (verify.ts). Kill points are random (a seeded generator, CHAOS_SEED).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { insertTestCallback } from '../db/seed-helpers.ts';
import { query, type Batch } from './verify.ts';
import { retrying, type ChaosWorld, type InstanceName } from './world.ts';
import { sleep } from './processes.ts';

export interface ScenarioContext {
  world: ChaosWorld;
  /** Uniform in [0, 1), from the run's seed. */
  random: () => number;
  log: (message: string) => void;
  /** Lease of a purge run, ms (a killed purge blocks its campaign this long). */
  purgeLeaseMs: number;
}

export interface Scenario {
  name: string;
  /** What it does, for the report. */
  what: string;
  run(ctx: ScenarioContext, size: number, kills: number): Promise<Batch>;
}

const between = (ctx: ScenarioContext, min: number, max: number) => Math.round(min + ctx.random() * (max - min));
const pickInstance = (ctx: ScenarioContext): InstanceName => (ctx.random() < 0.5 ? 'a' : 'b');

/** `size` callbacks of CB_MAIN due at one moment, just after they are all stored. */
export async function insertDue(world: ChaosWorld, size: number): Promise<Batch> {
  const dueAt = new Date(Date.now() + 1000 + size * 5);
  const ids: number[] = [];
  const accounts: string[] = [];
  const at = dueAt.toISOString();
  for (let i = 0; i < size; i += 20) {
    const rows = await Promise.all(Array.from({ length: Math.min(20, size - i) }, () => retrying(() => insertTestCallback(world.db, { scheduledAt: at }))));
    for (const r of rows) ids.push(r.id), accounts.push(r.accountNumber);
  }
  return { ids, accounts, dueAt };
}

/** Sleeps until `offsetMs` after the batch's due time (negative: before it). */
const untilDue = async (batch: Batch, offsetMs = 0) => sleep(Math.max(0, batch.dueAt.getTime() + offsetMs - Date.now()));

/** SIGKILL one instance now (maybe while it is still starting), start it again after a random pause; it boots while the run goes on. */
async function killAndRestart(ctx: ScenarioContext, name: InstanceName, pauseMs: [number, number]): Promise<void> {
  ctx.log(`SIGKILL instance ${name}`);
  await ctx.world.killInstance(name);
  await sleep(between(ctx, ...pauseMs));
  ctx.world.restartInBackground(name);
}

/** Waits until most of the batch is queued in UCCX (so a purge has something to delete and re-push). */
async function mostlyQueued(ctx: ScenarioContext, batch: Batch, limitMs: number): Promise<void> {
  const until = Date.now() + limitMs;
  while (Date.now() < until) {
    const [row] = await query<{ n: string }>(ctx.world.cluster.url('cm'), "SELECT COUNT(*) AS n FROM callbacks WHERE status = 'queued' AND id = ANY($1)", [batch.ids]);
    if (Number(row?.n ?? 0) >= batch.ids.length * 0.9) return;
    await sleep(250);
  }
}

/** Waits until the purge log shows a new "purge: start" (the purge took its lock and listed the pending callbacks). */
async function purgeStarted(ctx: ScenarioContext, limitMs: number): Promise<void> {
  const file = join(ctx.world.dir, 'purge.log');
  const count = () => (existsSync(file) ? readFileSync(file, 'utf8').split('purge: start').length : 0);
  const before = count();
  const until = Date.now() + limitMs;
  while (count() === before && Date.now() < until) await sleep(50);
}

export const SCENARIOS: Scenario[] = [
  {
    name: 'two-instances',
    what: 'both instances on one PostgreSQL database, the whole batch due at once',
    run: async (ctx, size) => {
      const batch = await insertDue(ctx.world, size);
      await untilDue(batch);
      return batch;
    },
  },
  {
    name: 'instance-kills',
    what: 'SIGKILL of either instance at random points of dispatch and sync, restarted after 0.3-2 s',
    run: async (ctx, size, kills) => {
      const batch = await insertDue(ctx.world, size);
      await untilDue(batch);
      for (let i = 0; i < kills; i++) {
        // A running instance, killed at a random moment of its work (not while it is still starting).
        const name = pickInstance(ctx);
        await ctx.world.bootOf(name);
        await sleep(between(ctx, 200, 2500));
        await killAndRestart(ctx, name, [300, 2000]);
      }
      return batch;
    },
  },
  {
    name: 'purge-kills',
    what: 'a purge (its own process) SIGKILLed at a random point, half the time with an instance; then a purge that completes',
    run: async (ctx, size, kills) => {
      const batch = await insertDue(ctx.world, size);
      await untilDue(batch);
      await mostlyQueued(ctx, batch, 30_000);
      for (let i = 0; i < kills; i++) {
        const purge = ctx.world.startPurge();
        // Kill it at a random point after it began (taking callbacks, DELETE, re-push), not while tsx starts.
        await purgeStarted(ctx, 20_000);
        await sleep(between(ctx, 0, 700));
        ctx.log(`SIGKILL purge${purge.alive ? '' : ' (had already finished)'}`);
        await purge.kill('SIGKILL');
        if (ctx.random() < 0.5) await killAndRestart(ctx, pickInstance(ctx), [200, 1000]);
        // The killed purge still holds the campaign's purge lock until its lease ends.
        await sleep(ctx.purgeLeaseMs + 500);
      }
      const last = ctx.world.startPurge();
      const code = await last.exited;
      if (code !== 0) throw new Error(`the final purge exited with ${code}`);
      return batch;
    },
  },
  {
    name: 'uccx-down',
    what: 'the UCCX simulator process SIGKILLed as the batch falls due, started again 3 s later',
    run: async (ctx, size) => {
      const batch = await insertDue(ctx.world, size);
      // Around the due time, so the first imports meet a dead UCCX (a batch takes a dispatch tick or two).
      await untilDue(batch, between(ctx, -300, 150));
      ctx.log('SIGKILL UCCX simulator');
      await ctx.world.killSim();
      await sleep(3000);
      await ctx.world.startSim();
      return batch;
    },
  },
  {
    name: 'uccx-500',
    what: 'UCCX answering 500 to everything for 3 s while the batch falls due',
    run: async (ctx, size) => {
      await ctx.world.simControl('/simulator/fault', { status: 500 });
      const batch = await insertDue(ctx.world, size);
      await untilDue(batch);
      await sleep(3000);
      await ctx.world.simControl('/simulator/fault', {});
      return batch;
    },
  },
  {
    name: 'uccx-slow',
    what: 'UCCX doing the work but answering after 12 s (the client gives up after 10 s) for 14 s',
    run: async (ctx, size) => {
      await ctx.world.simControl('/simulator/fault', { delayMs: 12_000 });
      const batch = await insertDue(ctx.world, size);
      await untilDue(batch);
      await sleep(14_000);
      await ctx.world.simControl('/simulator/fault', {});
      return batch;
    },
  },
  {
    name: 'uccx-failover',
    what: 'the master UCCX node stopped mid-dispatch (the second node takes over), back as standby 2 s later',
    run: async (ctx, size) => {
      const batch = await insertDue(ctx.world, size);
      await untilDue(batch, between(ctx, -200, 150));
      ctx.log('stop UCCX node 0 (master)');
      await ctx.world.simControl('/simulator/nodes/0/stop');
      await sleep(2000);
      await ctx.world.simControl('/simulator/nodes/0/start');
      return batch;
    },
  },
  {
    name: 'dbcra-down',
    what: 'db_cra unreachable for the Campaign Manager for 6 s, with instance SIGKILLs meanwhile (their claims need a check in UCCX)',
    run: async (ctx, size, kills) => {
      ctx.world.dbcraProxy.cut();
      const batch = await insertDue(ctx.world, size);
      await untilDue(batch);
      for (let i = 0; i < kills; i++) {
        await sleep(between(ctx, 0, 500));
        await killAndRestart(ctx, pickInstance(ctx), [200, 800]);
      }
      await sleep(3000);
      ctx.world.dbcraProxy.restore();
      return batch;
    },
  },
  {
    name: 'postgres-restart',
    what: 'the private PostgreSQL cluster crash-stopped (-m immediate) mid-dispatch, started again 3 s later',
    run: async (ctx, size) => {
      const batch = await insertDue(ctx.world, size);
      await untilDue(batch);
      await sleep(between(ctx, 0, 600));
      ctx.log('PostgreSQL stop -m immediate');
      ctx.world.cluster.crash();
      await sleep(3000);
      ctx.world.cluster.start();
      await ctx.world.reconnectDb();
      return batch;
    },
  },
];
