import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { CbCallOutcome } from './cb-call-outcome.ts';
import './cb-call-outcome.ts';
import type { CbReschedule } from '../cb-reschedule/cb-reschedule.ts';
import type { CallOutcomeResult } from '../../api/types.ts';
import { NOW, callback, mockApi, session, shadow, slots, until, type CbTestContext } from '../../test/mock-api.ts';
import { gridOf } from '../../test/horizon-slots.ts';
import { WIDTHS, controlsOutside, setWidth } from '../../test/widths.ts';

const answer = (over: Partial<CallOutcomeResult> = {}): CallOutcomeResult => ({
  callbackId: '7', outcome: 'reached', status: 'completed', nextAttemptAt: null, scheduledAt: '2026-11-24T14:00:00Z', timeZone: 'Europe/Warsaw', violations: [], error: null, ...over,
});

async function setup(mock = mockApi({ RecordCallOutcome: ({ outcome }) => ({ recordCallOutcome: answer({ outcome }) }) }), locale: 'en' | 'pl' = 'en') {
  const host = await fixture<CbTestContext>(html`<cb-test-context .api=${mock.api} .session=${session({ locale })}>
    <cb-call-outcome callback-id="7" name="Jan Kowalski" .callback=${callback({ id: '7', scheduledAt: '2026-11-24T14:00:00Z', timeZone: 'Europe/Warsaw' })} .now=${() => NOW}></cb-call-outcome>
  </cb-test-context>`);
  const el = host.querySelector('cb-call-outcome') as CbCallOutcome;
  await el.updateComplete;
  return { el, mock };
}
const choose = async (el: CbCallOutcome, value: string) => {
  const radio = shadow(el).querySelector<HTMLInputElement>(`input[value="${value}"]`) as HTMLInputElement;
  radio.click();
  await el.updateComplete;
};
const send = (el: CbCallOutcome) => shadow(el).querySelector<HTMLButtonElement>('button[type="submit"]')?.click();

describe('cb-call-outcome', () => {
  it('asks how the call ended, focused on the question; sends "reached" and focuses Close', async () => {
    const { el, mock } = await setup();
    expect(shadow(el).activeElement?.tagName).to.equal('H3');
    expect(shadow(el).querySelector('h3')?.textContent).to.contain('Jan Kowalski');
    expect(shadow(el).querySelector<HTMLButtonElement>('button[type="submit"]')?.disabled).to.equal(true);
    await choose(el, 'reached');
    setTimeout(() => send(el));
    const recorded = await oneEvent(el, 'cb-outcome-recorded');
    expect(recorded.detail.result.status).to.equal('completed');
    expect(mock.transport.callsOf('RecordCallOutcome')).to.deep.equal([{ id: '7', outcome: 'reached', scheduledAt: null, timeZone: null }]);
    await el.updateComplete;
    expect(shadow(el).querySelector('[role="status"]')?.textContent).to.equal('Recorded: the customer was reached.');
    expect(shadow(el).activeElement?.getAttribute('data-action')).to.equal('dismiss');
  });

  it('not reached: says when the next attempt is, or that none is left', async () => {
    const retry = await setup(mockApi({ RecordCallOutcome: () => ({ recordCallOutcome: answer({ outcome: 'not_reached', status: 'retry_wait', nextAttemptAt: '2026-11-24T10:10:00Z' }) }) }));
    await choose(retry.el, 'not_reached');
    send(retry.el);
    const status = await until(() => shadow(retry.el).querySelector('[role="status"]'), 'status');
    expect(status.textContent).to.contain('another attempt at').and.contain('11:10');
    const failed = await setup(mockApi({ RecordCallOutcome: () => ({ recordCallOutcome: answer({ outcome: 'not_reached', status: 'failed' }) }) }));
    await choose(failed.el, 'not_reached');
    send(failed.el);
    expect((await until(() => shadow(failed.el).querySelector('[role="status"]'), 'status')).textContent).to.contain('has failed');
  });

  it('reschedule: picks the new time in the callback\'s availability calendar, in its zone, and sends it', async () => {
    const { el, mock } = await setup(mockApi({
      Availability: () => ({ availabilityGrid: gridOf(slots()) }),
      RecordCallOutcome: () => ({ recordCallOutcome: answer({ outcome: 'reschedule', status: 'scheduled', scheduledAt: '2026-11-26T08:00:00Z' }) }),
    }));
    await choose(el, 'reschedule');
    const editor = shadow(el).querySelector('cb-reschedule') as CbReschedule;
    const calendar = await until(() => shadow(editor).querySelector('cb-availability-calendar'), 'calendar');
    const slot = await until(() => shadow(calendar).querySelector<HTMLButtonElement>('.slot.high'), 'a free slot');
    expect(mock.transport.callsOf('Availability')[0]).to.include({ campaign: 'CB_MAIN', timeZone: 'Europe/Warsaw' });
    slot.click();
    await editor.updateComplete;
    shadow(editor).querySelector<HTMLButtonElement>('button.primary')?.click();
    const status = await until(() => shadow(el).querySelector('[role="status"]'), 'status');
    const sent = mock.transport.callsOf('RecordCallOutcome')[0];
    expect(sent).to.include({ id: '7', outcome: 'reschedule', timeZone: 'Europe/Warsaw' });
    expect(sent.scheduledAt).to.equal('2026-11-24T10:15:00.000Z');
    expect(status.textContent).to.contain('rescheduled to');
  });

  it('shows why the server refused (late, not his call) and keeps the choice open', async () => {
    const { el } = await setup(mockApi({ RecordCallOutcome: () => ({ recordCallOutcome: answer({ callbackId: null, status: null, error: 'outcome_window_closed' }) }) }));
    await choose(el, 'not_reached');
    send(el);
    const alert = await until(() => shadow(el).querySelector('[role="alert"]'), 'alert');
    expect(alert.textContent).to.contain('more than 30 minutes');
    expect(shadow(el).querySelector('[role="status"]')).to.equal(null);
  });

  it('speaks Polish in a Polish desktop', async () => {
    const { el } = await setup(undefined, 'pl');
    expect(shadow(el).textContent).to.contain('Jak zakończyła się rozmowa').and.contain('Klient obsłużony');
  });

  for (const width of WIDTHS) {
    it(`fits a ${width} px column and is accessible with the new-time editor open`, async () => {
      const { el } = await setup();
      await setWidth(el, width);
      await choose(el, 'reschedule');
      expect(controlsOutside(el)).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });
  }
});
