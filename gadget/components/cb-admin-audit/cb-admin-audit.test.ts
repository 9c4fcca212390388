import { expect, fixture, html } from '@open-wc/testing';
import { changes, type CbAdminAudit } from './cb-admin-audit.ts';
import './cb-admin-audit.ts';
import { fakeAdmin } from '../../test/fake-admin.ts';
import { shadow, until } from '../../test/mock-api.ts';
import { WIDTHS, controlsOutside, setWidth } from '../../test/widths.ts';

const ENTRIES = [
  { id: 3, at: '2026-12-01T10:05:00Z', actor: '9001', action: 'campaign.update', target: 'campaign:CB_MAIN', before: { agentDefault: true }, after: { agentDefault: false } },
  { id: 2, at: '2026-12-01T10:00:00Z', actor: '9001', action: 'skill.create', target: 'skill:Night', before: null, after: { csq: 'CSQ_Night' } },
];

async function setup() {
  const fake = fakeAdmin({ 'GET /api/v1/admin/audit': { body: ENTRIES } });
  const el = await fixture<CbAdminAudit>(html`<cb-admin-audit .api=${fake.api}></cb-admin-audit>`);
  await until(() => shadow(el).querySelectorAll('tbody tr').length === 2, 'entries');
  return el;
}

describe('cb-admin-audit', () => {
  it('lists who changed what, newest first, with the fields that changed', async () => {
    const el = await setup();
    const rows = [...shadow(el).querySelectorAll('tbody tr')].map((r) => r.textContent);
    expect(rows[0]).to.contain('campaign:CB_MAIN').and.contain('agentDefault: true → false');
    expect(rows[1]).to.contain('created');
    expect(changes({ a: 1 }, null)).to.equal('deleted');
  });

  for (const width of WIDTHS) {
    it(`fits a ${width} px column without sideways scrolling and is accessible`, async () => {
      const el = await setup();
      await setWidth(el, width);
      expect(controlsOutside(el)).to.deep.equal([]);
      expect(el.scrollWidth).to.be.at.most(width + 1);
      await expect(el).to.be.accessible();
    });
  }
});
