import { expect, fixture, html } from '@open-wc/testing';
import type { CbMyCallbacks } from './cb-my-callbacks.ts';
import './cb-my-callbacks.ts';
import { NOW, callback, mockApi, session, shadow, until, type CbTestContext } from '../../test/mock-api.ts';
import { gridOf } from '../../test/horizon-slots.ts';
import { WIDTHS, controlsOutside, scrollsSideways, setWidth } from '../../test/widths.ts';
import type { CbCallbackActions } from '../cb-callback-actions/cb-callback-actions.ts';
import { countFormatters } from '../../test/formatters.ts';

const ITEMS = [
  callback({ id: '1', firstName: 'Overdue', scheduledAt: '2026-11-24T09:30:00Z' }),
  callback({ id: '2', firstName: 'Soon', scheduledAt: '2026-11-24T10:10:00Z' }),
  callback({ id: '3', firstName: 'Later', scheduledAt: '2026-11-25T10:00:00Z' }),
  callback({ id: '4', firstName: 'Done', scheduledAt: '2026-11-23T10:00:00Z', status: 'completed' }),
  callback({ id: '5', firstName: 'Skill', type: 'skill', agentId: null, createdBy: '1001', scheduledAt: '2026-11-26T10:00:00Z' }),
  callback({ id: '6', firstName: 'Other', agentId: '1002', createdBy: '1002' }),
];

async function setup(mock = mockApi({ Callbacks: () => ({ callbacks: { items: ITEMS, nextCursor: null } }) }, true), timeZone = 'Europe/Warsaw') {
  const host = await fixture<CbTestContext>(html`<cb-test-context .api=${mock.api} .session=${session()}>
    <cb-my-callbacks .now=${() => NOW} .timeZone=${timeZone}></cb-my-callbacks>
  </cb-test-context>`);
  const el = host.querySelector('cb-my-callbacks') as CbMyCallbacks;
  await until(() => shadow(el).querySelector('tr[data-id]'), 'rows');
  await el.updateComplete;
  return { el, mock };
}

const idsIn = (el: CbMyCallbacks, group: string) => [...shadow(el).querySelectorAll(`section.${group} tr[data-id]`)].map((r) => r.getAttribute('data-id'));

