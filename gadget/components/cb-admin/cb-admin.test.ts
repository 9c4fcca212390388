import { expect, fixture, html } from '@open-wc/testing';
import type { CbAdmin } from './cb-admin.ts';
import './cb-admin.ts';
import { fakeAdmin } from '../../test/fake-admin.ts';
import { shadow, until } from '../../test/mock-api.ts';
import { WIDTHS, controlsOutside, setWidth } from '../../test/widths.ts';

const RULES = { leadMinutes: 5, horizonDays: 30, windowStart: '08:00', windowEnd: '21:00', slotMinutes: 15, capacityPerSkillSlot: 10, capacityPerAgentSlot: 2, expiryHours: 4, personalFallbackSeconds: 30 };
const REPORT = {
  byDay: [{ day: '2026-12-01', booked: 3, completed: 1, failed: 1, expired: 0, cancelled: 0, active: 1 }],
  onTime: { import: { count: 2, p50: -30, p90: 120, p99: 120, withinGoal: 0.5, goalSeconds: 60 }, dial: { count: 0, p50: null, p90: null, p99: null, withinGoal: null, goalSeconds: 120 }, connect: { count: 1, p50: 90, p90: 90, p99: 90, withinGoal: 1, goalSeconds: 300 } },
  fallbackRate: 1,
  reachedInboundRate: 0.5,
};

function backend() {
  return fakeAdmin({
    'GET /api/v1/admin/global-rules': { body: RULES },
    'PUT /api/v1/admin/global-rules': (body) => (body.windowEnd < body.windowStart ? { status: 422, body: { error: 'invalid_configuration', errors: [{ field: 'windowEnd', code: 'INVALID_WINDOW', message: 'the calling window must end after it starts' }] } } : { body }),
    'GET /api/v1/admin/campaigns': { body: [] },
    'GET /api/v1/admin/holiday-calendars': { body: [] },
    'GET /api/v1/admin/uccx-campaigns': { status: 503, body: { error: 'uccx_unavailable' } },
    'GET /api/v1/admin/audit': { body: [{ id: 2, at: '2026-12-01T10:00:00Z', actor: '9001', action: 'skill.update', target: 'skill:Night', before: { csq: 'CSQ_Sales' }, after: { csq: 'CSQ_Night' } }] },
    'GET /api/v1/reports': { body: REPORT },
    'GET /api/v1/admin/connections': { body: [] },
    'GET /api/v1/admin/skills': { body: [] },
  });
}

async function signedIn() {
  const fake = backend();
  const el = await fixture<CbAdmin>(html`<cb-admin cm-url="http://cm.test" .fetchImpl=${fake.fetchImpl}></cb-admin>`);
  (shadow(el).querySelector('#user') as HTMLInputElement).value = '9001';
  (shadow(el).querySelector('#password') as HTMLInputElement).value = 'demo';
  (shadow(el).querySelector('form') as HTMLFormElement).requestSubmit();
  await until(() => shadow(el).querySelector('[role="tablist"]'), 'signed in');
  return { el, fake };
}

describe('cb-admin', () => {
  it('signs in with Finesse credentials and shows the tabs', async () => {
    const { fake } = await signedIn();
    expect(fake.calls[0].path).to.equal('/api/v1/admin/global-rules');
  });

  it('refuses a reversed calling window next to the field (rules tab)', async () => {
    const { el } = await signedIn();
    (shadow(el).querySelector('#tab-rules') as HTMLButtonElement).click();
    await el.updateComplete;
    const rules = shadow(el).querySelector('cb-admin-rules') as HTMLElement;
    const end = await until(() => rules.shadowRoot?.querySelector<HTMLInputElement>('#r-windowEnd'), 'rules form');
    end.value = '07:00';
    end.dispatchEvent(new Event('input'));
    (rules.shadowRoot?.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    const error = await until(() => rules.shadowRoot?.querySelector('#r-windowEnd-error'), 'error');
    expect(error.textContent).to.contain('must end after it starts');
    await expect(rules).to.be.accessible();
  });

  it('shows the report as a chart and a table, and the audit log with what changed', async () => {
    const { el } = await signedIn();
    (shadow(el).querySelector('#tab-reports') as HTMLButtonElement).click();
    const chart = await until(() => shadow(el).querySelector('cb-report-chart')?.shadowRoot?.querySelector('tbody tr'), 'report table');
    expect(chart.textContent).to.contain('2026-12-01');
    expect(shadow(el).querySelector('cb-report-chart')?.shadowRoot?.querySelector('canvas[role="img"]')).to.not.equal(null);
    await expect(shadow(el).querySelector('cb-report-chart')).to.be.accessible();
    (shadow(el).querySelector('#tab-audit') as HTMLButtonElement).click();
    const row = await until(() => shadow(el).querySelector('cb-admin-audit')?.shadowRoot?.querySelector('tbody tr'), 'audit');
    expect(row.textContent).to.contain('csq: "CSQ_Sales" → "CSQ_Night"');
    await expect(shadow(el).querySelector('cb-admin-audit')).to.be.accessible();
  });

  it('moves between tabs with the arrow keys and is accessible', async () => {
    const { el } = await signedIn();
    (shadow(el).querySelector('#tab-campaigns') as HTMLButtonElement).dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await until(() => shadow(el).activeElement?.id === 'tab-skills', 'focus moved');
    await expect(el).to.be.accessible();
  });

  it('offers skills, holidays and connections as tabs', async () => {
    const { el } = await signedIn();
    const tabs = [...shadow(el).querySelectorAll('[role="tab"]')].map((t) => t.textContent);
    expect(tabs).to.deep.equal(['Campaigns', 'Skills', 'Holidays', 'Rules', 'Connections', 'Reports', 'Audit log', 'Operations', 'Service accounts']);
    (shadow(el).querySelector('#tab-connections') as HTMLButtonElement).click();
    await until(() => shadow(el).querySelector('cb-admin-connections'), 'connections panel');
  });

  for (const width of WIDTHS) {
    it(`signs in and shows the tabs in a ${width} px column, accessible`, async () => {
      const fake = backend();
      const el = await fixture<CbAdmin>(html`<cb-admin cm-url="http://cm.test" .fetchImpl=${fake.fetchImpl}></cb-admin>`);
      await setWidth(el, width);
      expect(controlsOutside(el)).to.deep.equal([]);
      await expect(el).to.be.accessible();
      const { el: signed } = await signedIn();
      await setWidth(signed, width);
      expect(controlsOutside(signed)).to.deep.equal([]);
      await expect(signed).to.be.accessible();
    });
  }
});
