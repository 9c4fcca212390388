// `npm run test:chaos`: the chaos scenarios (scenarios.ts) against real processes, then a table of
// lost / duplicated / late callbacks per scenario; exits non-zero unless nothing was lost or
// duplicated. CHAOS_LONG=1 (what the npm script sets): 10,000 callbacks and 20 kills; otherwise
// the short run that test/chaos/chaos-short.test.ts asserts inside `npm test`.
// CHAOS_SEED replays the same kill points; CHAOS_KEEP=1 keeps the logs and journal; CHAOS_ONLY picks scenarios.
import { SCENARIOS, type ScenarioContext } from './scenarios.ts';
import { startChaosWorld, type ChaosWorld } from './world.ts';
import { verifyBatch, type Verdict } from './verify.ts';
import { fileURLToPath } from 'node:url';

export interface ChaosPlan {
  /** Callbacks and kills per scenario name; scenarios not listed are skipped. */
  scenarios: Record<string, { size: number; kills?: number }>;
  leaseSeconds: number;
  purgeLeaseMs: number;
  settleMs: number;
  lateToleranceMs: number;
  seed: number;
  keep?: boolean;
}

export interface ScenarioResult extends Verdict {
  name: string;
  kills: number;
  /** Instances that died without being killed (found dead after the scenario). */
  unplannedExits: string[];
}

export const SHORT_PLAN = (seed: number): ChaosPlan => ({
  // Every scenario runs both instances on one database; the plain two-instance batch is in the long run only.
  scenarios: {
    'instance-kills': { size: 80, kills: 2 },
    'purge-kills': { size: 40, kills: 1 },
    'uccx-down': { size: 40 },
    'uccx-500': { size: 40 },
    'uccx-failover': { size: 40 },
    'dbcra-down': { size: 40, kills: 1 },
    'postgres-restart': { size: 40 },
  },
  leaseSeconds: 3,
  purgeLeaseMs: 4000,
  settleMs: 40_000,
  lateToleranceMs: 30_000,
  seed,
});

export const LONG_PLAN = (seed: number): ChaosPlan => ({
  scenarios: {
    'two-instances': { size: 1500 },
    'instance-kills': { size: 1500, kills: 12 },
    'purge-kills': { size: 1000, kills: 6 },
    'uccx-down': { size: 1000 },
    'uccx-500': { size: 1000 },
    'uccx-slow': { size: 1000 },
    'uccx-failover': { size: 1000 },
    'dbcra-down': { size: 1000, kills: 2 },
    'postgres-restart': { size: 1000 },
  },
  leaseSeconds: 5,
  purgeLeaseMs: 8000,
  settleMs: 180_000,
  lateToleranceMs: 30_000,
  seed,
});

/** mulberry32: a small seeded generator, so a run's kill points can be replayed. */
const seeded = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/** After a scenario: every fault undone and both instances running (a dead one is noted and restarted). */
async function heal(world: ChaosWorld): Promise<string[]> {
  const exits: string[] = [];
  world.dbcraProxy.restore();
  await world.booted();
  for (const name of ['a', 'b'] as const) {
    const proc = world.instances[name];
    if (!proc || !proc.alive) {
      if (proc) exits.push(`instance ${name} exited by itself (code ${await proc.exited})`);
      await world.startInstance(name);
    }
  }
  return exits;
}

export async function runChaos(plan: ChaosPlan, log: (line: string) => void = console.log): Promise<ScenarioResult[]> {
  const started = Date.now();
  const world = await startChaosWorld({ leaseSeconds: plan.leaseSeconds, purgeLeaseMs: plan.purgeLeaseMs, keep: plan.keep });
  log(`chaos: world up in ${((Date.now() - started) / 1000).toFixed(1)} s (seed ${plan.seed}, files in ${world.dir})`);
  const random = seeded(plan.seed);
  const results: ScenarioResult[] = [];
  try {
    for (const scenario of SCENARIOS) {
      const spec = plan.scenarios[scenario.name];
      if (!spec) continue;
      const t0 = Date.now();
      const ctx: ScenarioContext = { world, random, purgeLeaseMs: plan.purgeLeaseMs, log: (m) => log(`  ${scenario.name} +${((Date.now() - t0) / 1000).toFixed(1)}s: ${m}`) };
      log(`scenario ${scenario.name}: ${scenario.what} (${spec.size} callbacks)`);
      const batch = await scenario.run(ctx, spec.size, spec.kills ?? 0);
      ctx.log('damage done; healing');
      const unplannedExits = await heal(world);
      ctx.log('verifying');
      const verdict = await verifyBatch(world, batch, { settleMs: plan.settleMs, lateToleranceMs: plan.lateToleranceMs, log: ctx.log });
      results.push({ name: scenario.name, kills: spec.kills ?? 0, unplannedExits, ...verdict });
      for (const p of [...unplannedExits, ...verdict.problems]) log(`  ${scenario.name}: ${p}`);
    }
  } finally {
    await world.close();
  }
  for (const p of world.stopProblems) log(`chaos: ${p}`);
  log(formatTable(results, plan.lateToleranceMs));
  log(`chaos: ${((Date.now() - started) / 1000).toFixed(0)} s in all`);
  return results;
}

export function formatTable(results: ScenarioResult[], toleranceMs: number): string {
  const head = ['scenario', 'callbacks', 'kills', 'lost', 'duplicated', `late (>${toleranceMs / 1000} s)`, 'latest (s)', 'settled in (s)'];
  const rows = results.map((r) => [r.name, r.callbacks, r.kills, r.lost, r.duplicated, r.late, r.maxDelaySeconds, r.settleSeconds].map(String));
  const total = ['total', ...[1, 2, 3, 4, 5].map((i) => String(results.reduce((s, r) => s + Number([r.name, r.callbacks, r.kills, r.lost, r.duplicated, r.late][i]), 0))), '', ''];
  const all = [head, ...rows, total];
  const widths = head.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  return all.map((r) => `| ${r.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`).join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const seed = Number(process.env.CHAOS_SEED ?? Math.floor(Math.random() * 2 ** 31));
  const plan = process.env.CHAOS_LONG === '1' ? LONG_PLAN(seed) : SHORT_PLAN(seed);
  // CHAOS_ONLY=uccx-down,purge-kills runs just those scenarios.
  const only = process.env.CHAOS_ONLY?.split(',');
  if (only) plan.scenarios = Object.fromEntries(Object.entries(plan.scenarios).filter(([name]) => only.includes(name)));
  const results = await runChaos({ ...plan, keep: process.env.CHAOS_KEEP === '1' });
  const bad = results.filter((r) => r.lost > 0 || r.duplicated > 0);
  process.exit(bad.length ? 1 : 0);
}
