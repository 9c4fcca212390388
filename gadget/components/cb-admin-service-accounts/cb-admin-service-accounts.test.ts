import { expect, fixture, html } from '@open-wc/testing';
import type { CbAdminServiceAccounts } from './cb-admin-service-accounts.ts';
import './cb-admin-service-accounts.ts';
import { fakeAdmin } from '../../test/fake-admin.ts';
import { shadow, until } from '../../test/mock-api.ts';
import { WIDTHS, controlsOutside, setWidth } from '../../test/widths.ts';

const KEY = `cm_${'k'.repeat(43)}`;
const CRM = { id: '11111111-2222-3333-4444-555555555555', name: 'crm', scopes: ['book', 'read_own'], campaigns: ['CB_MAIN'], createdBy: '9001', createdAt: '2026-12-01T10:00:00Z', revokedAt: null, lastUsedAt: '2026-12-01T11:00:00Z' };

function backend() {
  const accounts: any[] = [CRM];
  return fakeAdmin({
    'GET /api/v1/admin/campaigns': { body: [{ name: 'CB_MAIN' }, { name: 'CB_US' }] },
    'GET /api/v1/admin/service-accounts': () => ({ body: accounts }),
    'POST /api/v1/admin/service-accounts': (body) => {
      if (body.name === 'crm') return { status: 422, body: { error: 'invalid_configuration', errors: [{ field: 'name', code: 'taken', message: 'a service account "crm" exists' }] } };
      const account = { ...CRM, id: '99999999-2222-3333-4444-555555555555', name: body.name, scopes: body.scopes, campaigns: body.campaigns, lastUsedAt: null };
      accounts.push(account);
      return { status: 201, body: { account, key: KEY } };
    },
    [`POST /api/v1/admin/service-accounts/${CRM.id}/revoke`]: () => {
      accounts[0] = { ...CRM, revokedAt: '2026-12-01T12:00:00Z' };
      return { body: accounts[0] };
    },
  });
}

async function setup() {
  const fake = backend();
  const el = await fixture<CbAdminServiceAccounts>(html`<cb-admin-service-accounts .api=${fake.api}></cb-admin-service-accounts>`);
  await until(() => shadow(el).querySelector('tr[data-id]') && shadow(el).querySelector('input[name="campaign"]'), 'list and campaigns');
  return { el, fake };
}

describe('cb-admin-service-accounts', () => {
  it('creates an account with scopes and campaigns and shows its key once, focused for copying', async () => {
    const { el, fake } = await setup();
    (shadow(el).querySelector('#sa-name') as HTMLInputElement).value = 'web-form';
    (shadow(el).querySelector('input[name="campaign"][value="CB_US"]') as HTMLInputElement).checked = true;
    const created = new Promise<CustomEvent>((r) => el.addEventListener('cb-service-account-changed', r as EventListener, { once: true }));
    (shadow(el).querySelector('form') as HTMLFormElement).requestSubmit();
    expect((await created).detail.change).to.equal('created');
    expect(fake.calls.find((c) => c.method === 'POST')?.body).to.deep.equal({ name: 'web-form', scopes: ['book'], campaigns: ['CB_US'] });
    const key = await until(() => shadow(el).querySelector<HTMLInputElement>('#new-key'), 'key shown');
    expect(key.value).to.equal(KEY);
    expect(shadow(el).activeElement).to.equal(key);
    expect(shadow(el).querySelectorAll('tr[data-id]').length).to.equal(2);
    await expect(el).to.be.accessible();
    [...shadow(el).querySelectorAll('button')].find((b) => b.textContent?.includes('Done, hide it'))!.click();
    await el.updateComplete;
    expect(shadow(el).textContent).to.not.contain(KEY);
  });

  it('shows a refusal next to its field', async () => {
    const { el } = await setup();
    (shadow(el).querySelector('#sa-name') as HTMLInputElement).value = 'crm';
    (shadow(el).querySelector('form') as HTMLFormElement).requestSubmit();
    const err = await until(() => shadow(el).querySelector('#err-name'), 'field error');
    expect(err.textContent).to.contain('exists');
    expect(shadow(el).querySelector('#sa-name')?.getAttribute('aria-invalid')).to.equal('true');
  });

  it('revokes after confirmation', async () => {
    const { el } = await setup();
    (shadow(el).querySelector(`[data-revoke="${CRM.id}"]`) as HTMLButtonElement).click();
    await el.updateComplete;
    (shadow(el).querySelector(`[data-confirm="${CRM.id}"]`) as HTMLButtonElement).click();
    await until(() => shadow(el).querySelector(`tr[data-id="${CRM.id}"]`)?.textContent?.includes('revoked'), 'revoked');
    expect(shadow(el).querySelector('[role="status"]')?.textContent).to.contain('crm revoked');
  });

  for (const width of WIDTHS) {
    it(`fits a ${width} px column, accessible`, async () => {
      const { el } = await setup();
      await setWidth(el, width);
      expect(controlsOutside(el)).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });
  }
});
