import { expect, fixture, html } from '@open-wc/testing';
import type { CbAdminCampaigns } from './cb-admin-campaigns.ts';
import './cb-admin-campaigns.ts';
import { fakeAdmin } from '../../test/fake-admin.ts';
import { shadow, until } from '../../test/mock-api.ts';
import { WIDTHS, controlsOutside, setWidth } from '../../test/widths.ts';

const CAMPAIGN = { id: 1, name: 'CB_MAIN', uccxCampaignName: 'CB_DDI_1', ddi: '+48221234567', defaultCountry: 'PL', timeZone: 'Europe/Warsaw', dialPlan: [{ match: '+48', strip: 3, prefix: '0' }], retryPolicy: null, holidayCalendarId: 1, ivrScript: null };

function backend(saveAnswer: (body: any) => { status?: number; body?: unknown }) {
  return fakeAdmin({
    'GET /api/v1/admin/campaigns': { body: [CAMPAIGN] },
    'GET /api/v1/admin/holiday-calendars': { body: [{ id: 1, name: 'Poland' }] },
    'GET /api/v1/admin/uccx-campaigns': { body: [{ campaignId: 200, campaignName: 'CB_DDI_1' }, { campaignId: 202, campaignName: 'CB_DDI_3' }] },
    'PUT /api/v1/admin/campaigns/CB_NEW': saveAnswer,
    'POST /api/v1/admin/dial-plan/preview': { body: [{ input: '601 234 567', valid: true, e164: '+48601234567', dialString: '0601234567' }] },
    'DELETE /api/v1/admin/campaigns/CB_MAIN': { status: 409, body: { error: 'in_use', errors: [{ field: 'name', code: 'IN_USE', message: '3 active callback(s) still use campaign CB_MAIN' }] } },
  });
}

async function setup(saveAnswer: (b: any) => { status?: number; body?: unknown } = () => ({ body: { ...CAMPAIGN, name: 'CB_NEW' } })) {
  const fake = backend(saveAnswer);
  const el = await fixture<CbAdminCampaigns>(html`<cb-admin-campaigns .api=${fake.api}></cb-admin-campaigns>`);
  await until(() => shadow(el).querySelector('tr[data-name="CB_MAIN"]'), 'list');
  return { el, fake };
}

const type = (el: Element, selector: string, value: string) => {
  const input = shadow(el).querySelector<HTMLInputElement>(selector) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input'));
};

