// Issue 8 (Finesse): the desktop simulator presents a callback call the IVR script queued to an
// agent as Cisco's desktop would: no BA* variables (those are for agent outbound calls), the account
// number in the call variable the script set (default callVariable10, configurable).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startFinesseSim, type FinesseSim } from '../../sim/finesse/server.ts';
import { ivrRoutedPresentation } from '../../sim/finesse/ivr-call.ts';

const routed = {
  accountNumber: 'CBMIE3K2X1A2B3C4D',
  callVariables: { BAAccountNumber: 'CBMIE3K2X1A2B3C4D', BACustomerNumber: '0601234567', BABuddyName: 'Jan Kowalski', BACampaign: 'CB_DDI_1', BADialedListID: '17' },
};

let sim: FinesseSim;
let custom: FinesseSim;
before(async () => {
  sim = await startFinesseSim({ cmUrl: 'http://127.0.0.1:9' });
  custom = await startFinesseSim({ cmUrl: 'http://127.0.0.1:9', accountVariable: 'callVariable7' });
});
after(async () => {
  await sim.close();
  await custom.close();
});

test('ivrRoutedPresentation: an ACD call from the customer, the account number in callVariable10, no BA* variables', () => {
  const call = ivrRoutedPresentation(routed);
  assert.deepEqual(call, { callType: 'ACD_IN', fromAddress: '0601234567', callVariables: { callVariable10: 'CBMIE3K2X1A2B3C4D' } });
  assert.ok(!Object.keys(call.callVariables).some((k) => k.startsWith('BA')));
  assert.deepEqual(ivrRoutedPresentation(routed, { accountVariable: 'callVariable3' }).callVariables, { callVariable3: 'CBMIE3K2X1A2B3C4D' });
});

test("presentIvrRoutedCall: the agent's desktop gets the dialog without BA* variables", async () => {
  sim.presentIvrRoutedCall('1002', routed);
  const [dialog] = (await (await fetch(`${sim.url}/desktop/api/calls/1002`)).json()) as Array<{ callType: string; fromAddress: string; callVariables: Record<string, string> }>;
  assert.equal(dialog.callType, 'ACD_IN');
  assert.equal(dialog.fromAddress, '0601234567');
  assert.deepEqual(dialog.callVariables, { callVariable10: 'CBMIE3K2X1A2B3C4D' });
});

test('the call variable is a setting of the simulator (accountVariable)', async () => {
  custom.presentIvrRoutedCall('1001', routed);
  const [dialog] = (await (await fetch(`${custom.url}/desktop/api/calls/1001`)).json()) as Array<{ callVariables: Record<string, string> }>;
  assert.deepEqual(dialog.callVariables, { callVariable7: 'CBMIE3K2X1A2B3C4D' });
});

test('the host page controls accept an ACD_IN call with a call variable', async () => {
  const res = await fetch(`${sim.url}/desktop/api/calls/1101`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ callType: 'ACD_IN', fromAddress: '0601234567', callVariables: { callVariable10: 'CB1' } }),
  });
  assert.equal(res.status, 201);
  assert.equal(((await res.json()) as { callType: string }).callType, 'ACD_IN');
});
