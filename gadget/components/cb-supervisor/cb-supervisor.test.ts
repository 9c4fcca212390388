import { expect, fixture, html } from '@open-wc/testing';
import type { CbSupervisor } from './cb-supervisor.ts';
import './cb-supervisor.ts';
import { callback, mockApi, session, shadow, until, type CbTestContext } from '../../test/mock-api.ts';

const ITEMS = [
  callback({ id: '1', firstName: 'Ala', agentId: '1001' }),
  callback({ id: '2', firstName: 'Ola', agentId: '1002', scheduledAt: '2026-11-24T15:00:00Z' }),
];

function api() {
  return mockApi({
    Callbacks: () => ({ callbacks: { items: ITEMS, nextCursor: null } }),
    CallbackCounts: () => ({ callbackCounts: [{ status: 'scheduled', count: 2 }, { status: 'completed', count: 5 }] }),
    History: () => ({ history: [{ id: '9', at: '2026-11-24T10:00:00Z', event: 'dial_result', actor: 'uccx', details: '{"result":"no_answer"}' }] }),
  }, true);
}

async function setup(mock = api()) {
  const host = await fixture<CbTestContext>(html`<cb-test-context .api=${mock.api} .session=${session({ agentId: '2001', role: 'supervisor' })}>
    <cb-supervisor></cb-supervisor>
  </cb-test-context>`);
  const el = host.querySelector('cb-supervisor') as CbSupervisor;
  await until(() => shadow(el).querySelector('tr[data-id]') && shadow(el).querySelector('#f-agentId option[value="1002"]'), 'rows and choices');
  await el.updateComplete;
  return { el, mock };
}
const rows = (el: CbSupervisor) => [...shadow(el).querySelectorAll('tbody tr[data-id]')].map((r) => r.getAttribute('data-id'));

describe('cb-supervisor', () => {
  it('shows why a team callback did not happen, under its row', async () => {
    const { el } = await setup();
    (shadow(el).querySelector('[data-detail="2"]') as HTMLButtonElement).click();
    const detail = await until(() => shadow(el).querySelector('cb-callback-detail'), 'detail open');
    const item = await until(() => detail.shadowRoot?.querySelector('li'), 'history');
    expect(item.textContent).to.contain('UCCX result').and.contain('no answer');
    await expect(el).to.be.accessible();
  });

  it('lists the team callbacks with counts per status', async () => {
    const { el } = await setup();
    expect(rows(el)).to.deep.equal(['1', '2']);
    const counts = [...shadow(el).querySelectorAll('.counts button')].map((b) => b.textContent?.trim());
    expect(counts).to.deep.equal(['scheduled: 2', 'completed: 5']);
    expect(shadow(el).querySelector('tr[data-id="2"]')?.textContent).to.contain('Piotr Kowalski');
    expect(shadow(el).querySelector('.live')?.textContent).to.equal('Live updates on');
  });

  it('filters by status, agent, skill, campaign and date', async () => {
    const { el, mock } = await setup();
    const choose = async (id: string, value: string) => {
      const input = shadow(el).querySelector(id) as HTMLSelectElement | HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('change'));
      await el.updateComplete;
    };
    await choose('#f-status', 'scheduled');
    await choose('#f-agentId', '1002');
    await choose('#f-skill', 'Sales');
    await choose('#f-campaign', 'CB_MAIN');
    await choose('#f-date', '2026-11-24');
    // The chosen day is the supervisor's local day, sent as its two local midnights.
    const day = { from: new Date(2026, 10, 24).toISOString(), to: new Date(2026, 10, 25).toISOString() };
    expect(mock.transport.callsOf('Callbacks').at(-1)?.filter).to.deep.equal({
      status: ['scheduled'], agentId: '1002', skill: 'Sales', campaign: 'CB_MAIN', ...day,
    });
    expect(mock.transport.callsOf('CallbackCounts').at(-1)?.filter).to.deep.equal({ agentId: '1002', skill: 'Sales', campaign: 'CB_MAIN', ...day });
  });

  it('searches on the server as the supervisor types', async () => {
    const { el, mock } = await setup();
    const input = shadow(el).querySelector('#f-search') as HTMLInputElement;
    input.value = 'Kowal';
    input.dispatchEvent(new Event('input'));
    await until(() => mock.transport.callsOf('Callbacks').some((v) => v.search === 'Kowal'), 'searched');
  });

  it('filters by status from the counts', async () => {
    const { el, mock } = await setup();
    shadow(el).querySelector<HTMLButtonElement>('.counts button[data-status="completed"]')?.click();
    await el.updateComplete;
    expect(mock.transport.callsOf('Callbacks').at(-1)?.filter).to.deep.equal({ status: ['completed'] });
  });

  it('updates live when a callback changes', async () => {
    const { el, mock } = await setup();
    mock.subscriptions?.emit({ callbackChanged: { ...ITEMS[0], agentId: '1002', status: 'queued' } });
    await el.updateComplete;
    const row = shadow(el).querySelector('tr[data-id="1"]');
    expect(row?.textContent).to.contain('queued').and.contain('Piotr Kowalski');
    expect(row?.classList.contains('changed')).to.equal(true);
    expect(shadow(el).querySelector('[role="status"][aria-live]')?.textContent).to.contain('Ala Kowalski is now queued');
    await until(() => mock.transport.callsOf('CallbackCounts').length > 1, 'counts refreshed');
  });

  it('drops a live change that leaves the filter', async () => {
    const { el, mock } = await setup();
    const select = shadow(el).querySelector('#f-status') as HTMLSelectElement;
    select.value = 'scheduled';
    select.dispatchEvent(new Event('change'));
    await until(() => mock.transport.callsOf('Callbacks').length > 1, 'reload');
    mock.subscriptions?.emit({ callbackChanged: { ...ITEMS[1], status: 'cancelled' } });
    await el.updateComplete;
    expect(rows(el)).to.not.include('2');
  });

  it('is accessible', async () => {
    const { el } = await setup();
    await expect(el).to.be.accessible();
  });
});
