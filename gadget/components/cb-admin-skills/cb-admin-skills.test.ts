import { expect, fixture, html } from '@open-wc/testing';
import type { CbAdminSkills } from './cb-admin-skills.ts';
import './cb-admin-skills.ts';
import { hoursSummary } from './hours.ts';
import { fakeAdmin } from '../../test/fake-admin.ts';
import { shadow, until } from '../../test/mock-api.ts';
import { WIDTHS, controlsOutside, setWidth } from '../../test/widths.ts';

const SALES = { id: 1, name: 'Sales', csq: 'CSQ_Sales', timeZone: 'Europe/Warsaw', hours: { '1': ['08:00-18:00'], '6': ['09:00-13:00'] }, holidayCalendarId: 1, ivrScript: null, personalFallbackSeconds: null };

function backend(saveAnswer: (body: any) => { status?: number; body?: unknown } = (body) => ({ body: { ...SALES, ...body } })) {
  return fakeAdmin({
    'GET /api/v1/admin/skills': { body: [SALES] },
    'GET /api/v1/admin/holiday-calendars': { body: [{ id: 1, name: 'Poland', country: 'PL', region: null, customDates: [] }] },
    'PUT /api/v1/admin/skills/Sales': saveAnswer,
    'PUT /api/v1/admin/skills/Night': saveAnswer,
    'DELETE /api/v1/admin/skills/Sales': { status: 409, body: { error: 'in_use', errors: [{ field: 'name', code: 'IN_USE', message: '2 active callback(s) still use skill Sales: reassign or cancel them first' }] } },
  });
}

async function setup(fake = backend()) {
  const el = await fixture<CbAdminSkills>(html`<cb-admin-skills .api=${fake.api}></cb-admin-skills>`);
  await until(() => shadow(el).querySelector('tr[data-name="Sales"]'), 'list');
  return { el, fake };
}
const q = <T extends Element>(el: Element, s: string) => shadow(el).querySelector(s) as T;
const type = (el: Element, selector: string, value: string) => {
  const input = q<HTMLInputElement>(el, selector);
  input.value = value;
  input.dispatchEvent(new Event('input'));
};
const button = (el: Element, text: string) => [...shadow(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === text) as HTMLButtonElement;

describe('cb-admin-skills', () => {
  it('edits a skill\'s weekly hours, calendar and personal wait, and sends them to the API', async () => {
    const { el, fake } = await setup();
    expect(q(el, 'tr[data-name="Sales"] td[data-label="Hours"]').textContent).to.equal('Mon 08:00-18:00; Sat 09:00-13:00');
    q<HTMLButtonElement>(el, 'button[aria-label="Edit Sales"]').click();
    await el.updateComplete;
    expect(q<HTMLInputElement>(el, '#h-1').value).to.equal('08:00-18:00');
    expect(q<HTMLSelectElement>(el, '#s-calendar').value).to.equal('Poland');
    type(el, '#h-2', '08:00-12:00, 13:00-18:00');
    type(el, '#h-6', '');
    type(el, '#s-personalFallbackSeconds', '45');
    button(el, 'Save skill').click();
    await until(() => fake.calls.find((c) => c.method === 'PUT'), 'saved');
    const put = fake.calls.find((c) => c.method === 'PUT');
    expect(put?.body).to.deep.equal({ csq: 'CSQ_Sales', timeZone: 'Europe/Warsaw', ivrScript: null, holidayCalendar: 'Poland', personalFallbackSeconds: 45, hours: { '1': ['08:00-18:00'], '2': ['08:00-12:00', '13:00-18:00'] } });
    await until(() => q(el, '[role="status"]').textContent?.includes('Sales saved'), 'confirmation');
  });

  it('summarises a week with runs of equal days', () => {
    const week = { '1': ['08:00-18:00'], '2': ['08:00-18:00'], '3': ['08:00-18:00'], '4': ['08:00-18:00'], '5': ['08:00-18:00'], '6': ['09:00-13:00'] };
    expect(hoursSummary(week)).to.equal('Mon–Fri 08:00-18:00; Sat 09:00-13:00');
    expect(hoursSummary({})).to.equal('closed');
    expect(hoursSummary({ '7': ['10:00-12:00', '13:00-14:00'] })).to.equal('Sun 10:00-12:00, 13:00-14:00');
  });

  it('refuses hours that end before they start beside the day, with focus, without asking the API', async () => {
    const { el, fake } = await setup();
    q<HTMLButtonElement>(el, 'button[aria-label="Edit Sales"]').click();
    await el.updateComplete;
    type(el, '#h-3', '18:00-08:00');
    button(el, 'Save skill').click();
    const error = await until(() => q(el, '#h-3-error'), 'day error');
    expect(error.textContent).to.contain('Wednesday').and.contain('must end after it starts');
    const input = q<HTMLInputElement>(el, '#h-3');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.equal('h-3-error');
    expect(shadow(el).activeElement).to.equal(input);
    expect(fake.calls.some((c) => c.method === 'PUT')).to.equal(false);
  });

  it('shows the API\'s field errors beside their fields (zone, a day\'s range) and focuses the first', async () => {
    const fake = backend(() => ({ status: 422, body: { error: 'invalid_configuration', errors: [{ field: 'timeZone', code: 'INVALID_TIME_ZONE', message: '"Mars/Base" is not an IANA time zone' }, { field: 'hours.1[0]', code: 'INVALID_HOURS', message: '"08:00-08:00" is not a range' }] } }));
    const { el } = await setup(fake);
    q<HTMLButtonElement>(el, '#new-skill').click();
    await el.updateComplete;
    type(el, '#s-name', 'Night');
    type(el, '#s-csq', 'CSQ_Night');
    type(el, '#s-timeZone', 'Mars/Base');
    type(el, '#h-1', '08:00-09:00');
    button(el, 'Save skill').click();
    const error = await until(() => q(el, '#s-timeZone-error'), 'zone error');
    expect(error.textContent).to.contain('Mars/Base');
    expect(q(el, '#h-1-error').textContent).to.contain('08:00-08:00');
    expect(shadow(el).activeElement).to.equal(q(el, '#s-timeZone'));
    await expect(el).to.be.accessible();
  });

  it('explains why a skill in use cannot be deleted', async () => {
    const { el } = await setup();
    q<HTMLButtonElement>(el, 'button[aria-label="Delete Sales"]').click();
    const alert = await until(() => q(el, '[role="alert"]'), 'in use');
    expect(alert.textContent).to.contain('2 active callback(s) still use skill Sales');
  });

  for (const width of WIDTHS) {
    it(`fits a ${width} px column with the form open and is accessible`, async () => {
      const { el } = await setup();
      q<HTMLButtonElement>(el, 'button[aria-label="Edit Sales"]').click();
      await setWidth(el, width);
      expect(controlsOutside(el)).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });
  }
});
