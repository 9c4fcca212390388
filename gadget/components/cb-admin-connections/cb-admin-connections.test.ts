import { expect, fixture, html } from '@open-wc/testing';
import type { CbAdminConnections } from './cb-admin-connections.ts';
import './cb-admin-connections.ts';
import { fakeAdmin } from '../../test/fake-admin.ts';
import { shadow, until } from '../../test/mock-api.ts';
import { WIDTHS, controlsOutside, setWidth } from '../../test/widths.ts';
import { formatDateTime } from '../../i18n/i18n.ts';

const base = (over: Record<string, unknown> = {}) => [
  { id: 'finesse', dependency: 'finesse', endpoint: 'https://finesse-a.example.com:8445', configured: true, state: 'ok', required: true, lastSuccessAt: '2026-11-24T09:15:00.000Z', lastFailureAt: null, lastCause: null },
  { id: 'uccx1', dependency: 'uccx', endpoint: 'https://uccx-a.example.com', configured: true, state: 'failing', required: true, lastSuccessAt: '2026-11-24T09:10:00.000Z', lastFailureAt: '2026-11-24T09:14:30.000Z', lastCause: 'timeout', ...over },
  { id: 'uccx2', dependency: 'uccx', endpoint: null, configured: false, state: 'unknown', required: true, lastSuccessAt: null, lastFailureAt: null, lastCause: null },
  { id: 'dbcra', dependency: 'dbcra', endpoint: 'host=uccx-b service=1504 server=uccx_b_uccx database=db_cra', configured: true, state: 'unknown', required: false, lastSuccessAt: null, lastFailureAt: null, lastCause: null },
];

async function setup() {
  const fake = fakeAdmin({
    // The exact path first: the fake also matches a path without its query.
    'GET /api/v1/admin/connections?check=true': { body: base({ checkedNow: 'http_401' }) },
    'GET /api/v1/admin/connections': { body: base() },
  });
  const el = await fixture<CbAdminConnections>(html`<cb-admin-connections .api=${fake.api}></cb-admin-connections>`);
  await until(() => shadow(el).querySelector('[data-id="dbcra"]'), 'cards');
  return { el, fake };
}
const card = (el: Element, id: string) => shadow(el).querySelector(`[data-id="${id}"]`) as HTMLElement;

describe('cb-admin-connections', () => {
  it('shows each connection\'s address, state, last success and last failure with its cause', async () => {
    const { el } = await setup();
    expect(card(el, 'finesse').textContent).to.contain('https://finesse-a.example.com:8445').and.contain('working');
    const node1 = card(el, 'uccx1').textContent as string;
    expect(node1).to.contain('UCCX node 1').and.contain('failing').and.contain('timeout');
    expect(node1).to.contain(formatDateTime('en', '2026-11-24T09:14:30.000Z'));
    expect(card(el, 'uccx2').textContent).to.contain('not configured');
    expect(card(el, 'dbcra').textContent).to.contain('server=uccx_b_uccx');
    expect(shadow(el).querySelectorAll('input')).to.have.length(0, 'nothing to edit, no secret field');
  });

  it('checks the UCCX nodes now on request', async () => {
    const { el, fake } = await setup();
    [...shadow(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.includes('Check the UCCX nodes now'))?.click();
    await until(() => card(el, 'uccx1').textContent?.includes('does not answer'), 'checked');
    expect(card(el, 'uccx1').textContent).to.contain('http_401');
    expect(fake.calls.map((c) => c.path)).to.include('/api/v1/admin/connections?check=true');
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
