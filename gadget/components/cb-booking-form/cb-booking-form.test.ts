import { expect, fixture, html } from '@open-wc/testing';
import type { CbBookingForm } from './cb-booking-form.ts';
import './cb-booking-form.ts';
import { NOW, callback, mockApi, outboundCall, session, shadow, slots, until, type CbTestContext } from '../../test/mock-api.ts';
import { gridOf } from '../../test/horizon-slots.ts';
import type { CurrentCall } from '../../context/call-context.ts';
import { WIDTHS, controlsOutside, setWidth } from '../../test/widths.ts';

async function setup(api = mockApi().api, call: CurrentCall | null = outboundCall()) {
  const host = await fixture<CbTestContext>(html`<cb-test-context .api=${api} .session=${session()} .call=${call}>
    <cb-booking-form .now=${() => NOW}></cb-booking-form>
  </cb-test-context>`);
  const el = host.querySelector('cb-booking-form') as CbBookingForm;
  await until(() => shadow(el).querySelector('#campaign option'), 'campaigns');
  await el.updateComplete;
  return el;
}

const calendar = (el: CbBookingForm) => shadow(el).querySelector('cb-availability-calendar') as HTMLElement;
async function pickSlot(el: CbBookingForm) {
  const button = await until(() => shadow(calendar(el)).querySelector<HTMLButtonElement>('.slot.high'), 'free slot');
  button.click();
  await el.updateComplete;
}
async function submit(el: CbBookingForm) {
  shadow(el).querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
  await until(() => shadow(el).querySelector('.notice, .field-error'), 'outcome');
  await el.updateComplete;
}

