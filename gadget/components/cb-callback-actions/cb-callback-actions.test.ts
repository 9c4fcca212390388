import { expect, fixture, html } from '@open-wc/testing';
import type { CbCallbackActions, CbCallbackUpdatedEvent } from './cb-callback-actions.ts';
import './cb-callback-actions.ts';
import type { CbReschedule } from '../cb-reschedule/cb-reschedule.ts';
import { AGENTS, SKILLS, callback, mockApi, session, shadow, until, type CbTestContext } from '../../test/mock-api.ts';
import { gridOf } from '../../test/horizon-slots.ts';
import { WIDTHS, controlsOutside, scrollsSideways, setWidth } from '../../test/widths.ts';

async function setup(mock = mockApi(), c = callback()) {
  const host = await fixture<CbTestContext>(html`<cb-test-context .api=${mock.api} .session=${session({ role: 'supervisor', agentId: '2001' })}>
    <cb-callback-actions allow-reassign .callback=${c} .agents=${AGENTS} .skills=${SKILLS}></cb-callback-actions>
  </cb-test-context>`);
  const el = host.querySelector('cb-callback-actions') as CbCallbackActions;
  await el.updateComplete;
  return el;
}
const click = async (el: CbCallbackActions, selector: string) => {
  shadow(el).querySelector<HTMLButtonElement>(selector)?.click();
  await el.updateComplete;
};

