// startWakeLoop (jobs/loop.ts) on its own: it sleeps until the next work time, a wake cuts the
// sleep short (or shortens it to a later time), a wake heard during a tick is not lost, the
// safety net bounds the sleep, and an accelerated clock shortens real sleeps. Generous bounds:
// these check behaviour, not speed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startWakeLoop } from '../../jobs/loop.ts';
import { quietLog } from './helpers.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Waits (at most 5 s, far below the 60 s safety net) until `n` ticks happened. */
async function ticked(ticks: number[], n: number): Promise<number> {
  for (let i = 0; i < 500 && ticks.length < n; i++) await sleep(10);
  assert.ok(ticks.length >= n, `${n} ticks expected, ${ticks.length} happened`);
  return ticks[n - 1]!;
}
const realNow = () => new Date();

function recorder(nextWorkAt: () => Date | null = () => null, tickMs = 0) {
  const ticks: number[] = [];
  let onTick: (() => void) | null = null;
  return {
    ticks,
    /** Runs `fn` inside the next tick. */
    duringNextTick: (fn: () => void) => void (onTick = fn),
    tick: async () => {
      ticks.push(Date.now());
      const fn = onTick;
      onTick = null;
      fn?.();
      if (tickMs) await sleep(tickMs);
    },
    nextWorkAt: async () => nextWorkAt(),
  };
}

test('sleeps for the safety net when nothing is due; a wake for now ticks at once', async () => {
  const r = recorder();
  const loop = startWakeLoop('t', { ...r, maxSleepMs: 60_000, now: realNow }, quietLog());
  try {
    await ticked(r.ticks, 1);
    await sleep(300);
    assert.equal(r.ticks.length, 1, 'one tick, then asleep');
    loop.wake(new Date());
    await ticked(r.ticks, 2);
  } finally {
    await loop.stop();
  }
});

test('sleeps until the next work time it reads, and a wake for a later (but sooner) time shortens the sleep to it', async () => {
  let next: Date | null = new Date(Date.now() + 400);
  const r = recorder(() => next);
  const loop = startWakeLoop('t', { ...r, maxSleepMs: 60_000, now: realNow }, quietLog());
  try {
    const first = await ticked(r.ticks, 1);
    const at = next!.getTime();
    if (first < at) assert.ok((await ticked(r.ticks, 2)) >= at - 5, 'the second tick is not before the work time');
    next = null;
    const count = (await ticked(r.ticks, 2)) && r.ticks.length;
    await sleep(200); // asleep for the safety net again
    const target = Date.now() + 300;
    loop.wake(new Date(target));
    assert.ok((await ticked(r.ticks, count + 1)) >= target - 5, 'at (not before) the announced time');
  } finally {
    await loop.stop();
  }
});

test('a wake heard while a tick runs is kept: the loop ticks again instead of sleeping past it', async () => {
  const r = recorder(() => null, 200);
  const loop = startWakeLoop('t', { ...r, maxSleepMs: 60_000, now: realNow }, quietLog());
  try {
    await ticked(r.ticks, 1);
    await sleep(400);
    const count = r.ticks.length;
    r.duringNextTick(() => loop.wake(new Date())); // e.g. a booking committed after the claim read
    loop.wake(new Date());
    await ticked(r.ticks, count + 2);
    await sleep(600);
    assert.equal(r.ticks.length, count + 2, 'the wake during the tick brought one more tick, then sleep');
  } finally {
    await loop.stop();
  }
});

test('the safety net bounds the sleep, on the jobs clock (an accelerated clock sleeps less real time)', async () => {
  const r = recorder(() => new Date(Date.now() + 3_600_000));
  const origin = Date.now();
  const fast = () => new Date(origin + (Date.now() - origin) * 10); // 10 virtual ms per real ms
  const loop = startWakeLoop('t', { ...r, maxSleepMs: 2000, now: fast, speed: 10 }, quietLog());
  try {
    await sleep(900);
    assert.ok(r.ticks.length >= 3, `2 s of virtual safety net is 200 ms real: ${r.ticks.length} ticks in 900 ms`);
  } finally {
    await loop.stop();
  }
});

test('stop ends a sleeping loop at once', async () => {
  const r = recorder();
  const loop = startWakeLoop('t', { ...r, maxSleepMs: 60_000, now: realNow }, quietLog());
  await sleep(100);
  const started = Date.now();
  await loop.stop();
  assert.ok(Date.now() - started < 1000);
});

test('work still due after a tick that moved nothing waits idleRetryMs instead of spinning; progress goes on at once', async () => {
  const past = () => new Date(Date.now() - 1000);
  const idle = recorder(past);
  const stuck = startWakeLoop('t', { ...idle, maxSleepMs: 60_000, now: realNow, idleRetryMs: 200 }, quietLog());
  await sleep(700);
  await stuck.stop();
  assert.ok(idle.ticks.length >= 2 && idle.ticks.length <= 6, `${idle.ticks.length} ticks in 700 ms with a 200 ms idle retry`);

  let left = 5; // a backlog of five claims' worth
  const busy = recorder(() => (left > 0 ? past() : null));
  const draining = startWakeLoop('t', { ...busy, tick: async () => void left--, maxSleepMs: 60_000, now: realNow, idleRetryMs: 10_000, progressed: () => true }, quietLog());
  try {
    for (let i = 0; i < 200 && left > 0; i++) await sleep(10);
    assert.ok(left <= 0, 'the backlog drained without waiting for the idle retry');
  } finally {
    await draining.stop();
  }
});

test('a failing tick (the database away) is tried again after idleRetryMs, not after the safety net', async () => {
  let failures = 2;
  const r = recorder();
  const tick = async () => {
    await r.tick();
    if (failures-- > 0) throw new Error('database unreachable');
  };
  const log = quietLog();
  const loop = startWakeLoop('t', { ...r, tick, maxSleepMs: 60_000, now: realNow, idleRetryMs: 100 }, log);
  try {
    await ticked(r.ticks, 3);
    assert.equal(log.lines.filter((l) => l.level === 'error').length, 2);
    await sleep(400);
    assert.equal(r.ticks.length, 3, 'once it works, asleep for the safety net');
  } finally {
    await loop.stop();
  }
});