describe('cb-booking-form', () => {
  it('pre-fills number, names and campaign from an outbound call', async () => {
    const el = await setup();
    const phone = shadow(el).querySelector('cb-phone-field') as HTMLElement & { value: string };
    expect(phone.value).to.equal('+48 601 234 567');
    expect(shadow(el).querySelector<HTMLInputElement>('#firstName')?.value).to.equal('Jan');
    expect(shadow(el).querySelector<HTMLInputElement>('#lastName')?.value).to.equal('Kowalski');
    expect(shadow(el).querySelector<HTMLSelectElement>('#campaign')?.value).to.equal('CB_MAIN');
    expect(shadow(el).querySelector<HTMLSelectElement>('#timeZone')?.value).to.equal('Europe/Warsaw');
  });

  it('on a callback call takes the number in E.164 and the campaign from the callback behind BAAccountNumber', async () => {
    const mock = mockApi({ CallbackByAccount: () => ({ callbackByAccount: callback({ phoneE164: '+48601234561', campaign: 'CB_US' }) }) });
    const el = await setup(mock.api, outboundCall({ customerNumber: '0601234561', campaign: 'CB_DDI_1' }));
    const phone = shadow(el).querySelector('cb-phone-field') as HTMLElement & { value: string };
    await until(() => (phone.value === '+48601234561' ? phone : null), 'number from the callback');
    expect(mock.transport.callsOf('CallbackByAccount')[0]).to.deep.equal({ accountNumber: 'ACC-7' });
    expect(shadow(el).querySelector<HTMLSelectElement>('#campaign')?.value).to.equal('CB_US');
  });

  it('pre-fills from an inbound call: caller number, campaign from the dialled DDI', async () => {
    const inbound = outboundCall({ direction: 'inbound', callType: 'ACD_IN', variables: {}, accountNumber: null, customerNumber: '+1 212 555 0199', customerName: '', campaign: null, dnis: '2125550100' });
    const el = await setup(mockApi().api, inbound);
    expect((shadow(el).querySelector('cb-phone-field') as HTMLElement & { value: string }).value).to.equal('+1 212 555 0199');
    expect(shadow(el).querySelector<HTMLSelectElement>('#campaign')?.value).to.equal('CB_US');
  });

  it('books a personal callback with a fallback skill from the calendar', async () => {
    const mock = mockApi({ BookCallback: () => ({ bookCallback: { callback: callback({ scheduledAt: '2026-11-24T10:15:00Z' }), violations: [], duplicate: null } }) });
    const el = await setup(mock.api);
    const booked: unknown[] = [];
    el.addEventListener('cb-booked', (e) => booked.push(e.detail.callback));
    await pickSlot(el);
    await submit(el);
    expect(mock.transport.callsOf('BookCallback')[0].input).to.deep.equal({
      campaign: 'CB_MAIN', phone: '+48 601 234 567', scheduledAt: '2026-11-24T10:15:00.000Z', timeZone: 'Europe/Warsaw', agentId: '1001',
      skill: 'Sales', firstName: 'Jan', lastName: 'Kowalski', notes: undefined, source: 'outbound',
    });
    expect(shadow(el).querySelector('.notice.success')?.textContent).to.contain('Callback booked');
    expect(booked).to.have.length(1);
  });

  it('books for a skill when the agent chooses a skill group', async () => {
    const mock = mockApi({ BookCallback: () => ({ bookCallback: { callback: callback({ type: 'skill', agentId: null }), violations: [], duplicate: null } }) });
    const el = await setup(mock.api);
    shadow(el).querySelector<HTMLInputElement>('input[value="skill"]')?.click();
    await el.updateComplete;
    await until(() => mock.transport.callsOf('Availability').some((v) => !v.agentId), 'skill availability');
    await pickSlot(el);
    await submit(el);
    expect(mock.transport.callsOf('BookCallback')[0].input.agentId).to.equal(undefined);
  });

  it('asks for a time before booking', async () => {
    const mock = mockApi();
    const el = await setup(mock.api);
    await submit(el);
    expect(shadow(el).querySelector('#scheduledAt-error')?.textContent).to.contain('Pick a time');
    expect(mock.transport.callsOf('BookCallback')).to.have.length(0);
  });

  it('shows server violations beside their fields', async () => {
    const mock = mockApi({
      BookCallback: () => ({ bookCallback: { callback: null, duplicate: null, violations: [
        { code: 'INVALID_PHONE', field: 'phone', message: 'bad' },
        { code: 'HOLIDAY', field: 'scheduledAt', message: 'holiday' },
        { code: 'FIELD_TOO_LONG', field: 'lastName', message: 'too long' },
      ] } }),
    });
    const el = await setup(mock.api);
    await pickSlot(el);
    await submit(el);
    const phone = shadow(el).querySelector('cb-phone-field') as HTMLElement & { error: string };
    expect(phone.error).to.contain('not a valid phone number');
    expect(shadow(el).querySelector('#scheduledAt-error')?.textContent).to.contain('holiday');
    expect(shadow(el).querySelector('#lastName-error')?.textContent).to.contain('Too long');
    expect(shadow(el).querySelector('#lastName')?.getAttribute('aria-invalid')).to.equal('true');
  });

  it('offers to reschedule a duplicate and reschedules it to the chosen time', async () => {
    const dup = callback({ id: '42' });
    const mock = mockApi({
      BookCallback: () => ({ bookCallback: { callback: null, violations: [], duplicate: dup } }),
      RescheduleCallback: () => ({ rescheduleCallback: { callback: { ...dup, scheduledAt: '2026-11-24T10:15:00Z' }, violations: [], duplicate: null } }),
    });
    const el = await setup(mock.api);
    await pickSlot(el);
    await submit(el);
    expect(shadow(el).querySelector('.notice.warning')?.textContent).to.contain('already exists');
    shadow(el).querySelector<HTMLButtonElement>('#reschedule-duplicate')?.click();
    await until(() => shadow(el).querySelector('.notice.success'), 'rescheduled');
    expect(mock.transport.callsOf('RescheduleCallback')[0]).to.deep.equal({ id: '42', scheduledAt: '2026-11-24T10:15:00.000Z', timeZone: 'Europe/Warsaw' });
  });

  it('is accessible', async () => {
    const el = await setup();
    await expect(el).to.be.accessible();
  });
});

