import { expect, fixture, html } from '@open-wc/testing';
import type { CbReportChart } from './cb-report-chart.ts';
import './cb-report-chart.ts';
import type { Report } from '../../admin/admin-api.ts';
import { shadow, until } from '../../test/mock-api.ts';
import { WIDTHS, controlsOutside, scrollsSideways, setWidth } from '../../test/widths.ts';

const day = (d: string, completed: number, failed: number) => ({ day: d, booked: completed + failed + 1, completed, failed, expired: 0, cancelled: 1, active: 0 });
const stats = (goalSeconds: number, withinGoal: number | null, p90: number | null) => ({ count: 10, p50: 5, p90, p99: 40, max: 50, withinGoal, goalSeconds });
const REPORT: Report = {
  byDay: [day('2026-11-23', 7, 2), day('2026-11-24', 12, 1)],
  byCampaign: [], bySkill: [], byAgent: [],
  onTime: { import: stats(60, 0.95, 12), dial: stats(120, 0.9, 30), connect: stats(300, null, null) },
  attempts: [{ attempts: 1, callbacks: 18 }], outcomes: [{ result: 'voice', attempts: 19 }],
  fallbackRate: 0.25, reachedInboundRate: null,
};

async function setup(report: Report | null = REPORT) {
  const el = await fixture<CbReportChart>(html`<cb-report-chart .report=${report}></cb-report-chart>`);
  await el.updateComplete;
  return el;
}

describe('cb-report-chart', () => {
  it('draws the chart and gives every figure it shows in a table and a list (for screen readers and CSV users)', async () => {
    const el = await setup();
    const canvas = shadow(el).querySelector('canvas[role="img"]') as HTMLCanvasElement;
    expect(canvas.getAttribute('aria-label')).to.contain('table below');
    await until(() => canvas.width > 0, 'chart drawn');
    const rows = [...shadow(el).querySelectorAll('tbody tr')].map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(rows).to.deep.equal([
      ['2026-11-23', '10', '7', '2', '0', '1', '0'],
      ['2026-11-24', '14', '12', '1', '0', '1', '0'],
    ]);
    const list = shadow(el).querySelector('dl')?.textContent ?? '';
    expect(list).to.contain('95 %').and.contain('p90 12 s').and.contain('25 %');
    expect(list, 'no data is a dash, not 0 %').to.contain('—');
    await expect(el).to.be.accessible();
  });

  it('renders nothing without a report and redraws when the report changes', async () => {
    const el = await setup(null);
    expect(shadow(el).querySelector('canvas')).to.equal(null);
    el.report = { ...REPORT, byDay: [day('2026-11-25', 3, 0)] };
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('tbody tr')).to.have.length(1);
  });

  for (const width of WIDTHS) {
    it(`fits a ${width} px column without sideways scrolling, accessible`, async () => {
      const el = await setup();
      await setWidth(el, width);
      // Chart.js resizes its canvas on the next ResizeObserver round: wait for it, then nothing spills.
      await until(() => !scrollsSideways(el), `the chart fits ${width} px (it still scrolls sideways)`);
      expect(controlsOutside(el, shadow(el))).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });
  }
});
