import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { CbCallbackDetail } from './cb-callback-detail.ts';
import './cb-callback-detail.ts';
import type { Callback } from '../../api/types.ts';
import type { CbCallbackEdit } from '../cb-callback-edit/cb-callback-edit.ts';
import type { CbCallbackActions } from '../cb-callback-actions/cb-callback-actions.ts';
import { callback, mockApi, session, shadow, until, type CbTestContext } from '../../test/mock-api.ts';
import { WIDTHS, controlsOutside, setWidth } from '../../test/widths.ts';

const HISTORY = [
  { id: '1', at: '2026-11-24T08:00:00Z', event: 'booked', actor: '1001', details: '{}' },
  { id: '2', at: '2026-11-24T10:00:00Z', event: 'imported', actor: 'job:cm-1', details: '{"dialingListId":7}' },
  { id: '3', at: '2026-11-24T10:01:00Z', event: 'dial_result', actor: 'uccx', details: '{"callStatus":3,"callResult":11,"result":"busy"}' },
  { id: '4', at: '2026-11-24T10:01:05Z', event: 'retry_scheduled', actor: 'uccx', details: '{"outcome":"busy","nextAttemptAt":"2026-11-24T10:11:00Z"}' },
];

async function setup(locale: 'en' | 'pl' = 'en') {
  const mock = mockApi({ History: () => ({ history: HISTORY }) });
  const cb = callback({ id: '42', status: 'retry_wait', attempts: 1, lastResult: 'busy', nextAttemptAt: '2026-11-24T10:11:00Z', reason: null });
  const host = await fixture<CbTestContext>(html`<cb-test-context .api=${mock.api} .session=${session({ locale })}><cb-callback-detail .callback=${cb}></cb-callback-detail></cb-test-context>`);
  const el = host.querySelector('cb-callback-detail') as CbCallbackDetail;
  await until(() => shadow(el).querySelectorAll('li').length === 4, 'timeline');
  return { el, mock };
}