describe('cb-my-callbacks', () => {
  it('renders a page of 200 callbacks in several zones with a bounded number of date formatters', async () => {
    const zones = ['Europe/Warsaw', 'America/New_York', 'Asia/Tokyo', 'Europe/London'];
    const many = Array.from({ length: 200 }, (_, i) => callback({ id: String(100 + i), firstName: `C${i}`, timeZone: zones[i % 4], scheduledAt: new Date(NOW.getTime() + (i - 100) * 3_600_000).toISOString(), status: i < 100 ? 'completed' : 'scheduled' }));
    let el: CbMyCallbacks | undefined;
    const made = await countFormatters(async () => {
      ({ el } = await setup(mockApi({ Callbacks: () => ({ callbacks: { items: many, nextCursor: null } }) }, true)));
      await until(() => shadow(el as CbMyCallbacks).querySelectorAll('tr[data-id]').length === 200, 'all rows');
    });
    // Per locale, zone and style, never per row: 4 zones × a few styles, far below 200.
    expect(made).to.be.at.most(40);
  });

  it('opens a callback\'s story under its row and gives focus back to its button when closed', async () => {
    const mock = mockApi({ Callbacks: () => ({ callbacks: { items: ITEMS, nextCursor: null } }), History: () => ({ history: [{ id: '1', at: '2026-11-24T08:00:00Z', event: 'booked', actor: '1001', details: '{}' }] }) }, true);
    const { el } = await setup(mock);
    const button = shadow(el).querySelector('[data-detail="3"]') as HTMLButtonElement;
    button.click();
    const detail = await until(() => shadow(el).querySelector('cb-callback-detail'), 'detail open');
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    await until(() => detail.shadowRoot?.querySelector('li'), 'history');
    (detail.shadowRoot?.querySelector('button') as HTMLButtonElement).click();
    await until(() => !shadow(el).querySelector('cb-callback-detail'), 'closed');
    expect(shadow(el).activeElement).to.equal(shadow(el).querySelector('[data-detail="3"]'));
  });

  it('searches on the server and loads further pages with the cursor', async () => {
    const pages: Record<string, { items: unknown[]; nextCursor: string | null }> = {
      first: { items: [ITEMS[1]], nextCursor: 'c1' },
      c1: { items: [ITEMS[3]], nextCursor: null },
      search: { items: [ITEMS[2]], nextCursor: null },
    };
    const mock = mockApi({ Callbacks: (v) => ({ callbacks: v.search ? pages.search : pages[v.cursor ?? 'first'] }) }, true);
    const { el } = await setup(mock);
    expect(mock.transport.callsOf('Callbacks')[0]).to.include({ cursor: null, search: null });
    (shadow(el).querySelector('#mine-more') as HTMLButtonElement).click();
    await until(() => idsIn(el, 'finished').length === 1, 'second page appended');
    expect(idsIn(el, 'dueSoon')).to.deep.equal(['2']);
    expect(shadow(el).querySelector('#mine-more')).to.equal(null);
    const input = shadow(el).querySelector('#mine-search') as HTMLInputElement;
    input.value = '601 234';
    input.dispatchEvent(new Event('input'));
    await until(() => mock.transport.callsOf('Callbacks').some((v) => v.search === '601 234'), 'searched');
    await until(() => idsIn(el, 'upcoming').join() === '3', 'search result shown');
    // A live change of a callback the search did not find does not slip into the results.
    mock.subscriptions?.emit({ callbackChanged: callback({ id: '9', firstName: 'Elsewhere', scheduledAt: '2026-11-25T12:00:00Z' }) });
    await el.updateComplete;
    expect(idsIn(el, 'upcoming')).to.deep.equal(['3']);
    await expect(el).to.be.accessible();
  });

  it('groups my callbacks into overdue, due soon, upcoming and finished', async () => {
    const { el } = await setup();
    expect(idsIn(el, 'overdue')).to.deep.equal(['1']);
    expect(idsIn(el, 'dueSoon')).to.deep.equal(['2']);
    expect(idsIn(el, 'upcoming')).to.deep.equal(['3', '5']);
    expect(idsIn(el, 'finished')).to.deep.equal(['4']);
    expect(shadow(el).querySelector('tr[data-id="6"]')).to.equal(null);
  });

  it('raises a visible alert for callbacks due soon', async () => {
    const { el } = await setup();
    const alert = shadow(el).querySelector('.alert');
    expect(alert?.getAttribute('role')).to.equal('alert');
    expect(alert?.textContent).to.contain('1 callback(s) due within 15 minutes');
  });

  it('cancels a callback after confirmation', async () => {
    const mock = mockApi({
      Callbacks: () => ({ callbacks: { items: ITEMS, nextCursor: null } }),
      CancelCallback: ({ id }) => ({ cancelCallback: { callback: { ...ITEMS[2], id, status: 'cancelled' }, violations: [], duplicate: null } }),
    }, true);
    const { el } = await setup(mock);
    const actions = shadow(el).querySelector('tr[data-id="3"] cb-callback-actions') as HTMLElement;
    shadow(actions).querySelector<HTMLButtonElement>('[data-action="cancel"]')?.click();
    await (actions as unknown as { updateComplete: Promise<void> }).updateComplete;
    shadow(actions).querySelector<HTMLButtonElement>('.panel .primary')?.click();
    await until(() => idsIn(el, 'finished').includes('3'), 'moved to finished');
    expect(mock.transport.callsOf('CancelCallback')[0]).to.deep.equal({ id: '3', reason: 'agent' });
  });

  it('follows live changes', async () => {
    const { el, mock } = await setup();
    mock.subscriptions?.emit({ callbackChanged: { ...ITEMS[2], status: 'completed' } });
    await el.updateComplete;
    expect(idsIn(el, 'finished')).to.include('3');
  });

  it('renders customer text as text', async () => {
    const evil = callback({ id: '9', firstName: '<img src=x onerror="window.__xss=1">', scheduledAt: '2026-11-25T10:00:00Z' });
    const { el } = await setup(mockApi({ Callbacks: () => ({ callbacks: { items: [evil], nextCursor: null } }) }, true));
    expect(shadow(el).querySelector('tr[data-id="9"] img')).to.equal(null);
    expect(shadow(el).querySelector('tr[data-id="9"]')?.textContent).to.contain('<img src=x');
  });

  it('is accessible', async () => {
    const { el } = await setup();
    await expect(el).to.be.accessible();
  });

  for (const width of WIDTHS) {
    it(`works in a ${width} px column: cards when narrow, every action inside, no sideways scroll (Polish)`, async () => {
      const long = callback({ id: '7', firstName: 'Bartłomiej', lastName: 'Wierzbicki-Konstantynowicz', scheduledAt: '2026-11-25T11:00:00Z', notes: 'Prosi o telefon po południu w sprawie rozszerzenia umowy serwisowej na drugi lokal', createdBy: '1002', agentId: '1001' });
      const mock = mockApi({ Callbacks: () => ({ callbacks: { items: [...ITEMS, long], nextCursor: 'more' } }) }, true);
      const host = await fixture<CbTestContext>(html`<cb-test-context .api=${mock.api} .session=${session({ locale: 'pl' })}>
        <cb-my-callbacks .now=${() => NOW} .timeZone=${'America/New_York'}></cb-my-callbacks>
      </cb-test-context>`);
      const el = host.querySelector('cb-my-callbacks') as CbMyCallbacks;
      await until(() => shadow(el).querySelector('tr[data-id="7"]'), 'rows');
      const actions = shadow(el).querySelector('tr[data-id="1"] cb-callback-actions') as CbCallbackActions;
      shadow(actions).querySelector<HTMLButtonElement>('[data-action="cancel"]')?.click();
      await setWidth(el, width);
      await actions.updateComplete;
      expect(controlsOutside(el)).to.deep.equal([]);
      expect(scrollsSideways(el)).to.equal(false);
      const row = shadow(el).querySelector('tr[data-id="7"]') as HTMLElement;
      expect(getComputedStyle(row).display).to.equal(width < 600 ? 'grid' : 'table-row');
      await expect(el).to.be.accessible();
    });
  }

  it('shows who booked each callback and its notes, cut short with the full text in the title', async () => {
    const notes = 'Customer asks to be called about the second site, after the lunch break, on the mobile number';
    const mock = mockApi({ Callbacks: () => ({ callbacks: { items: [callback({ id: '8', createdBy: '1002', notes }), callback({ id: '9', createdBy: '7777', notes: null })], nextCursor: null } }) }, true);
    const { el } = await setup(mock);
    await until(() => shadow(el).querySelector('tr[data-id="8"] .booked-by')?.textContent?.includes('Piotr'), 'names');
    expect(shadow(el).querySelector('tr[data-id="8"] .booked-by')?.textContent).to.equal('Booked by Piotr Kowalski');
    const cut = shadow(el).querySelector('tr[data-id="8"] .cell-notes') as HTMLElement;
    expect(cut.textContent?.length).to.be.lessThan(notes.length);
    expect(cut.textContent?.endsWith('…')).to.equal(true);
    expect(cut.title).to.equal(notes);
    expect(shadow(el).querySelector('tr[data-id="9"] .booked-by')?.textContent).to.equal('Booked by 7777');
    expect(shadow(el).querySelector('tr[data-id="9"] .cell-notes')).to.equal(null);
  });

  it("shows the customer's time with its zone label, and the agent's time when his zone differs", async () => {
    const { el } = await setup(undefined, 'America/New_York');
    const when = shadow(el).querySelector('tr[data-id="3"] td.when') as HTMLElement;
    expect(when.querySelector('.customer-time')?.textContent).to.equal('25 Nov 2026, 11:00 CET');
    expect(when.querySelector('.agent-time')?.textContent).to.equal('your time 05:00 GMT-5');
    const same = await setup(undefined, 'Europe/Berlin');
    expect(shadow(same.el).querySelector('tr[data-id="3"] .agent-time')).to.equal(null);
  });

  it('asks the server for the chosen order and keeps it within each group', async () => {
    const { el, mock } = await setup();
    expect(mock.transport.callsOf('Callbacks')[0].sort).to.equal('upcoming');
    const select = shadow(el).querySelector('#mine-sort') as HTMLSelectElement;
    select.value = 'scheduled_desc';
    select.dispatchEvent(new Event('change'));
    await until(() => mock.transport.callsOf('Callbacks').some((v) => v.sort === 'scheduled_desc'), 'sorted on the server');
    await until(() => !shadow(el).querySelector('p.hint[role="status"]'), 'loaded');
    expect(idsIn(el, 'upcoming')).to.deep.equal(['5', '3']);
    // A live change lands where the order puts it.
    mock.subscriptions?.emit({ callbackChanged: callback({ id: '10', scheduledAt: '2026-11-25T12:00:00Z' }) });
    await el.updateComplete;
    expect(idsIn(el, 'upcoming')).to.deep.equal(['5', '10', '3']);
  });

  it("after a cancel, moves the focus to the next row's first action and says what happened", async () => {
    const mock = mockApi({
      Callbacks: () => ({ callbacks: { items: ITEMS, nextCursor: null } }),
      CancelCallback: ({ id }) => ({ cancelCallback: { callback: { ...ITEMS[2], id, status: 'cancelled' }, violations: [], duplicate: null } }),
    }, true);
    const { el } = await setup(mock);
    const actions = shadow(el).querySelector('tr[data-id="3"] cb-callback-actions') as CbCallbackActions;
    shadow(actions).querySelector<HTMLButtonElement>('[data-action="cancel"]')?.click();
    await actions.updateComplete;
    shadow(actions).querySelector<HTMLButtonElement>('.panel .primary')?.click();
    const next = () => shadow(el).querySelector('tr[data-id="5"] cb-callback-actions') as CbCallbackActions;
    await until(() => shadow(el).activeElement === next(), 'focus on the next row');
    expect(shadow(next()).activeElement?.getAttribute('data-action')).to.equal('reschedule');
    expect(shadow(el).querySelector('[role="status"][aria-live="polite"]')?.textContent).to.equal('Callback of Later Kowalski cancelled.');
  });

  it('after cancelling the last row, moves the focus to its list heading', async () => {
    const only = callback({ id: '3', firstName: 'Later', scheduledAt: '2026-11-25T10:00:00Z' });
    const mock = mockApi({
      Callbacks: () => ({ callbacks: { items: [only], nextCursor: null } }),
      CancelCallback: () => ({ cancelCallback: { callback: { ...only, status: 'cancelled' }, violations: [], duplicate: null } }),
    }, true);
    const { el } = await setup(mock);
    const actions = shadow(el).querySelector('tr[data-id="3"] cb-callback-actions') as CbCallbackActions;
    shadow(actions).querySelector<HTMLButtonElement>('[data-action="cancel"]')?.click();
    await actions.updateComplete;
    shadow(actions).querySelector<HTMLButtonElement>('.panel .primary')?.click();
    await until(() => shadow(el).activeElement?.id === 'h-upcoming', 'focus on the heading');
  });

  it('after Load more, moves the focus to the first new row and announces how many came', async () => {
    const mock = mockApi({ Callbacks: (v) => ({ callbacks: v.cursor ? { items: [ITEMS[3], ITEMS[4]], nextCursor: null } : { items: [ITEMS[1]], nextCursor: 'c1' } }) }, true);
    const { el } = await setup(mock);
    (shadow(el).querySelector('#mine-more') as HTMLButtonElement).click();
    await until(() => shadow(el).activeElement?.getAttribute('data-detail') === '5', 'focus on the first new row');
    expect(shadow(el).querySelector('[role="status"][aria-live="polite"]')?.textContent).to.equal('2 more callback(s) loaded.');
  });

  it('after a reschedule keeps the focus on the row and says the new time with its zone', async () => {
    const mock = mockApi({
      Callbacks: () => ({ callbacks: { items: ITEMS, nextCursor: null } }),
      RescheduleCallback: ({ id }) => ({ rescheduleCallback: { callback: { ...ITEMS[2], id, scheduledAt: '2026-11-27T08:00:00Z' }, violations: [], duplicate: null } }),
      Availability: (v) => ({ availabilityGrid: gridOf([{ start: `${v.from}T10:15:00Z`, end: `${v.from}T10:30:00Z`, capacity: 10, booked: 1, available: 9, closedReason: null }]) }),
    }, true);
    const { el } = await setup(mock);
    const actions = () => shadow(el).querySelector('tr[data-id="3"] cb-callback-actions') as CbCallbackActions;
    shadow(actions()).querySelector<HTMLButtonElement>('[data-action="reschedule"]')?.click();
    await actions().updateComplete;
    const editor = shadow(actions()).querySelector('cb-reschedule') as HTMLElement & { updateComplete: Promise<unknown> };
    const calendar = await until(() => shadow(editor).querySelector('cb-availability-calendar'), 'calendar');
    (await until(() => shadow(calendar).querySelector<HTMLButtonElement>('.slot.high'), 'free slot')).click();
    await editor.updateComplete;
    shadow(editor).querySelector<HTMLButtonElement>('button.primary')?.click();
    await until(() => shadow(el).querySelector('[role="status"][aria-live="polite"]')?.textContent, 'announced');
    expect(shadow(el).querySelector('[role="status"][aria-live="polite"]')?.textContent).to.equal('Callback of Later Kowalski moved to 27 Nov 2026, 09:00 CET.');
    await until(() => shadow(el).activeElement === actions() && shadow(actions()).activeElement?.getAttribute('data-action') === 'reschedule', 'focus on the row\'s first action');
    expect(idsIn(el, 'upcoming')).to.deep.equal(['5', '3']);
  });
});
