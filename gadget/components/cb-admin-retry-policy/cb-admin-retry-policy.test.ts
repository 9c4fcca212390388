import { expect, fixture, html } from '@open-wc/testing';
import type { CbAdminRetryPolicy, CbRetryPolicyChangeEvent } from './cb-admin-retry-policy.ts';
import './cb-admin-retry-policy.ts';
import { shadow } from '../../test/mock-api.ts';
import { WIDTHS, controlsOutside, scrollsSideways, setWidth } from '../../test/widths.ts';
import type { RetryPolicy } from '../../../domain/types.ts';

async function setup(policy: RetryPolicy | null = { busy: { maxAttempts: 3, delayMinutes: 5 } }) {
  const el = await fixture<CbAdminRetryPolicy>(html`<cb-admin-retry-policy .policy=${policy}></cb-admin-retry-policy>`);
  const changes: CbRetryPolicyChangeEvent['detail'][] = [];
  el.addEventListener('cb-retry-policy-change', (e) => changes.push(e.detail));
  return { el, changes };
}
const input = (el: Element, name: string) => shadow(el).querySelector(`input[name="${name}"]`) as HTMLInputElement;
const type = async (el: CbAdminRetryPolicy, name: string, value: string) => {
  const i = input(el, name);
  i.value = value;
  i.dispatchEvent(new Event('input'));
  await el.updateComplete;
};

describe('cb-admin-retry-policy', () => {
  it('shows the campaign\'s rules per outcome and sends the whole policy as the admin edits it', async () => {
    const { el, changes } = await setup();
    expect(input(el, 'retry.busy.maxAttempts').value).to.equal('3');
    expect(input(el, 'retry.no_answer.maxAttempts').value).to.equal('');
    await type(el, 'retry.no_answer.maxAttempts', '2');
    expect(changes.at(-1)).to.deep.equal({ policy: { busy: { maxAttempts: 3, delayMinutes: 5 } }, complete: false });
    await type(el, 'retry.no_answer.delayMinutes', '30');
    expect(changes.at(-1)).to.deep.equal({ policy: { busy: { maxAttempts: 3, delayMinutes: 5 }, no_answer: { maxAttempts: 2, delayMinutes: 30 } }, complete: true });
    await expect(el).to.be.accessible();
  });

  it('refuses a half-filled row beside it, and an emptied policy is null (the product\'s default)', async () => {
    const { el, changes } = await setup();
    await type(el, 'retry.busy.delayMinutes', '');
    const error = shadow(el).querySelector('#r-busy-error');
    expect(error?.textContent).to.contain('Busy: give both');
    expect(input(el, 'retry.busy.delayMinutes').getAttribute('aria-invalid')).to.equal('true');
    expect(input(el, 'retry.busy.delayMinutes').getAttribute('aria-describedby')).to.equal('r-busy-error');
    await type(el, 'retry.busy.maxAttempts', '');
    expect(shadow(el).querySelector('#r-busy-error')).to.equal(null);
    expect(changes.at(-1)).to.deep.equal({ policy: null, complete: true });
  });

  it('keeps a half-filled row when its own policy comes back as the property (a parent form echoing it)', async () => {
    const { el } = await setup();
    el.addEventListener('cb-retry-policy-change', (e) => (el.policy = e.detail.policy));
    await type(el, 'retry.no_answer.maxAttempts', '4');
    await el.updateComplete;
    expect(input(el, 'retry.no_answer.maxAttempts').value).to.equal('4');
    expect(shadow(el).querySelector('#r-no_answer-error')).to.not.equal(null);
    el.policy = { default: { maxAttempts: 2, delayMinutes: 15 } };
    await el.updateComplete;
    expect(input(el, 'retry.no_answer.maxAttempts').value, 'another policy (another campaign) replaces the rows').to.equal('');
    expect(input(el, 'retry.default.delayMinutes').value).to.equal('15');
  });

  for (const width of WIDTHS) {
    it(`fits a ${width} px admin gadget, accessible`, async () => {
      const { el } = await setup();
      await setWidth(el, width);
      expect(controlsOutside(el, shadow(el))).to.deep.equal([]);
      expect(scrollsSideways(el)).to.equal(false);
      await expect(el).to.be.accessible();
    });
  }
});
