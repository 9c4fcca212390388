import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { CbReschedule } from './cb-reschedule.ts';
import './cb-reschedule.ts';
import type { Callback } from '../../api/types.ts';
import { NOW, callback, mockApi, session, shadow, slots, until, type CbTestContext } from '../../test/mock-api.ts';
import { gridOf } from '../../test/horizon-slots.ts';
import { WIDTHS, controlsOutside, setWidth } from '../../test/widths.ts';

/** The editor as a list opens it: a button that shows it and listens to cb-reschedule-close. */
async function setup(c: Callback = callback(), locale: 'en' | 'pl' = 'pl', mock = mockApi()) {
  const host = await fixture<CbTestContext>(html`<cb-test-context .api=${mock.api} .session=${session({ locale })}>
    <button id="opener" type="button">Reschedule</button><div id="slot"></div>
  </cb-test-context>`);
  const opener = host.querySelector('#opener') as HTMLButtonElement;
  opener.focus();
  const el = document.createElement('cb-reschedule');
  el.callback = c;
  el.now = () => NOW;
  el.addEventListener('cb-reschedule-close', () => el.remove());
  host.querySelector('#slot')?.append(el);
  await el.updateComplete;
  const calendar = shadow(el).querySelector('cb-availability-calendar') as HTMLElement;
  await until(() => shadow(calendar).querySelector('.slot.high'), 'slots');
  return { el, opener, calendar, mock };
}

describe('cb-reschedule', () => {
  it('asks the calendar of the callback’s campaign, skill and agent in its zone, in Polish, and submits the chosen slot', async () => {
    const { el, calendar, mock } = await setup(callback({ timeZone: 'Europe/Warsaw' }));
    expect(mock.transport.callsOf('Availability')[0]).to.include({ campaign: 'CB_MAIN', skill: 'Sales', agentId: '1001', timeZone: 'Europe/Warsaw' });
    expect(shadow(el).querySelector('.title')?.textContent).to.contain('Nowy termin: Jan Kowalski');
    expect(shadow(el).querySelector('button.primary')?.textContent).to.contain('Zastosuj');
    expect(shadow(calendar).querySelector('.next')?.getAttribute('aria-label')).to.equal('Następny tydzień');
    expect(shadow(el).querySelector('input[type="datetime-local"]')).to.equal(null);
    shadow(calendar).querySelector<HTMLButtonElement>('.slot.high')?.click();
    await el.updateComplete;
    setTimeout(() => shadow(el).querySelector<HTMLButtonElement>('button.primary')?.click());
    const ev = await oneEvent(el, 'cb-reschedule-submit');
    expect(ev.detail).to.deep.equal({ scheduledAt: '2026-11-24T10:15:00.000Z', timeZone: 'Europe/Warsaw' });
  });

  it('asks a skill callback’s calendar by skill only', async () => {
    const { mock } = await setup(callback({ type: 'skill', agentId: null, skill: 'Support' }));
    expect(mock.transport.callsOf('Availability')[0]).to.include({ skill: 'Support', agentId: undefined });
  });

  it('shows the customer’s zone and the agent’s beside it when they differ', async () => {
    const { el, calendar } = await setup(callback({ timeZone: 'America/New_York' }), 'en');
    (calendar as HTMLElement & { agentZone: string }).agentZone = 'Europe/Warsaw';
    await (calendar as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(shadow(el).querySelector('.hint')?.textContent).to.contain('(America/New_York)');
    expect(shadow(calendar).querySelector('.zones')?.textContent).to.contain('America/New_York').and.contain('Europe/Warsaw');
  });

  it('shows SLOT_FULL beside the buttons with the focus, marks the slot full and refreshes', async () => {
    const { el, calendar, mock } = await setup(callback(), 'en');
    shadow(calendar).querySelector<HTMLButtonElement>('.slot.high')?.click();
    await el.updateComplete;
    mock.transport.handlers.Availability = () => ({ availabilityGrid: gridOf(slots().map((s) => (s.start === '2026-11-24T10:15:00.000Z' ? { ...s, available: 0, closedReason: 'SLOT_FULL' } : s))) });
    shadow(el).querySelector<HTMLButtonElement>('button.primary')?.click();
    el.error = 'This time is fully booked.';
    await el.updateComplete;
    const error = shadow(el).querySelector('.actions .error') as HTMLElement;
    expect(error.textContent).to.contain('fully booked');
    expect(shadow(el).activeElement === error).to.equal(true, 'the refusal has the focus');
    await until(() => mock.transport.callsOf('Availability').length === 2, 'fresh availability');
    expect(shadow(calendar).querySelector('.slot.high') === null).to.equal(true, 'the refused slot no longer shows free');
    expect(shadow(el).querySelector<HTMLButtonElement>('button.primary')?.disabled).to.equal(true);
  });

  it('closes on Escape and gives the focus back to the button that opened it', async () => {
    const { el, opener } = await setup();
    setTimeout(() => shadow(el).querySelector('.title')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true })));
    await oneEvent(el, 'cb-reschedule-close');
    await until(() => document.activeElement === opener, 'focus back on the opener');
  });

  it('closes with the Close button the same way', async () => {
    const { el, opener } = await setup();
    shadow(el).querySelector<HTMLButtonElement>('button.close')?.click();
    await until(() => document.activeElement === opener, 'focus back on the opener');
    expect(el.isConnected).to.equal(false);
  });

  it('is accessible', async () => {
    const { el } = await setup();
    await expect(el).to.be.accessible();
  });

  for (const width of WIDTHS) {
    it(`keeps every control inside a ${width} px column and stays accessible`, async () => {
      const { el } = await setup(callback({ timeZone: 'America/New_York' }));
      await setWidth(el, width);
      expect(controlsOutside(el)).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });
  }
});