describe('cb-callback-actions', () => {
  it('reschedules to a slot picked in the callback’s calendar, in the callback zone', async () => {
    const mock = mockApi({
      RescheduleCallback: (v) => ({ rescheduleCallback: { callback: callback({ scheduledAt: v.scheduledAt }), violations: [], duplicate: null } }),
      Availability: (v) => ({ availabilityGrid: gridOf([{ start: `${v.from}T10:15:00Z`, end: `${v.from}T10:30:00Z`, capacity: 10, booked: 1, available: 9, closedReason: null }]) }),
    });
    const el = await setup(mock);
    await click(el, '[data-action="reschedule"]');
    const editor = shadow(el).querySelector('cb-reschedule') as CbReschedule;
    const calendar = await until(() => shadow(editor).querySelector('cb-availability-calendar'), 'calendar');
    (await until(() => shadow(calendar).querySelector<HTMLButtonElement>('.slot.high'), 'free slot')).click();
    await editor.updateComplete;
    expect(mock.transport.callsOf('Availability')[0]).to.include({ campaign: 'CB_MAIN', skill: 'Sales', agentId: '1001', timeZone: 'Europe/Warsaw' });
    const updated = new Promise((r) => el.addEventListener('cb-callback-updated', r, { once: true }));
    shadow(editor).querySelector<HTMLButtonElement>('button.primary')?.click();
    await updated;
    const [call] = mock.transport.callsOf('RescheduleCallback');
    expect(call).to.deep.include({ id: '1', timeZone: 'Europe/Warsaw' });
    expect(call.scheduledAt).to.match(/T10:15:00\.000Z$/);
  });

  it('reassigns to an agent', async () => {
    const mock = mockApi({ ReassignCallback: () => ({ reassignCallback: { callback: callback({ agentId: '1002' }), violations: [], duplicate: null } }) });
    const el = await setup(mock);
    await click(el, '[data-action="reassign"]');
    const select = shadow(el).querySelector('select') as HTMLSelectElement;
    select.value = 'agent:1002';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    await click(el, 'form .primary');
    await until(() => mock.transport.callsOf('ReassignCallback').length, 'reassign');
    expect(mock.transport.callsOf('ReassignCallback')[0]).to.deep.equal({ id: '1', agentId: '1002', skill: null });
  });

  it('shows a refusal beside the action', async () => {
    const mock = mockApi({ ReassignCallback: () => ({ reassignCallback: { callback: null, violations: [{ code: 'SLOT_FULL', field: 'scheduledAt', message: 'full' }], duplicate: null } }) });
    const el = await setup(mock);
    await click(el, '[data-action="reassign"]');
    const select = shadow(el).querySelector('select') as HTMLSelectElement;
    select.value = 'skill:Support';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    await click(el, 'form .primary');
    await until(() => shadow(el).querySelector('.error'), 'error');
    expect(shadow(el).querySelector('.error')?.textContent).to.contain('fully booked');
  });

  it('offers no cancel on a finished callback', async () => {
    const el = await setup(mockApi(), callback({ status: 'completed' }));
    expect(shadow(el).querySelector('[data-action="cancel"]')).to.equal(null);
    expect(shadow(el).querySelector('[data-action="reschedule"]')).to.not.equal(null);
  });

  it('is accessible', async () => {
    const el = await setup();
    await click(el, '[data-action="reassign"]');
    await expect(el).to.be.accessible();
  });

  it('puts the focus on a refusal beside the action that caused it', async () => {
    const mock = mockApi({ CancelCallback: () => ({ cancelCallback: { callback: null, violations: [{ code: 'SLOT_FULL', field: 'scheduledAt', message: 'full' }], duplicate: null } }) });
    const el = await setup(mock);
    await click(el, '[data-action="cancel"]');
    await click(el, '.panel .primary');
    const error = await until(() => shadow(el).querySelector('.panel + .error'), 'error beside the cancel panel');
    await until(() => shadow(el).activeElement === error, 'focus on the error');
  });

  it('puts the focus on the refusal beside the reschedule buttons when a new time is refused', async () => {
    const mock = mockApi({
      RescheduleCallback: () => ({ rescheduleCallback: { callback: null, violations: [{ code: 'SLOT_FULL', field: 'scheduledAt', message: 'full' }], duplicate: null } }),
      Availability: (v) => ({ availabilityGrid: gridOf([{ start: `${v.from}T10:15:00Z`, end: `${v.from}T10:30:00Z`, capacity: 10, booked: 1, available: 9, closedReason: null }]) }),
    });
    const el = await setup(mock);
    await click(el, '[data-action="reschedule"]');
    const editor = shadow(el).querySelector('cb-reschedule') as CbReschedule;
    const calendar = await until(() => shadow(editor).querySelector('cb-availability-calendar'), 'calendar');
    (await until(() => shadow(calendar).querySelector<HTMLButtonElement>('.slot.high'), 'free slot')).click();
    await editor.updateComplete;
    shadow(editor).querySelector<HTMLButtonElement>('button.primary')?.click();
    const error = await until(() => shadow(editor).querySelector('.error'), 'error in the editor');
    expect(error.textContent).to.contain('fully booked');
    await until(() => shadow(editor).activeElement === error, 'focus on the refusal');
  });

  it('gives the focus back to the button that opened a panel when it closes, and reports which action changed the callback', async () => {
    const mock = mockApi({ CancelCallback: () => ({ cancelCallback: { callback: callback({ status: 'cancelled' }), violations: [], duplicate: null } }) });
    const el = await setup(mock);
    await click(el, '[data-action="cancel"]');
    await click(el, '.panel button:not(.primary)');
    await until(() => shadow(el).activeElement?.getAttribute('data-action') === 'cancel', 'focus back on Cancel');
    await click(el, '[data-action="cancel"]');
    const updated = new Promise<CbCallbackUpdatedEvent>((r) => el.addEventListener('cb-callback-updated', r, { once: true }));
    await click(el, '.panel .primary');
    expect((await updated).detail.action).to.equal('cancel');
  });

  for (const [width, panel] of WIDTHS.flatMap((w) => (['reassign', 'reschedule', 'cancel'] as const).map((p) => [w, p] as const))) {
    it(`keeps every action and the ${panel} panel inside a ${width} px column (Polish)`, async () => {
      const host = await fixture<CbTestContext>(html`<cb-test-context .api=${mockApi().api} .session=${session({ role: 'supervisor', agentId: '2001', locale: 'pl' })}>
        <cb-callback-actions allow-reassign .callback=${callback()} .agents=${AGENTS} .skills=${SKILLS}></cb-callback-actions>
      </cb-test-context>`);
      const el = host.querySelector('cb-callback-actions') as CbCallbackActions;
      await click(el, `[data-action="${panel}"]`);
      await setWidth(el, width);
      expect(controlsOutside(el)).to.deep.equal([]);
      expect(scrollsSideways(el)).to.equal(false);
      await expect(el).to.be.accessible();
    });
  }
});