describe('cb-admin-campaigns', () => {
  it('creates a campaign for a new DDI, choosing the UCCX campaign discovered from UCCX', async () => {
    const { el, fake } = await setup();
    (shadow(el).querySelector('#new-campaign') as HTMLButtonElement).click();
    await el.updateComplete;
    const options = [...shadow(el).querySelectorAll('#f-uccxCampaignName option')].map((o) => o.textContent);
    expect(options).to.deep.equal(['—', 'CB_DDI_1', 'CB_DDI_3']);
    type(el, '#f-name', 'CB_NEW');
    type(el, '#f-ddi', '+48221234599');
    type(el, '#f-defaultCountry', 'PL');
    type(el, '#f-timeZone', 'Europe/Warsaw');
    const select = shadow(el).querySelector('#f-uccxCampaignName') as HTMLSelectElement;
    select.value = 'CB_DDI_3';
    select.dispatchEvent(new Event('change'));
    (shadow(el).querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await until(() => fake.calls.find((c) => c.method === 'PUT'), 'saved');
    const put = fake.calls.find((c) => c.method === 'PUT');
    expect(put?.body).to.include({ uccxCampaignName: 'CB_DDI_3', ddi: '+48221234599', timeZone: 'Europe/Warsaw' });
    expect(put?.body).to.not.have.property('name');
    await until(() => shadow(el).querySelector('[role="status"]')?.textContent?.includes('CB_NEW saved'), 'confirmation');
  });

  it('edits the retry policy per outcome; a half-filled row stops the save with the focus on it', async () => {
    const { el, fake } = await setup();
    (shadow(el).querySelector('#new-campaign') as HTMLButtonElement).click();
    await el.updateComplete;
    type(el, '#f-name', 'CB_NEW');
    type(el, '#f-ddi', '+48221234599');
    type(el, '#f-defaultCountry', 'PL');
    type(el, '#f-timeZone', 'Europe/Warsaw');
    const retry = shadow(el).querySelector('cb-admin-retry-policy') as HTMLElement & { updateComplete: Promise<unknown> };
    type(retry, 'input[name="retry.busy.maxAttempts"]', '5');
    await retry.updateComplete;
    (shadow(el).querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await until(() => shadow(retry).activeElement?.getAttribute('name') === 'retry.busy.delayMinutes', 'focus on the missing wait');
    expect(fake.calls.some((c) => c.method === 'PUT'), 'not sent half-filled').to.equal(false);
    type(retry, 'input[name="retry.busy.delayMinutes"]', '20');
    await retry.updateComplete;
    (shadow(el).querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await until(() => fake.calls.find((c) => c.method === 'PUT'), 'saved');
    expect(fake.calls.find((c) => c.method === 'PUT')?.body.retryPolicy).to.deep.equal({ busy: { maxAttempts: 5, delayMinutes: 20 } });
  });

  it('shows a refusal next to its field and moves focus there', async () => {
    const { el } = await setup(() => ({ status: 422, body: { error: 'invalid_configuration', errors: [{ field: 'timeZone', code: 'INVALID_TIME_ZONE', message: '"Mars/Base" is not an IANA time zone' }] } }));
    (shadow(el).querySelector('#new-campaign') as HTMLButtonElement).click();
    await el.updateComplete;
    type(el, '#f-name', 'CB_NEW');
    type(el, '#f-timeZone', 'Mars/Base');
    (shadow(el).querySelector('button[type="submit"]') as HTMLButtonElement).click();
    const error = await until(() => shadow(el).querySelector('#f-timeZone-error'), 'field error');
    expect(error.textContent).to.contain('Mars/Base');
    const input = shadow(el).querySelector('#f-timeZone') as HTMLInputElement;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.equal('f-timeZone-error');
    expect(shadow(el).activeElement).to.equal(input);
  });

  it('previews the dial plan and explains why a campaign in use cannot be deleted', async () => {
    const { el, fake } = await setup();
    (shadow(el).querySelector('tr[data-name="CB_MAIN"] button') as HTMLButtonElement).click();
    await el.updateComplete;
    type(el, '#sample', '601 234 567');
    [...shadow(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === 'Preview')?.click();
    const item = await until(() => shadow(el).querySelector('ul[aria-live] li'), 'preview');
    expect(item.textContent).to.contain('+48601234567').and.contain('0601234567');
    expect(fake.calls.find((c) => c.path.endsWith('/preview'))?.body.dialPlan).to.deep.equal([{ match: '+48', strip: 3, prefix: '0' }]);
    [...shadow(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === 'Cancel')?.click();
    await el.updateComplete;
    [...shadow(el).querySelectorAll<HTMLButtonElement>('tr[data-name="CB_MAIN"] button')].find((b) => b.textContent === 'Delete')?.click();
    const alert = await until(() => shadow(el).querySelector('[role="alert"]'), 'in use');
    expect(alert.textContent).to.contain('3 active callback(s)');
  });

  it('is accessible', async () => {
    const { el } = await setup();
    (shadow(el).querySelector('#new-campaign') as HTMLButtonElement).click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it("edits the campaign's own purge time, personal wait, external script and the agents' default", async () => {
    const { el, fake } = await setup((body) => (body.purgeAt === '25:00' ? { status: 422, body: { error: 'invalid_configuration', errors: [{ field: 'purgeAt', code: 'INVALID_TIME', message: '"25:00" is not a time of day HH:MM (00:00-23:59)' }] } } : { body: { ...CAMPAIGN, ...body, name: 'CB_NEW' } }));
    (shadow(el).querySelector('#new-campaign') as HTMLButtonElement).click();
    await el.updateComplete;
    type(el, '#f-name', 'CB_NEW');
    type(el, '#o-purgeAt', '25:00');
    type(el, '#o-personalFallbackSeconds', '40');
    type(el, '#o-ivrScript', 'CallbackCRM.aef');
    const box = shadow(el).querySelector('#o-agentDefault') as HTMLInputElement;
    box.click();
    (shadow(el).querySelector('button[type="submit"]') as HTMLButtonElement).click();
    const error = await until(() => shadow(el).querySelector('#o-purgeAt-error'), 'purge time refused');
    expect(error.textContent).to.contain('25:00');
    expect(shadow(el).activeElement).to.equal(shadow(el).querySelector('#o-purgeAt'));
    type(el, '#o-purgeAt', '02:00');
    (shadow(el).querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await until(() => fake.calls.filter((c) => c.method === 'PUT').length === 2, 'saved');
    expect(fake.calls.filter((c) => c.method === 'PUT')[1].body).to.include({ purgeAt: '02:00', personalFallbackSeconds: 40, ivrScript: 'CallbackCRM.aef', agentDefault: true });
  });

  for (const width of WIDTHS) {
    it(`fits a ${width} px column with the form open and is accessible`, async () => {
      const { el } = await setup();
      (shadow(el).querySelector('#new-campaign') as HTMLButtonElement).click();
      await setWidth(el, width);
      expect(controlsOutside(el)).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });
  }
});
