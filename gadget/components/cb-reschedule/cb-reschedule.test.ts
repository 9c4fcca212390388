import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { CbReschedule } from './cb-reschedule.ts';
import './cb-reschedule.ts';
import { session, shadow, type CbTestContext } from '../../test/mock-api.ts';

async function setup() {
  const host = await fixture<CbTestContext>(html`<cb-test-context .session=${session({ locale: 'pl' })}>
    <cb-reschedule scheduled-at="2026-11-24T14:00:00Z" time-zone="America/New_York"></cb-reschedule>
  </cb-test-context>`);
  const el = host.querySelector('cb-reschedule') as CbReschedule;
  await el.updateComplete;
  return el;
}

describe('cb-reschedule', () => {
  it('starts from the current time in the callback zone and submits the new local time', async () => {
    const el = await setup();
    const input = shadow(el).querySelector('input') as HTMLInputElement;
    expect(input.value).to.equal('2026-11-24T09:00');
    expect(shadow(el).querySelector('label')?.textContent).to.contain('Nowy termin (America/New_York)');
    input.value = '2026-11-25T10:30';
    input.dispatchEvent(new Event('input'));
    setTimeout(() => shadow(el).querySelector<HTMLButtonElement>('button[type="submit"]')?.click());
    const ev = await oneEvent(el, 'cb-reschedule-submit');
    expect(ev.detail).to.deep.equal({ scheduledAt: '2026-11-25T10:30', timeZone: 'America/New_York' });
  });

  it('closes on Escape', async () => {
    const el = await setup();
    setTimeout(() => shadow(el).querySelector('input')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true })));
    await oneEvent(el, 'cb-reschedule-close');
  });

  it('is accessible', async () => {
    const el = await setup();
    await expect(el).to.be.accessible();
  });
});
