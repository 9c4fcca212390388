import { expect, fixture, html } from '@open-wc/testing';
import type { CbArrival } from './cb-arrival.ts';
import './cb-arrival.ts';
import { mockApi, outboundCall, session, shadow, until, type CbTestContext } from '../../test/mock-api.ts';
import type { CurrentCall } from '../../context/call-context.ts';
import type { ArrivalContext } from '../../api/types.ts';
import { WIDTHS, controlsOutside, setWidth } from '../../test/widths.ts';

function arrival(overrides: Partial<ArrivalContext> = {}): ArrivalContext {
  return {
    callbackId: '7', accountNumber: 'CBACC7', campaign: 'CB_MAIN', type: 'skill', skill: 'Sales', agentId: null,
    firstName: 'Jan', lastName: 'Kowalski', phone: '+48601234567', phoneMasked: false, notes: 'Call about <b>invoice</b> 12',
    bookedBy: { id: '1002', name: 'Piotr Kowalski' }, scheduledAt: '2026-11-24T14:00:00Z', timeZone: 'Europe/Warsaw',
    status: 'connected', attempts: 1, createdAt: '2026-11-24T09:00:00Z', ...overrides,
  };
}

function apiFor(found: ArrivalContext | null = arrival()) {
  return mockApi({
    ArrivalContext: ({ accountNumber }) => ({ arrivalContext: found && accountNumber === found.accountNumber ? found : null }),
    AcknowledgeArrivalByAccount: () => ({ acknowledgeArrivalByAccount: { context: { ...(found as ArrivalContext), status: 'completed' }, error: null } }),
  });
}

