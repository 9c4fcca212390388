import { expect, fixture, html } from '@open-wc/testing';
import type { CbTeamReports } from './cb-team-reports.ts';
import './cb-team-reports.ts';
import { mockApi, session, shadow, until, type CbTestContext } from '../../test/mock-api.ts';
import { WIDTHS, controlsOutside, setWidth } from '../../test/widths.ts';

const REPORT = {
  from: '2026-11-18', to: '2026-11-24', zone: 'Europe/Warsaw',
  byDay: [
    { day: '2026-11-23', booked: 3, completed: 2, failed: 1, expired: 0, cancelled: 0, active: 0 },
    { day: '2026-11-24', booked: 1, completed: 0, failed: 0, expired: 0, cancelled: 0, active: 1 },
  ],
  byCampaign: [], bySkill: [], byAgent: [], attempts: [], outcomes: [],
  onTime: { import: { count: 2, p50: 10, p90: 20, p99: 20, max: 20, withinGoal: 1, goalSeconds: 60 }, dial: { count: 0, p50: null, p90: null, p99: null, max: null, withinGoal: null, goalSeconds: 120 }, connect: { count: 1, p50: 90, p90: 90, p99: 90, max: 90, withinGoal: 1, goalSeconds: 300 } },
  fallbackRate: 0.5, reachedInboundRate: null,
};

/** The gadget's API over a mock transport that also answers the REST report (JSON and CSV). */
function backend(answer: (path: string) => Response = (path) => (path.includes('format=csv') ? new Response('day,booked\r\n2026-11-23,3\r\n') : Response.json(REPORT))) {
  const mock = mockApi();
  const paths: string[] = [];
  Object.assign(mock.transport, { get: async (path: string) => (paths.push(path), answer(path)) });
  return { api: mock.api, paths };
}

async function setup(b = backend(), locale: 'en' | 'pl' = 'en') {
  const host = await fixture<CbTestContext>(html`<cb-test-context .api=${b.api} .session=${session({ agentId: '2001', role: 'supervisor', locale })}>
    <cb-team-reports zone="Europe/Warsaw"></cb-team-reports>
  </cb-test-context>`);
  const el = host.querySelector('cb-team-reports') as CbTeamReports;
  await el.updateComplete;
  return { el, ...b };
}
const open = async (el: CbTeamReports) => {
  (shadow(el).querySelector('summary') as HTMLElement).click();
  return until(() => shadow(el).querySelector('cb-report-chart')?.shadowRoot?.querySelector('tbody tr'), 'chart table');
};

describe('cb-team-reports', () => {
  it('loads nothing until opened, then shows the range as chart and table', async () => {
    const { el, paths } = await setup();
    expect(paths).to.deep.equal([]);
    await open(el);
    expect(paths[0]).to.match(/^\/api\/v1\/reports\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}&zone=Europe%2FWarsaw$/);
    const rows = [...shadow(el).querySelector('cb-report-chart')!.shadowRoot!.querySelectorAll('tbody tr')].map((r) => r.querySelector('th')?.textContent);
    expect(rows).to.deep.equal(['2026-11-23', '2026-11-24']);
    expect(shadow(el).querySelector('[role="status"]')?.textContent).to.contain('Report for');
    await expect(el).to.be.accessible();
  });

  it('asks for the chosen days and refuses a reversed range without asking', async () => {
    const { el, paths } = await setup();
    await open(el);
    const set = (id: string, v: string) => {
      const input = shadow(el).querySelector<HTMLInputElement>(id)!;
      input.value = v;
      input.dispatchEvent(new Event('change'));
    };
    set('#r-from', '2026-11-01');
    set('#r-to', '2026-11-07');
    (shadow(el).querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await until(() => paths.length === 2, 'second request');
    expect(paths[1]).to.contain('from=2026-11-01&to=2026-11-07');
    set('#r-from', '2026-11-09');
    (shadow(el).querySelector('button[type="submit"]') as HTMLButtonElement).click();
    const alert = await until(() => shadow(el).querySelector('[role="alert"]'), 'range error');
    expect(alert.textContent).to.contain('start day');
    expect(paths.length).to.equal(2);
  });

  it('downloads the CSV with the supervisor credentials (through the API, not a bare link)', async () => {
    const { el, paths } = await setup();
    await open(el);
    let downloaded = '';
    el.renderRoot.addEventListener('click', (e) => {
      const a = e.target as HTMLAnchorElement;
      if (a.download) (downloaded = a.download), e.preventDefault();
    }, true);
    (shadow(el).querySelector('#r-csv') as HTMLButtonElement).click();
    await until(() => downloaded, 'download');
    expect(paths.at(-1)).to.contain('&format=csv');
    expect(downloaded).to.match(/^callbacks-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  });

  it('shows a refusal in the supervisor language', async () => {
    const { el } = await setup(backend(() => Response.json({ error: 'forbidden', message: 'reports are for supervisors and admins' }, { status: 403 })), 'pl');
    (shadow(el).querySelector('summary') as HTMLElement).click();
    const alert = await until(() => shadow(el).querySelector('[role="alert"]'), 'error');
    expect(alert.textContent).to.contain('Nie udało się wczytać raportu').and.contain('reports are for supervisors');
    await expect(el).to.be.accessible();
  });

  for (const width of WIDTHS) {
    it(`fits a ${width} px column and stays accessible`, async () => {
      const { el } = await setup();
      await open(el);
      await setWidth(el, width);
      expect(controlsOutside(el)).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });
  }
});
