import { expect, fixture, html } from '@open-wc/testing';
import type { CbCallbackActions } from './cb-callback-actions.ts';
import './cb-callback-actions.ts';
import type { CbReschedule } from '../cb-reschedule/cb-reschedule.ts';
import { AGENTS, SKILLS, callback, mockApi, session, shadow, until, type CbTestContext } from '../../test/mock-api.ts';

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
  it('reschedules to a local time in the callback zone', async () => {
    const mock = mockApi({ RescheduleCallback: (v) => ({ rescheduleCallback: { callback: callback({ scheduledAt: '2026-11-26T08:00:00Z' }), violations: [], duplicate: null, v } }) });
    const el = await setup(mock);
    await click(el, '[data-action="reschedule"]');
    const editor = shadow(el).querySelector('cb-reschedule') as CbReschedule;
    await editor.updateComplete;
    const input = shadow(editor).querySelector('input') as HTMLInputElement;
    expect(input.value).to.equal('2026-11-24T15:00');
    input.value = '2026-11-26T09:00';
    input.dispatchEvent(new Event('input'));
    const updated = new Promise((r) => el.addEventListener('cb-callback-updated', r, { once: true }));
    shadow(editor).querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await updated;
    expect(mock.transport.callsOf('RescheduleCallback')[0]).to.deep.equal({ id: '1', scheduledAt: '2026-11-26T09:00', timeZone: 'Europe/Warsaw' });
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
});
