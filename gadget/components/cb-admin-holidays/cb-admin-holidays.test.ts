import { expect, fixture, html } from '@open-wc/testing';
import type { CbAdminHolidays } from './cb-admin-holidays.ts';
import './cb-admin-holidays.ts';
import { fakeAdmin } from '../../test/fake-admin.ts';
import { shadow, until } from '../../test/mock-api.ts';
import { WIDTHS, controlsOutside, setWidth } from '../../test/widths.ts';

const POLAND = { id: 1, name: 'Poland', country: 'PL', region: null, customDates: ['2026-12-24'] };
const HOLIDAYS = [
  { date: '2026-11-01', name: 'Wszystkich Świętych' },
  { date: '2026-11-11', name: 'Narodowe Święto Niepodległości' },
];

function backend() {
  return fakeAdmin({
    'GET /api/v1/admin/holiday-calendars': { body: [POLAND] },
    'GET /api/v1/admin/holiday-calendars/public-holidays': { body: HOLIDAYS },
    'PUT /api/v1/admin/holiday-calendars/Bavaria': (body) => ({ body: { id: 2, name: 'Bavaria', ...body } }),
    'PUT /api/v1/admin/holiday-calendars/Poland': (body) => ({ body: { ...POLAND, ...body } }),
    'DELETE /api/v1/admin/holiday-calendars/Poland': { status: 409, body: { error: 'in_use', errors: [{ field: 'name', code: 'IN_USE', message: 'used by campaign CB_MAIN, skill Sales' }] } },
  });
}

async function setup() {
  const fake = backend();
  const el = await fixture<CbAdminHolidays>(html`<cb-admin-holidays .api=${fake.api} year="2026"></cb-admin-holidays>`);
  await until(() => shadow(el).querySelector('tr[data-name="Poland"]'), 'list');
  return { el, fake };
}
const q = <T extends Element>(el: Element, s: string) => shadow(el).querySelector(s) as T;
const type = (el: Element, selector: string, value: string) => {
  const input = q<HTMLInputElement>(el, selector);
  input.value = value;
  input.dispatchEvent(new Event('input'));
};
const button = (el: Element, text: string) => [...shadow(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === text) as HTMLButtonElement;

describe('cb-admin-holidays', () => {
  it('creates a calendar for a country and region, showing its public holidays for a year before saving', async () => {
    const { el, fake } = await setup();
    q<HTMLButtonElement>(el, '#new-calendar').click();
    await el.updateComplete;
    type(el, '#c-name', 'Bavaria');
    type(el, '#c-country', 'de');
    type(el, '#c-region', 'BY');
    button(el, 'Show public holidays').click();
    const items = await until(() => (shadow(el).querySelectorAll('.preview li').length ? shadow(el).querySelectorAll('.preview li') : null), 'preview');
    expect(items[1].textContent).to.contain('2026-11-11').and.contain('Niepodległości');
    expect(fake.calls.find((c) => c.path.includes('public-holidays'))?.path).to.equal('/api/v1/admin/holiday-calendars/public-holidays?country=DE&region=BY&year=2026');
    expect(fake.calls.some((c) => c.method === 'PUT')).to.equal(false, 'nothing saved by a preview');
    button(el, 'Save calendar').click();
    await until(() => fake.calls.find((c) => c.method === 'PUT'), 'saved');
    expect(fake.calls.find((c) => c.method === 'PUT')?.body).to.deep.equal({ country: 'DE', region: 'BY', customDates: [] });
  });

  it('adds and removes custom dates', async () => {
    const { el, fake } = await setup();
    q<HTMLButtonElement>(el, 'button[aria-label="Edit Poland"]').click();
    await el.updateComplete;
    button(el, 'Add date').click();
    await until(() => q(el, '#c-newDate-error'), 'empty date refused');
    expect(shadow(el).activeElement).to.equal(q(el, '#c-newDate'));
    type(el, '#c-newDate', '2026-12-31');
    button(el, 'Add date').click();
    await el.updateComplete;
    q<HTMLButtonElement>(el, 'button[aria-label="Remove 2026-12-24"]').click();
    await el.updateComplete;
    button(el, 'Save calendar').click();
    await until(() => fake.calls.find((c) => c.method === 'PUT'), 'saved');
    expect(fake.calls.find((c) => c.method === 'PUT')?.body.customDates).to.deep.equal(['2026-12-31']);
  });

  it('explains why a calendar in use cannot be deleted', async () => {
    const { el } = await setup();
    q<HTMLButtonElement>(el, 'button[aria-label="Delete Poland"]').click();
    const alert = await until(() => q(el, '[role="alert"]'), 'in use');
    expect(alert.textContent).to.contain('used by campaign CB_MAIN, skill Sales');
  });

  for (const width of WIDTHS) {
    it(`fits a ${width} px column with the form and preview open and is accessible`, async () => {
      const { el } = await setup();
      q<HTMLButtonElement>(el, 'button[aria-label="Edit Poland"]').click();
      await el.updateComplete;
      button(el, 'Show public holidays').click();
      await until(() => shadow(el).querySelector('.preview li'), 'preview');
      await setWidth(el, width);
      expect(controlsOutside(el)).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });
  }
});
