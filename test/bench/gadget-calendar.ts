// Browser benchmark of the booking calendar (issue 10: one render once built 20,195 formatters and
// froze the gadget ~1.25 s per click). Bundles the booking form with a mocked API answering a whole
// 30-day horizon as the server sends it (a SlotGrid, which the API client expands), opens it in
// Debian's Chromium and times, inside the page with performance.now, each interaction from the
// click to the updated, laid-out DOM: day click, slot click, skill change.
// Goal: < 50 ms (p99). A benchmark, never a timed unit test. Alone: `tsx test/bench/gadget-calendar.ts`.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../e2e/embedded.ts';

export interface CalendarBenchRow { case: string; p50: number; p99: number; goal: string; ok: boolean }

const GOAL_MS = 50;
const REPS = Number(process.env.CM_BENCH_CALENDAR_REPS ?? 200);
const root = fileURLToPath(new URL('../../', import.meta.url));

/** The page's script: the booking form in its context host, and the timing loops (run in Chromium). */
const PAGE_ENTRY = `
import { html, render } from 'lit';
import './gadget/components/cb-booking-form/cb-booking-form.ts';
import { NOW, mockApi, outboundCall, session } from './gadget/test/mock-api.ts';
import { horizonGrid } from './gadget/test/horizon-slots.ts';

const answer = horizonGrid(30, NOW);
const mock = mockApi({ Availability: () => ({ availabilityGrid: answer }) });
render(html\`<cb-test-context style="display:block;width:450px" .api=\${mock.api} .session=\${session({ locale: 'pl' })} .call=\${outboundCall()}>
  <cb-booking-form .now=\${() => NOW}></cb-booking-form></cb-test-context>\`, document.body);

const form = document.querySelector('cb-booking-form');
const cal = () => form.shadowRoot.querySelector('cb-availability-calendar');
const settle = async () => {
  // The mocked API answers in microtasks: spin on them (never on timers, which would add latency).
  for (let i = 0; i < 100000 && !cal()?.shadowRoot?.querySelector('.slot'); i++) await Promise.resolve();
  await form.updateComplete;
  await cal().updateComplete;
  document.body.getBoundingClientRect(); // style and layout are part of the interaction
};
const ready = async () => {
  const deadline = Date.now() + 10000;
  while (!cal()?.shadowRoot?.querySelector('.slot.high, .slot.mid, .slot.low')) {
    if (Date.now() > deadline) throw new Error('the calendar never showed free slots');
    await new Promise((r) => setTimeout(r, 20));
  }
};
async function time(reps, act) {
  const out = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    await act(i);
    await settle();
    out.push(performance.now() - t0);
    if (i % 10 === 9) await new Promise((r) => setTimeout(r)); // let the browser breathe like a user would
  }
  return out;
}
window.benchCalendar = async (reps) => {
  await ready();
  const q = (s) => cal().shadowRoot.querySelectorAll(s);
  const dayClick = await time(reps, (i) => { const days = q('.day'); days[(i % (days.length - 1)) + 1].click(); });
  const slotClick = await time(reps, (i) => { const open = q('.slot:not([disabled])'); open[i % open.length].click(); });
  const skills = ['Support', 'Sales'];
  const skillChange = await time(reps, (i) => {
    const select = form.shadowRoot.querySelector('#skill');
    select.value = skills[i % 2];
    select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  });
  return { dayClick, slotClick, skillChange, slots: answer.count };
};
`;

async function bundle(): Promise<string> {
  const out = await build({
    stdin: { contents: PAGE_ENTRY, resolveDir: root, sourcefile: 'gadget-calendar-bench.ts', loader: 'ts' },
    bundle: true,
    format: 'iife',
    target: 'es2022',
    write: false,
    tsconfig: `${root}tsconfig.json`,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  return out.outputFiles[0].text;
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const round = (ms: number) => Math.round(ms * 100) / 100;

export async function benchCalendar(): Promise<Array<{ case: string; p50: number; p99: number; goal: string; ok: boolean }>> {
  const script = await bundle();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setContent('<!doctype html><html lang="pl"><head><meta charset="utf-8"></head><body></body></html>');
    await page.addScriptTag({ content: script });
    const r = await page.evaluate((reps) => (window as unknown as { benchCalendar: (n: number) => Promise<Record<string, number[] | number>> }).benchCalendar(reps), REPS);
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    const slots = r.slots as number;
    const row = (name: string, xs: number[]): CalendarBenchRow => {
      const p99 = percentile(xs, 0.99);
      return { case: `gadget calendar: ${name} (${slots} slots, ${xs.length}×)`, p50: round(percentile(xs, 0.5)), p99: round(p99), goal: `p99 < ${GOAL_MS} ms`, ok: p99 < GOAL_MS };
    };
    return [row('day click', r.dayClick as number[]), row('slot click', r.slotClick as number[]), row('skill change', r.skillChange as number[])];
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rows = await benchCalendar();
  console.table(rows);
  if (rows.some((r) => !r.ok)) process.exitCode = 1;
}
