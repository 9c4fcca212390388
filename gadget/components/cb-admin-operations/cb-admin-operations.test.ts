import { expect, fixture, html } from '@open-wc/testing';
import type { CbAdminOperations } from './cb-admin-operations.ts';
import './cb-admin-operations.ts';
import { fakeAdmin } from '../../test/fake-admin.ts';
import { shadow, until } from '../../test/mock-api.ts';
import { WIDTHS, controlsOutside, setWidth } from '../../test/widths.ts';

const RUN = { id: '0b7c3a52-1d4e-4f7a-9c1e-2a8f5d6e7b10', campaign: 'CB_MAIN', startedBy: '9001', startedAt: '2026-12-01T10:00:00Z', status: 'running', phase: 'waiting_for_calls', callsInProgress: 1, contactsToDelete: null, deleted: 0, toRepush: 0, repushed: 0, inFlight: 0, error: null, finishedAt: null };
const CB = { id: 42, accountNumber: 'CB42', campaign: 'CB_MAIN', status: 'dialing', scheduledAt: '2026-12-01T09:00:00Z', attempts: 1, lastResult: null, reason: null };

function backend() {
  const progress = [
    { ...RUN, phase: 'repushing', contactsToDelete: 3, deleted: 3, toRepush: 2, repushed: 1 },
    { ...RUN, status: 'done', phase: 'finished', callsInProgress: 0, contactsToDelete: 3, deleted: 3, toRepush: 2, repushed: 2, inFlight: 1 },
  ];
  return fakeAdmin({
    'GET /api/v1/admin/campaigns': { body: [{ name: 'CB_MAIN' }, { name: 'CB_US' }] },
    'POST /api/v1/admin/campaigns/CB_MAIN/purge': { status: 202, body: RUN },
    'POST /api/v1/admin/campaigns/CB_US/purge': { status: 409, body: { error: 'invalid_state', message: 'cannot purge a campaign that is being purged' } },
    [`GET /api/v1/admin/campaigns/CB_MAIN/purge-runs/${RUN.id}`]: () => ({ body: progress.length > 1 ? progress.shift() : progress[0] }),
    'GET /api/v1/callbacks/42': { body: CB },
    'POST /api/v1/admin/callbacks/42/reverify': { body: { before: 'dialing', after: 'dialing', found: 'open', callback: CB } },
    'POST /api/v1/admin/callbacks/42/repush': { status: 409, body: { error: 'invalid_state', message: 'cannot re-push a callback that is still held by UCCX (open)' } },
    'POST /api/v1/admin/callbacks/42/force-complete': (body) => ({ body: { before: 'dialing', after: 'completed', found: 'not_asked', callback: { ...CB, status: 'completed', reason: 'completed_by_admin' }, echo: body } }),
  });
}

async function setup() {
  const fake = backend();
  const el = await fixture<CbAdminOperations>(html`<cb-admin-operations .api=${fake.api} pollMs="10"></cb-admin-operations>`);
  await until(() => shadow(el).querySelector('#purge-campaign option'), 'campaigns');
  return { el, fake };
}
const click = (el: Element, selector: string) => (shadow(el).querySelector(selector) as HTMLButtonElement).click();
const type = (el: Element, selector: string, value: string) => {
  const input = shadow(el).querySelector<HTMLInputElement>(selector)!;
  input.value = value;
  input.dispatchEvent(new Event('input'));
};

describe('cb-admin-operations', () => {
  it('purges a campaign after confirmation and follows the progress to the end', async () => {
    const { el, fake } = await setup();
    click(el, '#purge-start');
    await el.updateComplete;
    expect(fake.calls.some((c) => c.method === 'POST')).to.equal(false, 'nothing before the confirmation');
    const finished = new Promise<CustomEvent>((r) => el.addEventListener('cb-purge-finished', r as EventListener, { once: true }));
    click(el, '#purge-confirm');
    const event = await finished;
    expect(event.detail.run.status).to.equal('done');
    await el.updateComplete;
    const figures = Object.fromEntries([...shadow(el).querySelectorAll('dl[aria-label="Purge progress"] dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]));
    expect(figures).to.include({ 'Contacts to delete': '3', Deleted: '3', 'Pushed again': '2 of 2', 'Calls left to the deadlines job': '1' });
    expect(shadow(el).querySelector('[role="status"]')?.textContent).to.contain('Purge of CB_MAIN: done');
    await expect(el).to.be.accessible();
  });

  it('shows the refusal when the campaign is being purged elsewhere', async () => {
    const { el } = await setup();
    const select = shadow(el).querySelector('#purge-campaign') as HTMLSelectElement;
    select.value = 'CB_US';
    select.dispatchEvent(new Event('change'));
    click(el, '#purge-start');
    await el.updateComplete;
    click(el, '#purge-confirm');
    const alert = await until(() => shadow(el).querySelector('[role="alert"]'), 'refusal');
    expect(alert.textContent).to.contain('being purged');
  });

  it('finds a stuck callback and re-verifies, re-pushes (refused) and force-completes it with a reason', async () => {
    const { el, fake } = await setup();
    type(el, '#stuck-id', '42');
    (shadow(el).querySelector('form') as HTMLFormElement).requestSubmit();
    await until(() => shadow(el).querySelector('#stuck-status'), 'callback shown');
    click(el, '#reverify');
    await until(() => shadow(el).textContent?.includes('Re-verify: dialing → dialing (UCCX still holds the contact)'), 're-verified');
    click(el, '#repush');
    const refusal = await until(() => shadow(el).querySelector('[role="alert"]'), 're-push refused');
    expect(refusal.textContent).to.contain('still held by UCCX');
    expect((shadow(el).querySelector('#force') as HTMLButtonElement).disabled).to.equal(true, 'a reason is required');
    type(el, '#force-reason', 'reached by e-mail');
    await el.updateComplete;
    click(el, '#force');
    await until(() => shadow(el).querySelector('#stuck-status')?.textContent?.includes('completed'), 'completed');
    expect(fake.calls.find((c) => c.path.endsWith('/force-complete'))?.body).to.deep.equal({ reason: 'reached by e-mail' });
    await expect(el).to.be.accessible();
  });

  for (const width of WIDTHS) {
    it(`fits a ${width} px column with a callback open, accessible`, async () => {
      const { el } = await setup();
      type(el, '#stuck-id', '42');
      (shadow(el).querySelector('form') as HTMLFormElement).requestSubmit();
      await until(() => shadow(el).querySelector('#stuck-status'), 'callback shown');
      await setWidth(el, width);
      expect(controlsOutside(el)).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });
  }
});
