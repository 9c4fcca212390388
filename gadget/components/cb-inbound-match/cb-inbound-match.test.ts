import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { CbInboundMatch, CbInboundClosedEvent, CbInboundKeptEvent } from './cb-inbound-match.ts';
import './cb-inbound-match.ts';
import { mockApi, outboundCall, session, shadow, until, type CbTestContext } from '../../test/mock-api.ts';
import { WIDTHS, controlsOutside, scrollsSideways, setWidth } from '../../test/widths.ts';
import type { CurrentCall } from '../../context/call-context.ts';
import type { InboundMatch } from '../../api/types.ts';

const inboundCall = (from = '0601234567', dialogId = '16000010'): CurrentCall => ({
  dialogId, callType: 'ACD_IN', direction: 'inbound', fromAddress: from, dnis: '+48221234567',
  variables: {}, accountNumber: null, customerNumber: from, customerName: '', campaign: null,
});

const own: InboundMatch = {
  id: '5', campaign: 'CB_MAIN', scheduledAt: '2026-11-25T13:00:00Z', timeZone: 'Europe/Warsaw', bookedBy: { id: '1001', name: 'Anna Nowak' }, mayRead: true,
  details: { status: 'scheduled', type: 'personal', agentId: '1001', skill: 'Sales', firstName: 'Jan', lastName: 'Kowalski', phone: '+48601234567', notes: 'Wants the <i>premium</i> plan' },
};
const foreign: InboundMatch = { id: '6', campaign: 'CB_US', scheduledAt: '2026-11-26T15:00:00Z', timeZone: 'America/New_York', bookedBy: { id: '1101', name: 'John Smith' }, mayRead: false, details: null };

function apiFor(matches: InboundMatch[] = [own, foreign], closeError: string | null = null) {
  return mockApi({
    ActiveCallbacksForNumber: () => ({ activeCallbacksForNumber: matches }),
    CloseReachedInbound: ({ id }) => ({
      closeReachedInbound: closeError ? { match: null, error: closeError } : { match: { ...matches.find((m) => m.id === id), details: null }, error: null },
    }),
  });
}

async function setup(mock = apiFor(), call: CurrentCall | null = inboundCall()) {
  const host = await fixture<CbTestContext>(html`<cb-test-context .api=${mock.api} .session=${session()} .call=${call}><cb-inbound-match></cb-inbound-match></cb-test-context>`);
  const el = host.querySelector('cb-inbound-match') as CbInboundMatch;
  await el.updateComplete;
  return { el, host, mock };
}

const items = (el: Element) => [...shadow(el).querySelectorAll('li')];
const button = (li: Element, text: string) => [...li.querySelectorAll('button')].find((b) => b.textContent?.includes(text)) as HTMLButtonElement;