describe('cb-callback-detail', () => {
  it('tells why a callback waits: last result and next try in words, the history as a timeline', async () => {
    const { el, mock } = await setup();
    expect(mock.transport.callsOf('History')[0]).to.deep.equal({ id: '42' });
    const text = shadow(el).textContent ?? '';
    expect(text).to.contain('waiting to retry').and.contain('Last result').and.contain('busy').and.contain('Next try');
    const items = [...shadow(el).querySelectorAll('li')].map((li) => li.textContent ?? '');
    expect(items[1]).to.contain('sent to UCCX');
    expect(items[2]).to.contain('UCCX result').and.contain('busy');
    expect(items[3]).to.contain('retry planned');
  });

  it('speaks Polish in a Polish desktop', async () => {
    const { el } = await setup('pl');
    expect(shadow(el).textContent).to.contain('zajęte').and.contain('Co się działo');
  });

  it('closes on Escape and is accessible', async () => {
    const { el } = await setup();
    await expect(el).to.be.accessible();
    setTimeout(() => shadow(el).querySelector('section')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    const closed = await oneEvent(el, 'cb-detail-closed');
    expect(closed.detail.id).to.equal('42');
  });
});

/** The panel of a callback in the given state, for an agent or a supervisor. */
async function panel(over: Partial<Callback> = {}, role: 'agent' | 'supervisor' = 'agent', handlers = {}) {
  const mock = mockApi({ History: () => ({ history: HISTORY.slice(0, 1) }), ...handlers });
  const cb = callback({ id: '42', ...over });
  const host = await fixture<CbTestContext>(html`<cb-test-context .api=${mock.api} .session=${session({ role, agentId: role === 'agent' ? '1001' : '2001' })}><cb-callback-detail .callback=${cb}></cb-callback-detail></cb-test-context>`);
  const el = host.querySelector('cb-callback-detail') as CbCallbackDetail;
  await until(() => shadow(el).querySelectorAll('li').length === 1, 'timeline');
  const actions = shadow(el).querySelector('cb-callback-actions') as CbCallbackActions;
  await actions.updateComplete;
  return { el, mock, actions };
}
const buttons = (root: Element) => [...(root.shadowRoot as ShadowRoot).querySelectorAll('button[data-action]')].map((b) => b.getAttribute('data-action'));

describe('cb-callback-detail: actions and editing', () => {
  it('offers what the state allows: edit, reschedule and cancel before UCCX; no edit once queued; reassign for supervisors', async () => {
    const scheduled = await panel();
    expect(buttons(scheduled.el)).to.deep.equal(['edit']);
    expect(buttons(scheduled.actions)).to.deep.equal(['reschedule', 'cancel']);
    const queued = await panel({ status: 'queued' });
    expect(buttons(queued.el)).to.deep.equal([]);
    expect(buttons(queued.actions)).to.deep.equal(['cancel']);
    const supervised = await panel({}, 'supervisor');
    await until(() => supervised.mock.transport.callsOf('Agents').length, 'agents for reassign');
    await supervised.actions.updateComplete;
    expect(buttons(supervised.actions)).to.deep.equal(['reschedule', 'reassign', 'cancel']);
  });

  it('edits in the panel: focus into the form, saved details shown and announced, focus back on Edit', async () => {
    const { el, mock } = await panel({}, 'agent', {
      UpdateCallbackDetails: ({ input }: Record<string, any>) => ({ updateCallbackDetails: { callback: callback({ id: '42', lastName: input.lastName, version: 2 }), violations: [], duplicate: null } }),
    });
    shadow(el).querySelector<HTMLButtonElement>('[data-action="edit"]')?.click();
    await el.updateComplete;
    const form = shadow(el).querySelector('cb-callback-edit') as CbCallbackEdit;
    await form.updateComplete;
    expect(shadow(form).activeElement?.getAttribute('name')).to.equal('firstName');
    const last = shadow(form).querySelector('input[name="lastName"]') as HTMLInputElement;
    last.value = 'Kowalska';
    last.dispatchEvent(new Event('input'));
    await form.updateComplete;
    const updated = new Promise<CustomEvent>((r) => el.addEventListener('cb-callback-updated', (e) => r(e as CustomEvent), { once: true }));
    shadow(form).querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    expect((await updated).detail.callback.lastName).to.equal('Kowalska', 'the lists hear of it');
    await until(() => shadow(el).querySelector('[role="status"]'), 'saved');
    expect(shadow(el).querySelector('h4')?.textContent).to.contain('Kowalska');
    expect(shadow(el).querySelector('cb-callback-edit')).to.equal(null);
    expect(shadow(el).activeElement?.getAttribute('data-action')).to.equal('edit');
    expect(mock.transport.callsOf('History').length).to.equal(2, 'the history is read again (the edit is in it)');
  });

  it('Escape in the form leaves the form, not the panel; focus back on Edit', async () => {
    const { el } = await panel();
    let closed = false;
    el.addEventListener('cb-detail-closed', () => (closed = true));
    shadow(el).querySelector<HTMLButtonElement>('[data-action="edit"]')?.click();
    await el.updateComplete;
    const form = shadow(el).querySelector('cb-callback-edit') as CbCallbackEdit;
    await form.updateComplete;
    shadow(form).querySelector('input')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await until(() => !shadow(el).querySelector('cb-callback-edit'), 'form closed');
    await el.updateComplete;
    expect(closed).to.equal(false);
    expect(shadow(el).activeElement?.getAttribute('data-action')).to.equal('edit');
  });

  for (const width of WIDTHS) {
    it(`fits a ${width} px column and is accessible, with the edit form open`, async () => {
      const { el } = await panel({}, 'supervisor');
      await setWidth(el, width);
      expect(controlsOutside(el)).to.deep.equal([]);
      shadow(el).querySelector<HTMLButtonElement>('[data-action="edit"]')?.click();
      await el.updateComplete;
      await (shadow(el).querySelector('cb-callback-edit') as CbCallbackEdit).updateComplete;
      expect(controlsOutside(el)).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });
  }
});
