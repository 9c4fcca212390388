import { expect, fixture, html } from '@open-wc/testing';
import type { CbGadget } from './cb-gadget.ts';
import './cb-gadget.ts';
import { callback, mockApi, session, shadow, until } from '../../test/mock-api.ts';
import { WIDTHS, controlsOutside, scrollsSideways, setWidth } from '../../test/widths.ts';
import type { Role } from '../../api/types.ts';

function apiAs(role: Role) {
  return mockApi({ Me: () => ({ me: { id: '2001', firstName: 'Ewa', lastName: 'W', role, teamId: '1', teamName: 'Team A' } }) });
}

async function setup(role: Role = 'agent', locale: 'en' | 'pl' = 'en', mock = apiAs(role)) {
  const el = await fixture<CbGadget>(html`<cb-gadget .api=${mock.api} .session=${session({ role, locale })}></cb-gadget>`);
  await until(() => mock.transport.callsOf('Me').length, 'me');
  await el.updateComplete;
  return { el, mock };
}
const tabs = (el: CbGadget) => [...shadow(el).querySelectorAll<HTMLButtonElement>('[role="tab"]')];

describe('cb-gadget', () => {
  it('waits for the adapter before showing views', async () => {
    const el = await fixture<CbGadget>(html`<cb-gadget></cb-gadget>`);
    expect(shadow(el).querySelector('[role="status"]')?.textContent).to.contain('Connecting');
  });

  it('gives an agent the booking form and his callbacks', async () => {
    const { el } = await setup('agent');
    expect(tabs(el).map((t) => t.textContent)).to.deep.equal(['Book callback', 'My callbacks']);
    expect(shadow(el).querySelector('cb-booking-form')).to.not.equal(null);
  });

  it('gives a supervisor the team view', async () => {
    const { el } = await setup('supervisor');
    tabs(el)[2].click();
    await el.updateComplete;
    expect(shadow(el).querySelector('cb-supervisor')).to.not.equal(null);
    expect(shadow(el).querySelector('[role="tabpanel"]')?.getAttribute('aria-labelledby')).to.equal('tab-team');
  });

  it('takes the role from the Campaign Manager (admin)', async () => {
    const mock = apiAs('admin');
    const el = await fixture<CbGadget>(html`<cb-gadget .api=${mock.api} .session=${session({ role: 'agent' })}></cb-gadget>`);
    await until(() => tabs(el).length === 3, 'team tab');
    expect(el.session?.role).to.equal('admin');
  });

  it('moves between tabs with the arrow keys', async () => {
    const { el } = await setup('supervisor');
    tabs(el)[0].focus();
    tabs(el)[0].dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true, composed: true }));
    await el.updateComplete;
    expect(el.tab).to.equal('team');
    await until(() => el.shadowRoot?.activeElement?.id === 'tab-team', 'focus on team tab');
    tabs(el)[2].dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true, composed: true }));
    await el.updateComplete;
    expect(el.tab).to.equal('book');
    expect(tabs(el).map((t) => t.tabIndex)).to.deep.equal([0, -1, -1]);
  });

  it('speaks Polish for a pl_PL desktop', async () => {
    const { el } = await setup('agent', 'pl');
    expect(tabs(el).map((t) => t.textContent)).to.deep.equal(['Umów oddzwonienie', 'Moje oddzwonienia']);
  });

  it('announces each render for the height adjustment', async () => {
    const { el } = await setup('agent');
    let renders = 0;
    el.addEventListener('cb-render', () => renders++);
    tabs(el)[1].click();
    await el.updateComplete;
    expect(renders).to.be.greaterThan(0);
  });

  it('is accessible', async () => {
    const { el } = await setup('supervisor');
    await expect(el).to.be.accessible();
  });

  it('shows the active callback of an inbound caller at once (cb-inbound-match)', async () => {
    const match = { id: '5', campaign: 'CB_MAIN', scheduledAt: '2026-11-25T13:00:00Z', timeZone: 'Europe/Warsaw', bookedBy: { id: '1101', name: 'John Smith' }, mayRead: false, details: null };
    const mock = mockApi({ ActiveCallbacksForNumber: () => ({ activeCallbacksForNumber: [match] }) });
    const call = { dialogId: '9', callType: 'ACD_IN', direction: 'inbound' as const, fromAddress: '0601234567', dnis: '', variables: {}, accountNumber: null, customerNumber: '0601234567', customerName: '', campaign: null };
    const el = await fixture<CbGadget>(html`<cb-gadget .api=${mock.api} .session=${session()} .call=${call}></cb-gadget>`);
    const panel = await until(() => shadow(el).querySelector('cb-inbound-match'), 'panel');
    await until(() => panel.shadowRoot?.querySelector('section'), 'match shown');
    expect(panel.shadowRoot?.textContent).to.contain('John Smith (1101)');
    expect(mock.transport.callsOf('ActiveCallbacksForNumber')).to.deep.equal([{ phone: '0601234567' }]);
  });

  for (const width of WIDTHS) {
    it(`keeps the tabs and Team callbacks inside a ${width} px column (supervisor, Polish)`, async () => {
      const mock = apiAs('supervisor');
      mock.transport.handlers.Callbacks = () => ({ callbacks: { items: [callback({ id: '1' }), callback({ id: '2', timeZone: 'America/New_York' })], nextCursor: null } });
      const { el } = await setup('supervisor', 'pl', mock);
      tabs(el)[2].click();
      const team = await until(() => shadow(el).querySelector('cb-supervisor'), 'team view');
      await until(() => team.shadowRoot?.querySelector('tr[data-id="2"]'), 'rows');
      await setWidth(el, width);
      expect(controlsOutside(el)).to.deep.equal([]);
      expect(scrollsSideways(el)).to.equal(false);
      await expect(el).to.be.accessible();
    });
  }
});
