import { expect, fixture, html } from '@open-wc/testing';
import type { CbSupervisor } from './cb-supervisor.ts';
import './cb-supervisor.ts';
import { callback, mockApi, session, shadow, until, type CbTestContext } from '../../test/mock-api.ts';
import { WIDTHS, controlsOutside, scrollsSideways, setWidth } from '../../test/widths.ts';
import type { CbCallbackActions } from '../cb-callback-actions/cb-callback-actions.ts';

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
    <cb-supervisor .timeZone=${'UTC'}></cb-supervisor>
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
    // The chosen day is the supervisor's local day (his zone here: UTC), sent as its two midnights.
    const day = { from: '2026-11-24T00:00:00.000Z', to: '2026-11-25T00:00:00.000Z' };
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

  for (const width of WIDTHS) {
    it(`works in a ${width} px column: cards when narrow, Reschedule/Reassign/Cancel inside, no sideways scroll (Polish)`, async () => {
      const mock = api();
      const host = await fixture<CbTestContext>(html`<cb-test-context .api=${mock.api} .session=${session({ agentId: '2001', role: 'supervisor', locale: 'pl' })}>
        <cb-supervisor .timeZone=${'America/New_York'}></cb-supervisor>
      </cb-test-context>`);
      const el = host.querySelector('cb-supervisor') as CbSupervisor;
      await until(() => shadow(el).querySelector('tr[data-id]') && shadow(el).querySelector('#f-agentId option[value="1002"]'), 'rows and choices');
      const actions = shadow(el).querySelector('tr[data-id="1"] cb-callback-actions') as CbCallbackActions;
      shadow(actions).querySelector<HTMLButtonElement>('[data-action="reassign"]')?.click();
      await setWidth(el, width);
      await actions.updateComplete;
      expect(controlsOutside(el)).to.deep.equal([]);
      expect(scrollsSideways(el)).to.equal(false);
      expect(getComputedStyle(shadow(el).querySelector('tr[data-id="2"]') as Element).display).to.equal(width < 600 ? 'grid' : 'table-row');
      await expect(el).to.be.accessible();
    });
  }

  it("takes the date filter as the supervisor's own day where the UTC day differs (Auckland, UTC+13)", async () => {
    const mock = api();
    const host = await fixture<CbTestContext>(html`<cb-test-context .api=${mock.api} .session=${session({ agentId: '2001', role: 'supervisor' })}>
      <cb-supervisor .timeZone=${'Pacific/Auckland'}></cb-supervisor>
    </cb-test-context>`);
    const el = host.querySelector('cb-supervisor') as CbSupervisor;
    await until(() => shadow(el).querySelector('tr[data-id]'), 'rows');
    const input = shadow(el).querySelector('#f-date') as HTMLInputElement;
    input.value = '2026-11-24';
    input.dispatchEvent(new Event('change'));
    await el.updateComplete;
    // Auckland's 24 November runs from 23 Nov 11:00 UTC to 24 Nov 11:00 UTC.
    expect(mock.transport.callsOf('Callbacks').at(-1)?.filter).to.deep.equal({ from: '2026-11-23T11:00:00.000Z', to: '2026-11-24T11:00:00.000Z' });
    expect(shadow(el).querySelector('#f-date-zone')?.textContent).to.contain('Pacific/Auckland');
    // A live change outside that day stays out; one inside comes in.
    mock.subscriptions?.emit({ callbackChanged: callback({ id: '7', scheduledAt: '2026-11-24T12:00:00Z' }) });
    mock.subscriptions?.emit({ callbackChanged: callback({ id: '8', scheduledAt: '2026-11-23T12:00:00Z' }) });
    await el.updateComplete;
    expect(rows(el)).to.include('8').and.not.include('7');
  });

  it('labels each time with its zone and adds the supervisor\'s time, so zones never mix unlabelled', async () => {
    const items = [callback({ id: '1' }), callback({ id: '2', timeZone: 'America/New_York', scheduledAt: '2026-11-24T15:00:00Z' })];
    const mock = mockApi({ Callbacks: () => ({ callbacks: { items, nextCursor: null } }) }, true);
    const { el } = await setup(mock);
    const time = (id: string, part: string) => shadow(el).querySelector(`tr[data-id="${id}"] ${part}`)?.textContent;
    expect(time('1', '.customer-time')).to.equal('24 Nov 2026, 15:00 CET');
    expect(time('2', '.customer-time')).to.equal('24 Nov 2026, 10:00 GMT-5');
    expect(time('1', '.agent-time')).to.equal('your time 14:00 UTC');
    expect(time('2', '.agent-time')).to.equal('your time 15:00 UTC');
  });

  it('asks the server for the chosen order and puts live changes in it', async () => {
    const { el, mock } = await setup();
    const select = shadow(el).querySelector('#team-sort') as HTMLSelectElement;
    select.value = 'scheduled_desc';
    select.dispatchEvent(new Event('change'));
    await until(() => mock.transport.callsOf('Callbacks').at(-1)?.sort === 'scheduled_desc', 'sorted on the server');
    await until(() => !shadow(el).querySelector('p.hint[role="status"]'), 'loaded');
    mock.subscriptions?.emit({ callbackChanged: callback({ id: '5', scheduledAt: '2026-11-24T14:30:00Z' }) });
    await el.updateComplete;
    expect(rows(el)).to.deep.equal(['2', '5', '1']);
  });

  it('after a reassign keeps the focus on the row and says where the callback went', async () => {
    const mock = api();
    mock.transport.handlers.ReassignCallback = () => ({ reassignCallback: { callback: { ...ITEMS[0], agentId: '1002' }, violations: [], duplicate: null } });
    const { el } = await setup(mock);
    const actions = () => shadow(el).querySelector('tr[data-id="1"] cb-callback-actions') as CbCallbackActions;
    shadow(actions()).querySelector<HTMLButtonElement>('[data-action="reassign"]')?.click();
    await actions().updateComplete;
    const select = shadow(actions()).querySelector('select') as HTMLSelectElement;
    select.value = 'agent:1002';
    select.dispatchEvent(new Event('change'));
    await actions().updateComplete;
    shadow(actions()).querySelector<HTMLButtonElement>('form .primary')?.click();
    await until(() => shadow(el).activeElement === actions(), 'focus stays on the row');
    expect(shadow(actions()).activeElement?.getAttribute('data-action')).to.equal('reschedule');
    expect(shadow(el).querySelector('[role="status"][aria-live="polite"]')?.textContent).to.equal('Callback of Ala Kowalski now goes to Piotr Kowalski.');
  });

  it('after Load more moves the focus to the first new row; after a cancel, to the next row', async () => {
    const more = [callback({ id: '3', firstName: 'Ela', scheduledAt: '2026-11-24T16:00:00Z' }), callback({ id: '4', firstName: 'Iza', scheduledAt: '2026-11-24T17:00:00Z' })];
    const mock = api();
    mock.transport.handlers.Callbacks = (v) => ({ callbacks: v.cursor ? { items: more, nextCursor: null } : { items: ITEMS, nextCursor: 'c1' } });
    mock.transport.handlers.CancelCallback = ({ id }) => ({ cancelCallback: { callback: { ...more[0], id, status: 'cancelled' }, violations: [], duplicate: null } });
    const { el } = await setup(mock);
    (shadow(el).querySelector('#team-more') as HTMLButtonElement).click();
    await until(() => shadow(el).activeElement?.getAttribute('data-detail') === '3', 'focus on the first new row');
    expect(shadow(el).querySelector('[role="status"][aria-live="polite"]')?.textContent).to.equal('2 more callback(s) loaded.');
    const actions = (id: string) => shadow(el).querySelector(`tr[data-id="${id}"] cb-callback-actions`) as CbCallbackActions;
    shadow(actions('3')).querySelector<HTMLButtonElement>('[data-action="cancel"]')?.click();
    await actions('3').updateComplete;
    shadow(actions('3')).querySelector<HTMLButtonElement>('.panel .primary')?.click();
    await until(() => shadow(el).activeElement === actions('4'), 'focus on the next row');
    expect(shadow(el).querySelector('[role="status"][aria-live="polite"]')?.textContent).to.equal('Callback of Ela Kowalski cancelled.');
  });
});
