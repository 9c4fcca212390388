// The chaos world: a private PostgreSQL cluster holding the Campaign Manager database `cm` and
// the db_cra stand-in `db_cra`; the UCCX simulator as its own process (HA pair, no dialling, a
// journal of every import and DELETE, its control API for faults); two Campaign Manager
// instances (bff/server.ts with its Bree jobs) on the one `cm` database, reaching db_cra through a
// TCP proxy that can cut it. Nothing here changes how the product runs: only its environment.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../db/index.ts';
import { readSeedFile, seedIfEmpty } from '../../db/seed/seed.ts';
import { startPgCluster, type PgCluster } from './pg-cluster.ts';
import { startTcpProxy, type TcpProxy } from './tcp-proxy.ts';
import { freePort } from './ports.ts';
import { ROOT, sleep, startTsx, waitForHttp, type Proc } from './processes.ts';

export type InstanceName = 'a' | 'b';

export interface WorldSettings {
  /** CM_LEASE_SECONDS of both instances: how soon a killed instance's claims are taken over. */
  leaseSeconds: number;
  /** Lease a purge run takes (the product's floor is 10 minutes; see docs/chaos.md). */
  purgeLeaseMs: number;
  /** Where logs, the journal and the cluster go; removed at close unless `keep`. */
  keep?: boolean;
}

export interface ChaosWorld {
  dir: string;
  journalFile: string;
  cluster: PgCluster;
  dbcraProxy: TcpProxy;
  /** The driver's own connection to `cm` (for inserting callbacks); reconnectDb() after a PostgreSQL restart. */
  db: Db;
  reconnectDb(): Promise<void>;
  simNodes: string[];
  instances: Record<InstanceName, Proc | null>;
  /** Starts an instance; resolves when it answers /healthz (wait for it, or let it boot while the run goes on). */
  startInstance(name: InstanceName): Promise<void>;
  /** Starts an instance and lets it boot while the run goes on (a failed boot is found by heal()). */
  restartInBackground(name: InstanceName): void;
  /** Resolves when every instance started in the background has booted or died. */
  booted(): Promise<void>;
  /** Resolves when this instance's latest start has booted or died. */
  bootOf(name: InstanceName): Promise<void>;
  killInstance(name: InstanceName): Promise<void>;
  startSim(): Promise<void>;
  killSim(): Promise<void>;
  /** PUT /simulator/fault or POST /simulator/nodes/:i/:action on the simulator's control API. */
  simControl(path: string, body?: unknown): Promise<unknown>;
  /** Starts a purge of every campaign as its own process. */
  startPurge(): Proc;
  /** Processes that did not end within the grace time after SIGTERM (then SIGKILLed). */
  stopProblems: string[];
  close(): Promise<void>;
}

/** SIGTERM, then SIGKILL if it has not ended within `graceMs` (noted in `problems`). */
async function stopGracefully(proc: Proc, graceMs: number, problems: string[]): Promise<void> {
  if (!proc.alive) return;
  proc.child.kill('SIGTERM');
  const ended = await Promise.race([proc.exited.then(() => true), sleep(graceMs).then(() => false)]);
  if (!ended) {
    problems.push(`${proc.name} did not stop within ${graceMs / 1000} s of SIGTERM`);
    await proc.kill('SIGKILL');
  }
}

