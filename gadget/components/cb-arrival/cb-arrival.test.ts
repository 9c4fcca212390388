import { expect, fixture, html } from '@open-wc/testing';
import type { CbArrival } from './cb-arrival.ts';
import './cb-arrival.ts';
import { callback, mockApi, outboundCall, session, shadow, until, type CbTestContext } from '../../test/mock-api.ts';
import type { CurrentCall } from '../../context/call-context.ts';

const booked = callback({ id: '7', accountNumber: 'CBACC7', createdBy: '1002', notes: 'Call about <b>invoice</b> 12', attempts: 1 });

function apiFor(found = booked) {
  return mockApi({
    CallbackByAccount: ({ accountNumber }) => ({ callbackByAccount: accountNumber === found.accountNumber ? found : null }),
    AcknowledgeArrival: ({ id }) => ({ acknowledgeArrival: { callback: { ...found, id, status: 'completed' }, violations: [], duplicate: null } }),
  });
}

async function setup(mock = apiFor(), call: CurrentCall | null = outboundCall({ accountNumber: 'CBACC7' })) {
  const host = await fixture<CbTestContext>(html`<cb-test-context .api=${mock.api} .session=${session()} .call=${call}><cb-arrival></cb-arrival></cb-test-context>`);
  const el = host.querySelector('cb-arrival') as CbArrival;
  await el.updateComplete;
  return { el, host, mock };
}

describe('cb-arrival', () => {
  it('shows whose callback arrived, who booked it, when, and the notes', async () => {
    const { el } = await setup();
    await until(() => shadow(el).querySelector('[role="status"]'), 'acknowledged');
    const text = shadow(el).textContent ?? '';
    expect(shadow(el).querySelector('h2')?.textContent).to.contain('Jan Kowalski');
    expect(text).to.contain('Piotr Kowalski (1002)');
    expect(text).to.contain('Promised for');
    expect(shadow(el).querySelector('.notes')?.textContent).to.equal('Call about <b>invoice</b> 12');
    expect(shadow(el).querySelector('.notes b')).to.equal(null);
  });

  it('acknowledges the arrival once per call', async () => {
    const { el, host, mock } = await setup();
    await until(() => mock.transport.callsOf('AcknowledgeArrival').length, 'ack');
    host.call = { ...(host.call as CurrentCall) };
    await host.updateComplete;
    await el.updateComplete;
    expect(mock.transport.callsOf('AcknowledgeArrival')).to.deep.equal([{ id: '7' }]);
    expect(mock.transport.callsOf('CallbackByAccount')).to.deep.equal([{ accountNumber: 'CBACC7' }]);
  });

  it('stays empty for a call that is not a callback', async () => {
    const { el, mock } = await setup(apiFor(), outboundCall({ accountNumber: 'SALES-1' }));
    await until(() => mock.transport.callsOf('CallbackByAccount').length, 'lookup');
    await el.updateComplete;
    expect(shadow(el).querySelector('section')).to.equal(null);
    expect(mock.transport.callsOf('AcknowledgeArrival')).to.have.length(0);
  });

  it('clears when the call ends', async () => {
    const { el, host } = await setup();
    await until(() => shadow(el).querySelector('section'), 'panel');
    host.call = null;
    await host.updateComplete;
    await el.updateComplete;
    expect(shadow(el).querySelector('section')).to.equal(null);
  });

  it('is accessible', async () => {
    const { el } = await setup();
    await until(() => shadow(el).querySelector('[role="status"]'), 'acknowledged');
    await expect(el).to.be.accessible();
  });
});
