// Gadget figures: the bundle's gzip size (gadget/dist after `npm run build:gadget`), the first
// render in the Finesse desktop simulator in Debian's Chromium, and the calendar interaction
// (benchCalendar, from the calendar work).
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, startEmbedded } from '../e2e/embedded.ts';
import { fmt, ms, unavailable, type BenchRow } from './table.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

/** Builds the gadget and admin bundles and sizes each JS file of gadget/dist (gzip level 9, as the build reports it). */
export function benchBundle(build = true): BenchRow[] {
  if (build) execFileSync('npm', ['run', 'build:gadget', '--silent'], { cwd: ROOT, stdio: 'ignore' });
  const dist = join(ROOT, 'gadget/dist');
  const files = readdirSync(dist, { recursive: true }).map(String).filter((f) => f.endsWith('.js'));
  return files.map((f) => {
    const code = readFileSync(join(dist, f));
    const gz = gzipSync(code, { level: 9 }).length / 1024;
    const gadget = f === 'cb-gadget.js';
    return { case: `bundle gadget/dist/${f} (gzip)`, db: '—', figure: `${fmt(gz)} kB (${fmt(code.length / 1024)} kB raw)`, goal: gadget ? '≤ 100 kB gzip' : '', ok: gadget ? gz <= 100 : null, ratio: '', rssMb: null };
  });
}

/** From navigating to the desktop simulator to the gadget's first tab shown, `runs` times (`npm start`'s embedded default). */
export async function benchFirstRender(runs: number): Promise<BenchRow[]> {
  const cm = await startEmbedded({ CM_JOBS_ENABLED: 'false' });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const times: number[] = [];
  try {
    for (let i = 0; i < runs + 1; i++) {
      const page = await browser.newPage();
      const t0 = Date.now();
      await page.goto(`${cm.desktopUrl}?user=1001&locale=en`);
      await page.frameLocator('#gadget-frame').locator('[role="tab"]').first().waitFor({ timeout: 30_000 });
      // The first load fills the browser's and server's caches; the agent's desktop is warm after it.
      if (i > 0) times.push(Date.now() - t0);
      await page.close();
    }
  } finally {
    await browser.close();
    await cm.stop();
  }
  const p50 = percentile(times, 0.5);
  const max = Math.max(...times);
  return [{ case: `gadget first render in the Finesse desktop simulator (Chromium, ${runs} warm loads)`, db: 'sqlite', figure: `p50 ${ms(p50)} / max ${ms(max)}`, goal: '≤ 1000 ms', ok: max <= 1000, ratio: '', rssMb: null }];
}

interface CalendarBench { benchCalendar(): Promise<Array<{ case: string; p50: number; p99: number; goal: string; ok: boolean }>> }

export async function benchCalendarRows(): Promise<BenchRow[]> {
  let mod: CalendarBench;
  try {
    mod = (await import(new URL('./gadget-calendar.ts', import.meta.url).href)) as CalendarBench;
  } catch {
    return [unavailable('calendar interaction (benchCalendar)', '—', 'per the calendar work', 'test/bench/gadget-calendar.ts comes with the calendar work')];
  }
  return (await mod.benchCalendar()).map((r) => ({ case: `calendar: ${r.case}`, db: '—', figure: `p50 ${ms(r.p50)} / p99 ${ms(r.p99)}`, goal: r.goal, ok: r.ok, ratio: '', rssMb: null }));
}
