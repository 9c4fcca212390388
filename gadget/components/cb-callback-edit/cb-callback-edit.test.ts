import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { CbCallbackEdit } from './cb-callback-edit.ts';
import './cb-callback-edit.ts';
import type { CbPhoneField } from '../cb-phone-field/cb-phone-field.ts';
import { callback, mockApi, session, shadow, until, type CbTestContext } from '../../test/mock-api.ts';
import { WIDTHS, controlsOutside, setWidth } from '../../test/widths.ts';

async function setup(mock = mockApi(), locale: 'en' | 'pl' = 'en') {
  const host = await fixture<CbTestContext>(html`<cb-test-context .api=${mock.api} .session=${session({ locale })}><cb-callback-edit .callback=${callback()}></cb-callback-edit></cb-test-context>`);
  const el = host.querySelector('cb-callback-edit') as CbCallbackEdit;
  await el.updateComplete;
  return { el, mock };
}
const type = (input: HTMLInputElement | HTMLTextAreaElement, value: string) => {
  input.value = value;
  input.dispatchEvent(new Event('input'));
};
const phoneInput = (el: CbCallbackEdit) => shadow(shadow(el).querySelector('cb-phone-field') as CbPhoneField).querySelector('input') as HTMLInputElement;
const save = (el: CbCallbackEdit) => shadow(el).querySelector<HTMLButtonElement>('button[type="submit"]')?.click();

describe('cb-callback-edit', () => {
  it('starts on the first name with the current values, and sends only what changed', async () => {
    const mock = mockApi({ UpdateCallbackDetails: ({ input }) => ({ updateCallbackDetails: { callback: callback({ lastName: input.lastName, notes: input.notes }), violations: [], duplicate: null } }) });
    const { el } = await setup(mock);
    const first = shadow(el).querySelector('input[name="firstName"]') as HTMLInputElement;
    expect(shadow(el).activeElement).to.equal(first);
    expect(first.value).to.equal('Jan');
    expect(phoneInput(el).value).to.equal('+48601234567');
    type(shadow(el).querySelector('input[name="lastName"]') as HTMLInputElement, 'Kowalska');
    type(shadow(el).querySelector('textarea') as HTMLTextAreaElement, 'Prefers mornings');
    await el.updateComplete;
    setTimeout(() => save(el));
    const edited = await oneEvent(el, 'cb-callback-edited');
    expect(mock.transport.callsOf('UpdateCallbackDetails')).to.deep.equal([{ id: '1', input: { lastName: 'Kowalska', notes: 'Prefers mornings' } }]);
    expect(edited.detail.callback.lastName).to.equal('Kowalska');
  });

  it('shows a violation beside its field and puts the focus there', async () => {
    const mock = mockApi({ UpdateCallbackDetails: () => ({ updateCallbackDetails: { callback: null, violations: [{ code: 'FIELD_TOO_LONG', field: 'lastName', message: 'too long' }, { code: 'DO_NOT_CALL', field: 'phone', message: 'dnc' }], duplicate: null } }) });
    const { el } = await setup(mock);
    type(shadow(el).querySelector('input[name="lastName"]') as HTMLInputElement, 'x'.repeat(50));
    type(phoneInput(el), '22 123 45 99');
    await el.updateComplete;
    save(el);
    const error = await until(() => shadow(el).querySelector('.field .error'), 'field error');
    const last = shadow(el).querySelector('input[name="lastName"]') as HTMLInputElement;
    expect(error.textContent).to.equal('Too long.');
    expect(last.getAttribute('aria-invalid')).to.equal('true');
    expect(last.getAttribute('aria-describedby')).to.equal(error.id);
    expect(shadow(el).activeElement).to.equal(last);
    const phoneField = shadow(el).querySelector('cb-phone-field') as CbPhoneField;
    expect(shadow(phoneField).querySelector('.status')?.textContent).to.contain('do-not-call');
  });

  it('says why a duplicate number is refused and focuses the message', async () => {
    const mock = mockApi({ UpdateCallbackDetails: () => ({ updateCallbackDetails: { callback: null, violations: [], duplicate: callback({ id: '9', status: 'scheduled' }) } }) });
    const { el } = await setup(mock);
    type(phoneInput(el), '22 123 45 67');
    await el.updateComplete;
    save(el);
    const alert = await until(() => shadow(el).querySelector('[role="alert"]'), 'alert');
    expect(alert.textContent).to.contain('already exists');
    expect(shadow(el).activeElement).to.equal(alert);
  });

  it('cancels on Escape without calling the server', async () => {
    const { el, mock } = await setup();
    setTimeout(() => shadow(el).querySelector('input')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true })));
    const cancelled = await oneEvent(el, 'cb-edit-cancelled');
    expect(cancelled.detail.id).to.equal('1');
    expect(mock.transport.callsOf('UpdateCallbackDetails')).to.have.length(0);
  });

  it('speaks Polish in a Polish desktop', async () => {
    const { el } = await setup(mockApi(), 'pl');
    expect(shadow(el).textContent).to.contain('Zapisz').and.contain('Anuluj');
  });

  for (const width of WIDTHS) {
    it(`fits a ${width} px column and is accessible`, async () => {
      const { el } = await setup();
      await setWidth(el, width);
      expect(controlsOutside(el)).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });
  }
});
