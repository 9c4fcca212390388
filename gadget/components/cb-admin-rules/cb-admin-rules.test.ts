import { expect, fixture, html } from '@open-wc/testing';
import type { CbAdminRules } from './cb-admin-rules.ts';
import './cb-admin-rules.ts';
import { fakeAdmin } from '../../test/fake-admin.ts';
import { shadow, until } from '../../test/mock-api.ts';
import { WIDTHS, controlsOutside, setWidth } from '../../test/widths.ts';

const RULES = { leadMinutes: 5, horizonDays: 30, windowStart: '08:00', windowEnd: '21:00', slotMinutes: 15, capacityPerSkillSlot: 10, capacityPerAgentSlot: 2, expiryHours: 4, personalFallbackSeconds: 30 };

async function setup() {
  const fake = fakeAdmin({
    'GET /api/v1/admin/global-rules': { body: RULES },
    'PUT /api/v1/admin/global-rules': (body) => (body.personalFallbackSeconds > 600 ? { status: 422, body: { error: 'invalid_configuration', errors: [{ field: 'personalFallbackSeconds', code: 'INVALID_SECONDS', message: 'at most 600 seconds' }] } } : { body }),
  });
  const el = await fixture<CbAdminRules>(html`<cb-admin-rules .api=${fake.api}></cb-admin-rules>`);
  await until(() => shadow(el).querySelector('#r-personalFallbackSeconds'), 'form');
  return { el, fake };
}

describe('cb-admin-rules', () => {
  it('saves the global personal wait and shows a refusal beside it with focus', async () => {
    const { el, fake } = await setup();
    const input = shadow(el).querySelector('#r-personalFallbackSeconds') as HTMLInputElement;
    input.value = '900';
    input.dispatchEvent(new Event('input'));
    (shadow(el).querySelector('button[type="submit"]') as HTMLButtonElement).click();
    const error = await until(() => shadow(el).querySelector('#r-personalFallbackSeconds-error'), 'error');
    expect(error.textContent).to.contain('600');
    expect(shadow(el).activeElement).to.equal(input);
    expect(fake.calls.find((c) => c.method === 'PUT')?.body.personalFallbackSeconds).to.equal(900);
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
