import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { CbAvailabilityCalendar } from './cb-availability-calendar.ts';
import './cb-availability-calendar.ts';
import { NOW, mockApi, session, shadow, until, type CbTestContext } from '../../test/mock-api.ts';
import { gridOf, horizonGrid } from '../../test/horizon-slots.ts';
import { WIDTHS, controlsOutside, setWidth } from '../../test/widths.ts';
import { countFormatters } from '../../test/formatters.ts';

async function setup(api = mockApi().api, locale: 'en' | 'pl' = 'en', agentZone = 'Europe/Warsaw') {
  const host = await fixture<CbTestContext>(html`<cb-test-context .api=${api} .session=${session({ locale })}>
    <cb-availability-calendar campaign="CB_MAIN" skill="Sales" time-zone="Europe/Warsaw" agent-zone=${agentZone} .now=${() => NOW}></cb-availability-calendar>
  </cb-test-context>`);
  const el = host.querySelector('cb-availability-calendar') as CbAvailabilityCalendar;
  await until(() => shadow(el).querySelectorAll('.slot').length > 0, 'slots');
  await el.updateComplete;
  return el;
}
const horizonApi = () => mockApi({ Availability: () => ({ availabilityGrid: horizonGrid() }) });
const pressed = (el: CbAvailabilityCalendar) => shadow(el).querySelector('.day[aria-pressed="true"]')?.getAttribute('data-day');
const key = (target: Element, k: string) => target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true }));

