import { expect, fixture, html } from '@open-wc/testing';
import type { CbMyCallbacks } from './cb-my-callbacks.ts';
import './cb-my-callbacks.ts';
import { NOW, callback, mockApi, session, shadow, until, type CbTestContext } from '../../test/mock-api.ts';

const ITEMS = [
  callback({ id: '1', firstName: 'Overdue', scheduledAt: '2026-11-24T09:30:00Z' }),
  callback({ id: '2', firstName: 'Soon', scheduledAt: '2026-11-24T10:10:00Z' }),
  callback({ id: '3', firstName: 'Later', scheduledAt: '2026-11-25T10:00:00Z' }),
  callback({ id: '4', firstName: 'Done', scheduledAt: '2026-11-23T10:00:00Z', status: 'completed' }),
  callback({ id: '5', firstName: 'Skill', type: 'skill', agentId: null, createdBy: '1001', scheduledAt: '2026-11-26T10:00:00Z' }),
  callback({ id: '6', firstName: 'Other', agentId: '1002', createdBy: '1002' }),
];

async function setup(mock = mockApi({ Callbacks: () => ({ callbacks: { items: ITEMS, nextCursor: null } }) }, true)) {
  const host = await fixture<CbTestContext>(html`<cb-test-context .api=${mock.api} .session=${session()}>
    <cb-my-callbacks .now=${() => NOW}></cb-my-callbacks>
  </cb-test-context>`);
  const el = host.querySelector('cb-my-callbacks') as CbMyCallbacks;
  await until(() => shadow(el).querySelector('tr[data-id]'), 'rows');
  await el.updateComplete;
  return { el, mock };
}

const idsIn = (el: CbMyCallbacks, group: string) => [...shadow(el).querySelectorAll(`section.${group} tr[data-id]`)].map((r) => r.getAttribute('data-id'));

describe('cb-my-callbacks', () => {
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
});
