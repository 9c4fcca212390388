import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { CbDueAlert } from './cb-due-alert.ts';
import './cb-due-alert.ts';
import { NOW, callback, mockApi, session, shadow, until, type CbTestContext } from '../../test/mock-api.ts';
import { WIDTHS, controlsOutside, scrollsSideways, setWidth } from '../../test/widths.ts';

function apiWith(items = [callback({ id: '1', scheduledAt: '2026-11-24T10:05:00Z' }), callback({ id: '2', scheduledAt: '2026-11-24T09:00:00Z' }), callback({ id: '3', agentId: '1002', createdBy: '1002', scheduledAt: '2026-11-24T10:01:00Z' })]) {
  return mockApi({ Callbacks: () => ({ callbacks: { items, nextCursor: null } }) }, true);
}

async function setup(mock = apiWith()) {
  const host = await fixture<CbTestContext>(html`<cb-test-context .api=${mock.api} .session=${session()}><cb-due-alert .now=${() => NOW}></cb-due-alert></cb-test-context>`);
  const el = host.querySelector('cb-due-alert') as CbDueAlert;
  await until(() => mock.transport.callsOf('Callbacks').length, 'load');
  await el.updateComplete;
  return { el, mock };
}

describe('cb-due-alert', () => {
  it('alerts about my callbacks due soon and overdue, not about others', async () => {
    const { el, mock } = await setup();
    const alert = await until(() => shadow(el).querySelector('[role="alert"]'), 'alert');
    expect(alert.textContent).to.contain('1 callback(s) due within 15 minutes').and.contain('1 overdue callback(s)');
    expect(mock.transport.callsOf('Callbacks')[0].filter.status).to.include('scheduled');
  });

  it('says nothing when nothing is due', async () => {
    const { el } = await setup(apiWith([callback({ scheduledAt: '2026-11-25T10:00:00Z' })]));
    expect(shadow(el).querySelector('[role="alert"]')).to.equal(null);
  });

  it('reloads on live changes and opens my callbacks on request', async () => {
    const { el, mock } = await setup();
    mock.subscriptions?.emit({ callbackChanged: callback() });
    await until(() => mock.transport.callsOf('Callbacks').length === 2, 'reload');
    const button = await until(() => shadow(el).querySelector<HTMLButtonElement>('button'), 'button');
    setTimeout(() => button.click());
    await oneEvent(el, 'cb-show-mine');
  });

  it('is accessible', async () => {
    const { el } = await setup();
    await until(() => shadow(el).querySelector('[role="alert"]'), 'alert');
    await expect(el).to.be.accessible();
  });

  for (const width of WIDTHS) {
    it(`keeps its Show button inside a ${width} px column (Polish)`, async () => {
      const mock = apiWith();
      const host = await fixture<CbTestContext>(html`<cb-test-context .api=${mock.api} .session=${session({ locale: 'pl' })}><cb-due-alert .now=${() => NOW}></cb-due-alert></cb-test-context>`);
      const el = host.querySelector('cb-due-alert') as CbDueAlert;
      await until(() => shadow(el).querySelector('[role="alert"] button'), 'alert');
      await setWidth(el, width);
      expect(controlsOutside(el)).to.deep.equal([]);
      expect(scrollsSideways(el)).to.equal(false);
      await expect(el).to.be.accessible();
    });
  }
});