describe('cb-inbound-match', () => {
  it("shows the caller's active callbacks at once: details of his own, only time, campaign and booker of another agent's", async () => {
    const { el, mock } = await setup();
    await until(() => items(el).length === 2, 'two matches');
    expect(mock.transport.callsOf('ActiveCallbacksForNumber')).to.deep.equal([{ phone: '0601234567' }]);
    expect(shadow(el).querySelector('h2')?.textContent).to.equal('This caller has 2 active callbacks');
    const [mine, theirs] = items(el);
    expect(mine.textContent).to.contain('Jan Kowalski');
    expect(mine.querySelector('.notes')?.textContent).to.equal('Wants the <i>premium</i> plan');
    expect(mine.querySelector('.notes i')).to.equal(null);
    expect(theirs.textContent).to.contain('CB_US');
    expect(theirs.textContent).to.contain('John Smith (1101)');
    expect(theirs.textContent).to.contain('details are not shown');
  });

  it('closes one as reached with the caller’s number and reports it (cb-inbound-closed)', async () => {
    const { el, mock } = await setup();
    await until(() => items(el).length === 2, 'matches');
    const closed = oneEvent(el, 'cb-inbound-closed') as Promise<CbInboundClosedEvent>;
    button(items(el)[1], 'Close it').click();
    expect((await closed).detail.match.id).to.equal('6');
    expect(mock.transport.callsOf('CloseReachedInbound')).to.deep.equal([{ id: '6', phone: '0601234567' }]);
    await until(() => items(el)[1].querySelector('[role="status"]'), 'closed status');
    expect(items(el)[1].textContent).to.contain('the customer was reached');
    expect(items(el)[1].querySelector('button')).to.equal(null);
    expect(button(items(el)[0], 'Close it'), 'the other one is still offered').to.be.instanceOf(HTMLButtonElement);
  });

  it('keeps one without calling the server (cb-inbound-kept)', async () => {
    const { el, mock } = await setup();
    await until(() => items(el).length === 2, 'matches');
    const kept = oneEvent(el, 'cb-inbound-kept') as Promise<CbInboundKeptEvent>;
    button(items(el)[0], 'Keep it').click();
    expect((await kept).detail.match.id).to.equal('5');
    await el.updateComplete;
    expect(items(el)[0].textContent).to.contain('Callback kept.');
    expect(mock.transport.callsOf('CloseReachedInbound')).to.have.length(0);
  });

  it('says why a close was refused', async () => {
    const { el } = await setup(apiFor([own], 'invalid_state'));
    await until(() => items(el).length === 1, 'match');
    expect(shadow(el).querySelector('h2')?.textContent).to.equal('This caller has an active callback');
    button(items(el)[0], 'Close it').click();
    const alert = await until(() => shadow(el).querySelector('[role="alert"]'), 'alert');
    expect(alert.textContent).to.contain('it is already finished');
  });

  it('asks nothing for outbound calls, callback calls or calls between agents, and shows nothing without a match', async () => {
    const { el, mock } = await setup(apiFor(), outboundCall());
    await el.updateComplete;
    const ivrCallback = { ...inboundCall(), accountNumber: 'CB1', variables: { callVariable10: 'CB1' } };
    const { mock: mock2 } = await setup(apiFor(), ivrCallback);
    const { mock: mock4 } = await setup(apiFor(), { ...inboundCall('1001002'), callType: 'AGENT_INSIDE' });
    expect(mock.transport.callsOf('ActiveCallbacksForNumber')).to.have.length(0);
    expect(mock2.transport.callsOf('ActiveCallbacksForNumber')).to.have.length(0);
    expect(mock4.transport.callsOf('ActiveCallbacksForNumber'), 'a call between agents').to.have.length(0);
    const { el: empty, mock: mock3 } = await setup(apiFor([]));
    await until(() => mock3.transport.callsOf('ActiveCallbacksForNumber').length, 'asked');
    await empty.updateComplete;
    expect(shadow(empty).querySelector('section')).to.equal(null);
    expect(shadow(el).querySelector('section')).to.equal(null);
  });

  it('clears when the call ends', async () => {
    const { el, host } = await setup();
    await until(() => items(el).length === 2, 'matches');
    host.call = null;
    await host.updateComplete;
    await el.updateComplete;
    expect(shadow(el).querySelector('section')).to.equal(null);
  });

  it('is accessible', async () => {
    const { el } = await setup();
    await until(() => items(el).length === 2, 'matches');
    await expect(el).to.be.accessible();
  });

  it("shows each promised time with its zone label, and the agent's time when his zone differs", async () => {
    const mock = apiFor();
    const host = await fixture<CbTestContext>(html`<cb-test-context .api=${mock.api} .session=${session()} .call=${inboundCall()}><cb-inbound-match .timeZone=${'Europe/Warsaw'}></cb-inbound-match></cb-test-context>`);
    const el = host.querySelector('cb-inbound-match') as CbInboundMatch;
    await until(() => items(el).length === 2, 'matches');
    const [mine, theirs] = items(el);
    expect(mine.querySelector('strong')?.textContent).to.equal('Promised for 25 Nov 2026, 14:00 CET');
    expect(mine.querySelector('.hint')).to.equal(null);
    expect(theirs.querySelector('strong')?.textContent).to.equal('Promised for 26 Nov 2026, 10:00 GMT-5');
    expect(theirs.querySelector('.hint')?.textContent).to.equal('(your time 16:00 CET)');
  });

  for (const width of WIDTHS) {
    it(`keeps Close it / Keep it inside a ${width} px column (Polish)`, async () => {
      const host = await fixture<CbTestContext>(html`<cb-test-context .api=${apiFor().api} .session=${session({ locale: 'pl' })} .call=${inboundCall()}><cb-inbound-match></cb-inbound-match></cb-test-context>`);
      const el = host.querySelector('cb-inbound-match') as CbInboundMatch;
      await until(() => items(el).length === 2, 'matches');
      await setWidth(el, width);
      expect(controlsOutside(el)).to.deep.equal([]);
      expect(scrollsSideways(el)).to.equal(false);
      await expect(el).to.be.accessible();
    });
  }
});