describe('cb-booking-form: the customer time zone (issue 7, "The right zone")', () => {
  const US_ZONES = ['America/Chicago', 'America/Los_Angeles', 'America/New_York', 'Pacific/Honolulu'];
  const usInfo = (zones: string[]) => () => ({ phoneInfo: { valid: true, e164: '+14155550123', formatted: '+1 415 555 0123', country: 'US', timeZone: zones.length === 1 ? zones[0] : null, zones, countryZones: US_ZONES } });
  const usCall = () => outboundCall({ direction: 'inbound', callType: 'ACD_IN', variables: {}, accountNumber: null, customerNumber: '+1 415 555 0123', customerName: 'Ann Lee', campaign: null, dnis: '2125550100' });
  const zoneSelect = (el: CbBookingForm) => shadow(el).querySelector<HTMLSelectElement>('#timeZone') as HTMLSelectElement;
  const zoneOptions = (el: CbBookingForm) => [...zoneSelect(el).options].map((o) => o.value);

  it('makes the agent choose among every zone of the country when the number cannot tell, then books in that zone', async () => {
    const mock = mockApi({ PhoneInfo: usInfo(US_ZONES), BookCallback: () => ({ bookCallback: { callback: callback(), violations: [], duplicate: null } }) });
    const el = await setup(mock.api, usCall());
    await until(() => zoneOptions(el).includes('Pacific/Honolulu'), 'the country zones');
    await el.updateComplete;
    expect(zoneOptions(el)).to.deep.equal(['', ...US_ZONES]);
    expect(zoneSelect(el).value).to.equal('', 'no zone preset: not the campaign zone');
    expect(shadow(el).querySelector('#timeZone-hint')?.textContent).to.contain('4 time zones');
    expect(shadow(el).querySelector('cb-availability-calendar')).to.equal(null);
    expect(shadow(el).querySelector('#zone-first')?.textContent).to.contain('Choose the customer');
    await expect(el).to.be.accessible();
    // Booking without a zone is stopped in the form.
    await submit(el);
    expect(shadow(el).querySelector('#timeZone-error')?.textContent).to.contain('Choose the customer');
    expect(mock.transport.callsOf('BookCallback')).to.have.length(0);
    // Choosing one shows the calendar, asked with the number, and the booking carries the zone.
    zoneSelect(el).value = 'America/Chicago';
    zoneSelect(el).dispatchEvent(new Event('change'));
    await el.updateComplete;
    await until(() => mock.transport.callsOf('Availability').find((v) => v.timeZone === 'America/Chicago'), 'availability in the chosen zone');
    expect(mock.transport.callsOf('Availability').at(-1)).to.include({ timeZone: 'America/Chicago', phone: '+14155550123' });
    await pickSlot(el);
    await submit(el);
    expect(mock.transport.callsOf('BookCallback')[0].input).to.include({ timeZone: 'America/Chicago', phone: '+1 415 555 0123' });
  });

  it('presets the zone the number gives and still offers the whole country', async () => {
    const el = await setup(mockApi({ PhoneInfo: usInfo(['America/Los_Angeles']) }).api, usCall());
    await until(() => zoneSelect(el).value === 'America/Los_Angeles', 'detected zone');
    await el.updateComplete;
    expect(zoneOptions(el)).to.deep.equal(['America/Los_Angeles', 'America/Chicago', 'America/New_York', 'Pacific/Honolulu']);
    expect(shadow(el).querySelector('#timeZone-hint')?.textContent).to.contain('America/Los_Angeles');
    expect(shadow(el).querySelector('cb-availability-calendar')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('offers only the zone of a single-zone country and shows ZONE_MISMATCH and DO_NOT_CALL beside their fields', async () => {
    const mock = mockApi({
      BookCallback: () => ({ bookCallback: { callback: null, duplicate: null, violations: [
        { code: 'ZONE_MISMATCH', field: 'timeZone', message: 'zone' },
        { code: 'DO_NOT_CALL', field: 'phone', message: 'dnc' },
      ] } }),
    });
    const el = await setup(mock.api);
    await until(() => zoneOptions(el).length === 1, 'the one Polish zone');
    expect(zoneOptions(el)).to.deep.equal(['Europe/Warsaw']);
    await pickSlot(el);
    await submit(el);
    expect(shadow(el).querySelector('#timeZone-error')?.textContent).to.contain('not one of the number');
    expect(zoneSelect(el).getAttribute('aria-invalid')).to.equal('true');
    expect((shadow(el).querySelector('cb-phone-field') as HTMLElement & { error: string }).error).to.contain('do-not-call');
  });
});

describe('cb-booking-form: nothing stale, focus kept (issue 10)', () => {
  const booked = () => ({ bookCallback: { callback: callback({ scheduledAt: '2026-11-24T10:15:00Z' }), violations: [], duplicate: null } });
  const focused = (el: CbBookingForm) => shadow(el).activeElement;
  const selectSkill = async (el: CbBookingForm, name: string) => {
    const select = shadow(el).querySelector<HTMLSelectElement>('#skill') as HTMLSelectElement;
    select.value = name;
    select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await el.updateComplete;
  };

  it('drops the chosen time when the skill changes, so it is never submitted', async () => {
    const mock = mockApi({ BookCallback: booked });
    const el = await setup(mock.api);
    await pickSlot(el);
    await selectSkill(el, 'Support');
    expect(shadow(el).querySelector('.hint[aria-live]')?.textContent).to.contain('Pick a time');
    await submit(el);
    expect(mock.transport.callsOf('BookCallback')).to.have.length(0);
    expect(shadow(el).querySelector('#outcome')?.textContent).to.contain('Pick a time');
  });

  it('drops the chosen time when the target changes to a skill group', async () => {
    const mock = mockApi({ BookCallback: booked });
    const el = await setup(mock.api);
    await pickSlot(el);
    shadow(el).querySelector<HTMLInputElement>('input[value="skill"]')?.click();
    await el.updateComplete;
    await submit(el);
    expect(mock.transport.callsOf('BookCallback')).to.have.length(0);
  });

  it('drops the chosen time when the next call arrives (another customer)', async () => {
    const mock = mockApi({ BookCallback: booked });
    const el = await setup(mock.api);
    await pickSlot(el);
    (el.parentElement as CbTestContext).call = outboundCall({ dialogId: '16000002', customerNumber: '+48 601 000 111', customerName: 'Ewa Nowak' });
    await until(() => shadow(el).querySelector<HTMLInputElement>('#firstName')?.value === 'Ewa', 'the new call');
    await submit(el);
    expect(mock.transport.callsOf('BookCallback')).to.have.length(0);
  });

  it('keeps the focus on the submit button while the server answers, then moves it to the outcome', async () => {
    let answer: (v: unknown) => void = () => undefined;
    const mock = mockApi({ BookCallback: () => new Promise((r) => (answer = r)) });
    const el = await setup(mock.api);
    await pickSlot(el);
    const button = shadow(el).querySelector<HTMLButtonElement>('button[type="submit"]') as HTMLButtonElement;
    button.focus();
    button.click();
    await until(() => mock.transport.callsOf('BookCallback').length, 'booking sent');
    await el.updateComplete;
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(shadow(el).activeElement === button).to.equal(true, 'focus kept on the button');
    button.click();
    expect(mock.transport.callsOf('BookCallback')).to.have.length(1, 'no second booking while busy');
    answer(booked());
    await until(() => focused(el)?.id === 'outcome', 'focus on the notice');
  });

  it('puts the focus on the success notice after booking, and the next edit clears it', async () => {
    const el = await setup(mockApi({ BookCallback: booked }).api);
    await pickSlot(el);
    await submit(el);
    await until(() => focused(el)?.id === 'outcome', 'focus on the notice');
    expect(focused(el)?.textContent).to.contain('Callback booked');
    const notes = shadow(el).querySelector('#notes') as HTMLTextAreaElement;
    notes.value = 'next one';
    notes.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(shadow(el).querySelector('.notice.success')).to.equal(null);
  });

  it('clears the last success when the next booking starts with a new time', async () => {
    const el = await setup(mockApi({ BookCallback: booked }).api);
    await pickSlot(el);
    await submit(el);
    await pickSlot(el);
    expect(shadow(el).querySelector('.notice.success')).to.equal(null);
  });

  it('after SLOT_FULL shows the slot full at once, refreshes availability and drops the time', async () => {
    let refused = false;
    const mock = mockApi({
      BookCallback: () => ((refused = true), { bookCallback: { callback: null, duplicate: null, violations: [{ code: 'SLOT_FULL', field: 'scheduledAt', message: 'full' }] } }),
      // The server's fresh answer: someone else took the last places meanwhile (held until the test looks).
      Availability: async () => ({ availabilityGrid: gridOf(slots().map((s) => (refused && s.start === '2026-11-24T10:15:00.000Z' ? { ...s, available: 0, closedReason: 'SLOT_FULL' } : s))) }),
    });
    const el = await setup(mock.api);
    await pickSlot(el);
    const asked = mock.transport.callsOf('Availability').length;
    await submit(el);
    const cal = shadow(calendar(el));
    expect(cal.querySelector('.slot.high') === null).to.equal(true, 'the refused slot is no longer offered as free');
    await until(() => mock.transport.callsOf('Availability').length > asked, 'fresh availability');
    await until(() => !cal.querySelector('[role="status"]'), 'fresh availability shown');
    expect(cal.querySelector('.slot.high') === null).to.equal(true, 'still full in the fresh answer');
    expect(shadow(el).querySelector('.hint[aria-live]')?.textContent).to.contain('Pick a time');
    await until(() => focused(el)?.id === 'outcome', 'focus on the refusal');
    expect(focused(el)?.textContent).to.contain('fully booked');
  });

  it('shows a refusal beside the submit button at 700 px and moves the focus to it', async () => {
    const mock = mockApi({ BookCallback: () => ({ bookCallback: { callback: null, duplicate: null, violations: [{ code: 'INVALID_PHONE', field: 'phone', message: 'bad' }] } }) });
    const el = await setup(mock.api);
    await setWidth(el, 700);
    await pickSlot(el);
    await submit(el);
    await until(() => focused(el)?.id === 'outcome', 'focus on the refusal');
    const outcome = (focused(el) as HTMLElement).getBoundingClientRect();
    const button = (shadow(el).querySelector('button[type="submit"]') as HTMLElement).getBoundingClientRect();
    expect(outcome.top - button.bottom).to.be.within(0, 40);
    expect(focused(el)?.textContent).to.contain('not a valid phone number');
  });

  for (const width of WIDTHS) {
    it(`keeps every control inside a ${width} px column and stays accessible`, async () => {
      const el = await setup(mockApi({ BookCallback: booked }).api);
      await setWidth(el, width);
      await pickSlot(el);
      expect(controlsOutside(el)).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });
  }
});
