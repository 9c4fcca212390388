import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { CbAvailabilityCalendar } from './cb-availability-calendar.ts';
import './cb-availability-calendar.ts';
import { NOW, mockApi, session, shadow, until, type CbTestContext } from '../../test/mock-api.ts';
import '../../test/mock-api.ts';

async function setup(api = mockApi().api, locale: 'en' | 'pl' = 'en') {
  const host = await fixture<CbTestContext>(html`<cb-test-context .api=${api} .session=${session({ locale })}>
    <cb-availability-calendar campaign="CB_MAIN" skill="Sales" time-zone="Europe/Warsaw" .now=${() => NOW}></cb-availability-calendar>
  </cb-test-context>`);
  const el = host.querySelector('cb-availability-calendar') as CbAvailabilityCalendar;
  await until(() => shadow(el).querySelectorAll('.slot').length > 0, 'slots');
  await el.updateComplete;
  return el;
}

describe('cb-availability-calendar', () => {
  it('asks for the next 14 days of the skill in the customer time zone', async () => {
    const mock = mockApi();
    await setup(mock.api);
    expect(mock.transport.callsOf('Availability')[0]).to.deep.equal({
      campaign: 'CB_MAIN', skill: 'Sales', agentId: undefined, from: '2026-11-24', to: '2026-12-08', timeZone: 'Europe/Warsaw',
    });
  });

  it('shows 14 day buttons and colours slots by free capacity', async () => {
    const el = await setup();
    const root = shadow(el);
    expect(root.querySelectorAll('.day')).to.have.length(14);
    expect(root.querySelector('.day[aria-pressed="true"]')?.getAttribute('data-day')).to.equal('2026-11-24');
    const open = [...root.querySelectorAll<HTMLButtonElement>('.slot:not(.closed)')];
    expect(open.map((b) => b.className.replace('slot ', ''))).to.deep.equal(['high', 'low']);
    expect(open[0].textContent).to.contain('11:15').and.contain('9 of 10 free');
  });

  it('disables closed slots with their reason, merging runs of one reason', async () => {
    const el = await setup();
    const closed = [...shadow(el).querySelectorAll<HTMLButtonElement>('.slot.closed')];
    expect(closed.map((b) => b.disabled)).to.deep.equal([true, true]);
    expect(closed[0].textContent).to.contain('07:00–07:30').and.contain('closed');
    expect(closed[1].textContent).to.contain('full');
  });

  it('shows a holiday on another day', async () => {
    const el = await setup();
    shadow(el).querySelector<HTMLButtonElement>('.day[data-day="2026-11-25"]')?.click();
    await el.updateComplete;
    const closed = shadow(el).querySelector<HTMLButtonElement>('.slot.closed');
    expect(closed?.textContent).to.contain('holiday');
    expect(closed?.disabled).to.equal(true);
  });

  it('emits cb-slot-select when a free slot is chosen', async () => {
    const el = await setup();
    const button = shadow(el).querySelector<HTMLButtonElement>('.slot.high') as HTMLButtonElement;
    setTimeout(() => button.click());
    const ev = await oneEvent(el, 'cb-slot-select');
    expect(ev.detail).to.deep.equal({ start: '2026-11-24T10:15:00Z', end: '2026-11-24T10:30:00Z' });
    await el.updateComplete;
    expect(button.getAttribute('aria-pressed')).to.equal('true');
  });

  it('is one tab stop per group, moved with the arrow keys', async () => {
    const el = await setup();
    const root = shadow(el);
    const days = [...root.querySelectorAll<HTMLButtonElement>('.day')];
    expect(days.filter((d) => d.tabIndex === 0)).to.have.length(1);
    days[0].focus();
    days[0].dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true }));
    await el.updateComplete;
    expect(root.querySelector('.day[aria-pressed="true"]')?.getAttribute('data-day')).to.equal('2026-11-25');
    expect(root.activeElement?.getAttribute('data-day')).to.equal('2026-11-25');
    days[1].dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true, composed: true }));
    await el.updateComplete;
    const open = [...root.querySelectorAll<HTMLButtonElement>('.slot:not([disabled])')];
    expect(open.map((b) => b.tabIndex)).to.deep.equal([0, -1]);
    open[0].focus();
    open[0].dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true }));
    expect(root.activeElement).to.equal(open[1]);
  });

  it('speaks Polish', async () => {
    const el = await setup(mockApi().api, 'pl');
    expect(shadow(el).querySelector('.slot.closed')?.textContent).to.contain('zamknięte');
  });

  it('is accessible', async () => {
    const el = await setup();
    await expect(el).to.be.accessible();
  });
});