export async function startChaosWorld(settings: WorldSettings): Promise<ChaosWorld> {
  const dir = mkdtempSync(join(tmpdir(), 'chaos-run-'));
  const cluster = await startPgCluster();
  const closers: Array<() => Promise<void> | void> = [() => cluster.remove()];
  try {
    await cluster.createDatabase('cm');
    await cluster.createDatabase('db_cra');
    const dbcraProxy = await startTcpProxy('127.0.0.1', cluster.port);
    closers.unshift(() => dbcraProxy.close());
    const [uccx1, uccx2, control, portA, portB, deadFinesse] = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort(), freePort()]);
    const simNodes = [`http://127.0.0.1:${uccx1}`, `http://127.0.0.1:${uccx2}`];
    const controlUrl = `http://127.0.0.1:${control}`;
    const journalFile = join(dir, 'uccx-journal.jsonl');
    // Production mode (demo mode refuses an external UCCX): its own secrets and its own copy of the seed.
    const uccxPassword = 'chaos-uccx-secret';
    const seedFile = join(dir, 'seed.json');
    copyFileSync(join(ROOT, 'db/seed/demo.json'), seedFile);
    const simEnv = {
      CM_SIM_HOST: '127.0.0.1',
      CM_SIM_UCCX_PORT: String(uccx1),
      CM_SIM_UCCX_NODES: '2',
      CM_SIM_UCCX_PORT_2: String(uccx2),
      CM_SIM_DBCRA_URL: cluster.url('db_cra'),
      CM_SIM_DIALER: 'off',
      CM_SIM_JOURNAL: journalFile,
      CM_SIM_CONTROL_PORT: String(control),
      CM_UCCX_USER: 'administrator',
      CM_UCCX_PASSWORD: uccxPassword,
    };
    const generation = { a: 0, b: 0 };
    const instanceEnv = (name: InstanceName, port: number) => ({
      CM_MODE: 'production',
      CM_HOST: '127.0.0.1',
      CM_PORT: String(port),
      CM_PUBLIC_URL: 'https://cm.chaos.invalid',
      CM_DATABASE_URL: cluster.url('cm'),
      // Finesse is not needed by the jobs: a closed port.
      CM_FINESSE_URL: `https://127.0.0.1:${deadFinesse}`,
      CM_SSO: 'off',
      CM_ADMIN_USERS: '9001',
      CM_IVR_USER: 'ivr',
      CM_IVR_PASSWORD: 'chaos-ivr-secret-1',
      CM_UCCX_USER: 'administrator',
      CM_UCCX_PASSWORD: uccxPassword,
      CM_UCCX_URL: simNodes[0] as string,
      CM_UCCX_URL_2: simNodes[1] as string,
      CM_DBCRA_DRIVER: 'sql',
      CM_DBCRA_URL: `postgres://postgres@127.0.0.1:${dbcraProxy.port}/db_cra`,
      CM_DISPATCH_INTERVAL_MS: '250',
      CM_SYNC_INTERVAL_MS: '1000',
      CM_LEASE_SECONDS: String(settings.leaseSeconds),
      // The daily purge stays out of the way; the run starts purges itself (startPurge).
      CM_PURGE_AT: '23:59',
      CM_INSTANCE_ID: `chaos-${name}-${++generation[name]}`,
      CM_LOG_LEVEL: 'warn',
      CM_SEED_FILE: seedFile,
    });
    const world: ChaosWorld = {
      dir,
      journalFile,
      cluster,
      dbcraProxy,
      db: null as unknown as Db,
      simNodes,
      instances: { a: null, b: null },
      stopProblems: [],
      startInstance: async (name) => {
        const port = name === 'a' ? portA : portB;
        const proc = startTsx(`cm-${name}`, 'bff/server.ts', instanceEnv(name, port), join(dir, `cm-${name}.log`));
        world.instances[name] = proc;
        await waitForHttp(`http://127.0.0.1:${port}/healthz`, 120_000, proc);
      },
      reconnectDb: async () => {
        const old = world.db;
        world.db = await retrying(() => openDatabase(cluster.url('cm'), { migrate: false }));
        void old.close().catch(() => {});
      },
      restartInBackground: (name) => {
        const boot = world.startInstance(name).catch(() => {});
        boots[name] = boot;
        booting.add(boot);
      },
      bootOf: (name) => boots[name],
      booted: async () => {
        await Promise.all([...booting]);
        booting.clear();
      },
      killInstance: async (name) => {
        await world.instances[name]?.kill('SIGKILL');
        world.instances[name] = null;
      },
      startSim: async () => {
        sim = startTsx('uccx-sim', 'sim/uccx/main.ts', simEnv, join(dir, 'uccx-sim.log'));
        await waitForHttp(`${controlUrl}/simulator`, 60_000, sim);
      },
      killSim: async () => {
        await sim?.kill('SIGKILL');
        sim = null;
      },
      simControl: async (path, body) => {
        const res = await fetch(`${controlUrl}${path}`, {
          method: path.endsWith('/fault') ? 'PUT' : 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body ?? {}),
        });
        if (!res.ok) throw new Error(`simulator control ${path}: ${res.status} ${await res.text()}`);
        return res.json();
      },
      startPurge: () =>
        startTsx('purge', 'test/chaos/purge-runner.ts', { ...instanceEnv('a', 0), CM_INSTANCE_ID: `chaos-purge-${Date.now()}`, CHAOS_PURGE_LEASE_MS: String(settings.purgeLeaseMs) }, join(dir, 'purge.log')),
      close: async () => {
        await Promise.all([world.instances.a, world.instances.b, sim].map((p) => p && stopGracefully(p, 5000, world.stopProblems)));
        await world.db?.close().catch(() => {});
        for (const close of closers) await close();
        if (!settings.keep) rmSync(dir, { recursive: true, force: true });
      },
    };
    let sim: Proc | null = null;
    const booting = new Set<Promise<void>>();
    const boots: Record<InstanceName, Promise<void>> = { a: Promise.resolve(), b: Promise.resolve() };
    closers.unshift(async () => void (await sim?.kill('SIGKILL')));
    // The database is migrated and seeded once before the instances start (as an operator would
    // before a rolling start), so both can start at once without racing on the migrations.
    world.db = await openDatabase(cluster.url('cm'), { migrate: true });
    await seedIfEmpty(world.db, readSeedFile(seedFile));
    await Promise.all([world.startSim(), world.startInstance('a'), world.startInstance('b')]);
    return world;
  } catch (err) {
    for (const close of closers) await Promise.resolve(close()).catch(() => {});
    if (!settings.keep) rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

/** Retries `fn` while PostgreSQL is restarting (the driver's queries may hit a cut connection). */
export async function retrying<T>(fn: () => Promise<T>, timeoutMs = 60_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      if (Date.now() > until) throw err;
      await sleep(250);
    }
  }
}
