import { expect, fixture, html } from '@open-wc/testing';
import type { CbPhoneField } from './cb-phone-field.ts';
import './cb-phone-field.ts';
import { mockApi, session, shadow, until, type CbTestContext } from '../../test/mock-api.ts';
import { WIDTHS, controlsOutside, setWidth } from '../../test/widths.ts';

async function setup(api = mockApi().api, value = '') {
  const host = await fixture<CbTestContext>(html`<cb-test-context .api=${api} .session=${session()}>
    <cb-phone-field campaign="CB_MAIN" .value=${value} .debounce=${5}></cb-phone-field>
  </cb-test-context>`);
  const el = host.querySelector('cb-phone-field') as CbPhoneField;
  await el.updateComplete;
  return el;
}

const type = async (el: CbPhoneField, text: string) => {
  const input = shadow(el).querySelector('input') as HTMLInputElement;
  input.value = text;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
};

describe('cb-phone-field', () => {
  it('checks the number as typed and shows its national format', async () => {
    const mock = mockApi();
    const el = await setup(mock.api);
    await type(el, '601234567');
    await until(() => shadow(el).querySelector('.ok'), 'valid hint');
    expect(shadow(el).querySelector('.ok')?.textContent).to.contain('601 234 567').and.contain('PL');
    expect(mock.transport.callsOf('PhoneInfo').at(-1)).to.deep.equal({ campaign: 'CB_MAIN', phone: '601234567' });
  });

  it('marks an invalid number', async () => {
    const el = await setup();
    await type(el, '12345');
    await until(() => shadow(el).querySelector('.error'), 'invalid hint');
    await el.updateComplete;
    expect(shadow(el).querySelector('input')?.getAttribute('aria-invalid')).to.equal('true');
  });

  it('reports the number and its time zone to the form', async () => {
    const el = await setup();
    const seen: Array<string | null> = [];
    el.addEventListener('cb-phone-change', (e) => seen.push(e.detail.info?.timeZone ?? null));
    await type(el, '+48 601 234 567');
    await until(() => seen.includes('Europe/Warsaw'), 'zone event');
  });

  it('shows a server violation beside the field', async () => {
    const el = await setup(mockApi().api, '601234567');
    el.error = 'This is not a valid phone number.';
    await el.updateComplete;
    expect(shadow(el).querySelector('#phone-status')?.textContent).to.contain('not a valid');
  });

  it('is accessible', async () => {
    const el = await setup(mockApi().api, '601234567');
    await expect(el).to.be.accessible();
  });

  for (const width of WIDTHS) {
    it(`keeps the field inside a ${width} px column with a long number and its error, and stays accessible`, async () => {
      const el = await setup(mockApi().api, '+48 601 234 567 890 123 456');
      el.error = 'This number is on the do-not-call list.';
      await setWidth(el, width);
      expect(controlsOutside(el)).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });
  }
});