/** A callback call as an IVR-campaign script queues it: no BA* variables, the account number in callVariable10. */
const ivrRoutedCall = (accountNumber = 'CBACC7'): CurrentCall => ({
  dialogId: '16000002', callType: 'ACD_IN', direction: 'inbound', fromAddress: '0601234567', dnis: '1001002',
  variables: { callVariable10: accountNumber }, accountNumber, customerNumber: '0601234567', customerName: '', campaign: null,
});

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
    expect(text).to.contain('skill Sales');
    expect(shadow(el).querySelector('.notes')?.textContent).to.equal('Call about <b>invoice</b> 12');
    expect(shadow(el).querySelector('.notes b')).to.equal(null);
  });

  it('acknowledges the arrival once per call, by the account number the call carries', async () => {
    const { el, host, mock } = await setup();
    await until(() => mock.transport.callsOf('AcknowledgeArrivalByAccount').length, 'ack');
    host.call = { ...(host.call as CurrentCall) };
    await host.updateComplete;
    await el.updateComplete;
    expect(mock.transport.callsOf('AcknowledgeArrivalByAccount')).to.deep.equal([{ accountNumber: 'CBACC7' }]);
    expect(mock.transport.callsOf('ArrivalContext')).to.deep.equal([{ accountNumber: 'CBACC7' }]);
  });

  it('works for an IVR-routed call without BA* variables (the call variable the script set)', async () => {
    const { el, mock } = await setup(apiFor(), ivrRoutedCall());
    await until(() => shadow(el).querySelector('[role="status"]'), 'acknowledged');
    expect(mock.transport.callsOf('ArrivalContext')).to.deep.equal([{ accountNumber: 'CBACC7' }]);
  });

  it('shows the masked number to an agent who receives another agent’s callback', async () => {
    const { el } = await setup(apiFor(arrival({ phone: '+48•••••••67', phoneMasked: true })), ivrRoutedCall());
    await until(() => shadow(el).querySelector('[role="status"]'), 'acknowledged');
    expect(shadow(el).querySelector('.number')?.textContent).to.equal('+48•••••••67 (masked: not your callback)');
  });

  it('says why when the acknowledgement is refused', async () => {
    const mock = mockApi({
      ArrivalContext: () => ({ arrivalContext: arrival() }),
      AcknowledgeArrivalByAccount: () => ({ acknowledgeArrivalByAccount: { context: null, error: 'not_found' } }),
    });
    const { el } = await setup(mock);
    const alert = await until(() => shadow(el).querySelector('[role="alert"]'), 'alert');
    expect(alert.textContent).to.contain('the call is no longer in progress');
  });

  it('stays empty for a call that is not a callback in flight', async () => {
    const { el, mock } = await setup(apiFor(), outboundCall({ accountNumber: 'SALES-1' }));
    await until(() => mock.transport.callsOf('ArrivalContext').length, 'lookup');
    await el.updateComplete;
    expect(shadow(el).querySelector('section')).to.equal(null);
    expect(mock.transport.callsOf('AcknowledgeArrivalByAccount')).to.have.length(0);
  });

  it('when the call ends, the arrival goes and the agent is asked for the outcome, which is sent', async () => {
    const mock = apiFor();
    mock.transport.handlers.RecordCallOutcome = ({ outcome }) => ({ recordCallOutcome: { callbackId: '7', outcome, status: 'retry_wait', nextAttemptAt: '2026-11-24T10:10:00Z', scheduledAt: '2026-11-24T14:00:00Z', timeZone: 'Europe/Warsaw', violations: [], error: null } });
    const { el, host } = await setup(mock);
    await until(() => shadow(el).querySelector('[role="status"]'), 'acknowledged');
    expect(shadow(el).querySelector('cb-call-outcome')).to.equal(null, 'not asked while the call is in flight');
    host.call = null;
    await host.updateComplete;
    await el.updateComplete;
    expect(shadow(el).querySelector('section[aria-labelledby="arrival-title"]')).to.equal(null);
    const ask = shadow(el).querySelector('cb-call-outcome') as HTMLElement & { updateComplete: Promise<unknown> };
    expect(ask).to.not.equal(null);
    await ask.updateComplete;
    expect(ask.getAttribute('callback-id')).to.equal('7');
    (ask.shadowRoot?.querySelector('input[value="not_reached"]') as HTMLInputElement).click();
    await ask.updateComplete;
    (ask.shadowRoot?.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await until(() => ask.shadowRoot?.querySelector('[role="status"]'), 'recorded');
    expect(mock.transport.callsOf('RecordCallOutcome')).to.deep.equal([{ id: '7', outcome: 'not_reached', scheduledAt: null, timeZone: null }]);
    (ask.shadowRoot?.querySelector('[data-action="dismiss"]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(shadow(el).querySelector('cb-call-outcome')).to.equal(null, 'closed after the answer');
  });

  it('does not ask for an outcome of a call that was never acknowledged', async () => {
    const mock = mockApi({
      ArrivalContext: () => ({ arrivalContext: arrival() }),
      AcknowledgeArrivalByAccount: () => ({ acknowledgeArrivalByAccount: { context: null, error: 'invalid_state' } }),
    });
    const { el, host } = await setup(mock);
    await until(() => shadow(el).querySelector('[role="alert"]'), 'refused');
    host.call = null;
    await host.updateComplete;
    await el.updateComplete;
    expect(shadow(el).querySelector('cb-call-outcome')).to.equal(null);
    expect(shadow(el).querySelector('section')).to.equal(null);
  });

  for (const width of WIDTHS) {
    it(`fits a ${width} px column and is accessible: in the call, and asking for the outcome`, async () => {
      const { el, host } = await setup(apiFor(arrival({ phone: '+48•••••••67', phoneMasked: true })));
      await setWidth(el, width);
      await until(() => shadow(el).querySelector('[role="status"]'), 'acknowledged');
      expect(controlsOutside(el)).to.deep.equal([]);
      await expect(el).to.be.accessible();
      host.call = null;
      await host.updateComplete;
      await el.updateComplete;
      const ask = shadow(el).querySelector('cb-call-outcome') as HTMLElement & { updateComplete: Promise<unknown> };
      await ask.updateComplete;
      expect(controlsOutside(el)).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });
  }

  it('is accessible', async () => {
    const { el } = await setup(apiFor(arrival({ phone: '+48•••••••67', phoneMasked: true })));
    await until(() => shadow(el).querySelector('[role="status"]'), 'acknowledged');
    await expect(el).to.be.accessible();
  });
});