describe('cb-availability-calendar', () => {
  it('asks for the whole booking horizon of the skill in the customer time zone (the server stops at the rules’ horizon)', async () => {
    const mock = mockApi();
    await setup(mock.api);
    expect(mock.transport.callsOf('Availability')[0]).to.deep.equal({
      campaign: 'CB_MAIN', skill: 'Sales', agentId: undefined, from: '2026-11-24', to: '2027-11-25', timeZone: 'Europe/Warsaw',
    });
  });

  it('covers every day of a 30-day answer, a week at a time, paged with the week buttons', async () => {
    const el = await setup(horizonApi().api);
    const root = shadow(el);
    expect([...root.querySelectorAll('.day')].map((d) => d.getAttribute('data-day'))).to.deep.equal(
      ['2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30']);
    expect(root.querySelector<HTMLButtonElement>('.prev')?.disabled).to.equal(true);
    const next = root.querySelector<HTMLButtonElement>('.next') as HTMLButtonElement;
    for (let i = 0; i < 4; i++) {
      next.focus();
      next.click();
      await el.updateComplete;
    }
    expect([...root.querySelectorAll('.day')].map((d) => d.getAttribute('data-day'))).to.deep.equal(['2026-12-22', '2026-12-23']);
    expect(pressed(el)).to.equal('2026-12-22');
    expect(next.disabled).to.equal(true);
    await until(() => root.activeElement?.getAttribute('data-day') === '2026-12-22', 'focus on the day, not on the disabled button');
  });

  it('pages by keyboard: arrows cross the week edge, PageUp/PageDown move a week, focus follows', async () => {
    const el = await setup(horizonApi().api);
    const root = shadow(el);
    const first = root.querySelector<HTMLButtonElement>('.day[data-day="2026-11-30"]') as HTMLButtonElement;
    first.click();
    await el.updateComplete;
    first.focus();
    key(first, 'ArrowRight');
    await until(() => root.activeElement?.getAttribute('data-day') === '2026-12-01', 'next week by arrow');
    expect(pressed(el)).to.equal('2026-12-01');
    expect([...root.querySelectorAll('.day')].filter((d) => (d as HTMLElement).tabIndex === 0)).to.have.length(1);
    key(root.activeElement as Element, 'PageDown');
    await until(() => root.activeElement?.getAttribute('data-day') === '2026-12-08', 'a week later');
    key(root.activeElement as Element, 'PageUp');
    key(root.activeElement as Element, 'ArrowLeft');
    await until(() => root.activeElement?.getAttribute('data-day') === '2026-11-30', 'back a week and a day');
    key(root.activeElement as Element, 'Home');
    await until(() => root.activeElement?.getAttribute('data-day') === '2026-11-24', 'first of the week');
  });

  it('builds a bounded number of date formatters however many slots and clicks (cached per locale, zone and options)', async () => {
    const el = await setup(horizonApi().api, 'en', 'America/New_York');
    const made = await countFormatters(async () => {
      for (const d of ['2026-11-25', '2026-11-26', '2026-11-27', '2026-11-25']) {
        shadow(el).querySelector<HTMLButtonElement>(`.day[data-day="${d}"]`)?.click();
        await el.updateComplete;
      }
      shadow(el).querySelector<HTMLButtonElement>('.slot.high, .slot.mid, .slot.low')?.click();
      await el.updateComplete;
      el.skill = 'Support';
      await until(() => shadow(el).querySelectorAll('.slot').length > 0, 'slots of the other skill');
    });
    expect(made).to.be.at.most(4);
  });

  it('shows the agent’s time beside the customer’s when the zones differ', async () => {
    const el = await setup(mockApi().api, 'en', 'America/New_York');
    expect(shadow(el).querySelector('.zones')?.textContent).to.contain('Europe/Warsaw').and.contain('America/New_York');
    const open = shadow(el).querySelector('.slot.high') as HTMLButtonElement;
    expect(open.textContent).to.contain('11:15').and.contain('(05:15)');
    const same = await setup(mockApi().api, 'en', 'Europe/Warsaw');
    expect(shadow(same).querySelector('.zones')).to.equal(null);
    expect(shadow(same).querySelector('.slot .agent')).to.equal(null);
  });

  it('colours slots by free capacity and starts on the first day with room', async () => {
    const el = await setup();
    const root = shadow(el);
    expect(root.querySelectorAll('.day')).to.have.length(2);
    expect(pressed(el)).to.equal('2026-11-24');
    const open = [...root.querySelectorAll<HTMLButtonElement>('.slot:not(.closed)')];
    expect(open.map((b) => b.className.replace('slot ', ''))).to.deep.equal(['high', 'low']);
    expect(open[0].textContent).to.contain('11:15').and.contain('9 of 10 free');
  });

  it('disables closed slots with their reason, merging runs of one reason', async () => {
    const el = await setup();
    const closed = [...shadow(el).querySelectorAll<HTMLButtonElement>('.slot.closed')];
    // The sample's gaps come as closed slots (gridOf): 07:00–07:30 and the gap to 11:15 are one run.
    expect(closed.map((b) => b.disabled)).to.deep.equal([true, true, true]);
    expect(closed[0].textContent).to.contain('07:00–11:15').and.contain('closed');
    expect(closed[1].textContent).to.contain('full');
    expect(closed[2].textContent).to.contain('12:00–00:00').and.contain('closed');
  });

  it('shows a holiday on another day', async () => {
    const el = await setup();
    shadow(el).querySelector<HTMLButtonElement>('.day[data-day="2026-11-25"]')?.click();
    await el.updateComplete;
    const closed = shadow(el).querySelectorAll<HTMLButtonElement>('.slot.closed')[1];
    expect(closed?.textContent).to.contain('11:00–11:15').and.contain('holiday');
    expect(closed?.disabled).to.equal(true);
  });

  it('emits cb-slot-select when a free slot is chosen', async () => {
    const el = await setup();
    const button = shadow(el).querySelector<HTMLButtonElement>('.slot.high') as HTMLButtonElement;
    setTimeout(() => button.click());
    const ev = await oneEvent(el, 'cb-slot-select');
    expect(ev.detail).to.deep.equal({ start: '2026-11-24T10:15:00.000Z', end: '2026-11-24T10:30:00.000Z' });
    await el.updateComplete;
    expect(button.getAttribute('aria-pressed')).to.equal('true');
  });

  it('marks a refused slot full at once and asks for fresh availability', async () => {
    const mock = mockApi();
    const el = await setup(mock.api);
    const reload = el.markFull('2026-11-24T10:15:00.000Z');
    await el.updateComplete;
    expect(shadow(el).querySelector('.slot.high') === null).to.equal(true, 'no longer offered as free');
    expect([...shadow(el).querySelectorAll('.slot.closed')].map((b) => b.textContent)).to.satisfy((t: string[]) => t.some((x) => x.includes('11:15') && x.includes('full')));
    await reload;
    expect(mock.transport.callsOf('Availability')).to.have.length(2);
  });

  it('drops the old slots at once when the skill changes', async () => {
    let answer: (v: unknown) => void = () => undefined;
    const mock = mockApi();
    const el = await setup(mock.api);
    mock.transport.handlers.Availability = () => new Promise((r) => (answer = r));
    el.skill = 'Support';
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('.slot')).to.have.length(0);
    answer({ availabilityGrid: gridOf([]) });
  });

  it('is one tab stop per group, moved with the arrow keys', async () => {
    const el = await setup();
    const root = shadow(el);
    const days = [...root.querySelectorAll<HTMLButtonElement>('.day')];
    expect(days.filter((d) => d.tabIndex === 0)).to.have.length(1);
    days[0].focus();
    key(days[0], 'ArrowRight');
    await el.updateComplete;
    expect(pressed(el)).to.equal('2026-11-25');
    expect(root.activeElement?.getAttribute('data-day')).to.equal('2026-11-25');
    key(days[1], 'ArrowLeft');
    await el.updateComplete;
    const open = [...root.querySelectorAll<HTMLButtonElement>('.slot:not([disabled])')];
    expect(open.map((b) => b.tabIndex)).to.deep.equal([0, -1]);
    open[0].focus();
    key(open[0], 'ArrowRight');
    expect(root.activeElement).to.equal(open[1]);
  });

  it('speaks Polish', async () => {
    const el = await setup(mockApi().api, 'pl');
    expect(shadow(el).querySelector('.slot.closed')?.textContent).to.contain('zamknięte');
    expect(shadow(el).querySelector('.next')?.getAttribute('aria-label')).to.equal('Następny tydzień');
  });

  it('is accessible', async () => {
    const el = await setup(horizonApi().api, 'en', 'America/New_York');
    await expect(el).to.be.accessible();
  });

  for (const width of WIDTHS) {
    it(`keeps every control inside a ${width} px column and stays accessible`, async () => {
      const el = await setup(horizonApi().api, 'pl', 'America/New_York');
      await setWidth(el, width);
      expect(controlsOutside(el)).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });
  }
});
