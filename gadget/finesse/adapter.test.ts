import { expect } from '@open-wc/testing';
import { CallbackApi } from '../api/api-client.ts';
import { boot, callOf, credentialsOf, install, type GadgetRoot } from './adapter.ts';
import type { FinesseDialog, FinesseGlobal, GadgetsGlobal } from './finesse-types.ts';
import { until } from '../test/mock-api.ts';

function dialog(id: string, media: Record<string, unknown>, from: string): FinesseDialog {
  return { getId: () => id, getMediaProperties: () => media, getFromAddress: () => from };
}

/** A stand-in of finesse.js that records how the adapter uses it. */
function fakeFinesse(locale = 'pl_PL') {
  const log: string[] = [];
  const handlers: Record<string, (d: FinesseDialog) => void> = {};
  const topics: Record<string, () => void> = {};
  const existing = dialog('1', { callType: 'ACD_IN', DNIS: '2125550100' }, '+12125550199');
  const finesse = {
    gadget: { Config: { id: '2001', authorization: btoa('2001:demo'), locale, teamId: '1', teamName: 'Team A', extension: '1002001' } },
    clientservices: { ClientServices: { init: () => log.push('init') } },
    containerservices: {
      ContainerServices: {
        Topics: { ACTIVE_TAB: 'finesse.containerservices.activeTab' },
        init: () => ({
          addHandler: (topic: string, handler: () => void) => (topics[topic] = handler),
          makeActiveTabReq: () => log.push('activeTabReq'),
        }),
      },
    },
    restservices: {
      User: class {
        constructor(o: { id: string; onLoad?: (u: unknown) => void }) {
          log.push(`user:${o.id}`);
          const user = {
            getFirstName: () => 'Ewa', getLastName: () => 'Wiśniewska', getExtension: () => '1002001', getTeamId: () => '1', getTeamName: () => 'Team A',
            hasSupervisorRole: () => true,
            getDialogs: (h: { onCollectionAdd: (d: FinesseDialog) => void; onCollectionDelete: (d: FinesseDialog) => void; onLoad: (c: unknown) => void }) => {
              handlers.add = h.onCollectionAdd;
              handlers.remove = h.onCollectionDelete;
              h.onLoad({ getCollection: () => ({ 1: existing }) });
              return {};
            },
          };
          setTimeout(() => o.onLoad?.(user));
        }
      },
    },
  } as unknown as FinesseGlobal;
  const gadgets: GadgetsGlobal = {
    HubSettings: { onConnect: null },
    window: { adjustHeight: () => log.push('adjustHeight'), setTitle: (t) => log.push(`title:${t}`) },
    loadingindicator: { dismiss: () => log.push('dismiss') },
  };
  return { finesse, gadgets, log, handlers, topics };
}

const root = (): GadgetRoot => Object.assign(new EventTarget(), { call: null });

describe('finesse adapter', () => {
  it('boots on the hub connect and provides api, session and the current call', async () => {
    const f = fakeFinesse();
    const r = root();
    install({ cmUrl: 'https://cm.example.com/', root: r, scope: { finesse: f.finesse, gadgets: f.gadgets } });
    expect(f.log).to.deep.equal([]);
    f.gadgets.HubSettings.onConnect?.();
    expect(f.log.slice(0, 2)).to.deep.equal(['init', 'user:2001']);
    expect(r.api).to.be.instanceOf(CallbackApi);
    expect(r.session?.locale).to.equal('pl');
    await until(() => r.session?.firstName === 'Ewa', 'user loaded');
    expect(r.session?.role).to.equal('supervisor');
    expect(r.call?.direction).to.equal('inbound');
    expect(r.call?.customerNumber).to.equal('+12125550199');
    expect(f.log).to.include('dismiss');
  });

  it('follows dialogs: a callback call arriving, then ending', async () => {
    const f = fakeFinesse();
    const r = root();
    boot({ cmUrl: 'https://cm.example.com', root: r, scope: { finesse: f.finesse, gadgets: f.gadgets } });
    await until(() => f.handlers.add, 'dialogs followed');
    const vars = { BAAccountNumber: 'CB1', BACustomerNumber: '+48601234567', BABuddyName: 'Jan Kowalski', BACampaign: 'CB_MAIN', callVariable1: 'x', other: 'ignored' };
    const cb = dialog('2', { callType: 'OUTBOUND', DNIS: '1001', ...vars }, '+48221234567');
    f.handlers.add(cb);
    expect(r.call).to.deep.include({ dialogId: '2', accountNumber: 'CB1', customerNumber: '+48601234567', customerName: 'Jan Kowalski', campaign: 'CB_MAIN', direction: 'outbound' });
    expect(r.call?.variables).to.not.have.property('other');
    f.handlers.remove(cb);
    expect(r.call?.dialogId).to.equal('1');
  });

  it('adjusts the height after renders', async () => {
    const f = fakeFinesse();
    const r = root();
    boot({ cmUrl: 'https://cm.example.com', root: r, scope: { finesse: f.finesse, gadgets: f.gadgets } });
    r.dispatchEvent(new CustomEvent('cb-render'));
    await until(() => f.log.includes('adjustHeight'), 'adjustHeight');
  });

  it('sends Basic credentials, or Bearer under SSO', () => {
    expect(credentialsOf({ id: '1001', authorization: 'MTAwMTpkZW1v' })).to.deep.equal({ userId: '1001', authorization: 'Basic MTAwMTpkZW1v' });
    expect(credentialsOf({ id: '1001', authToken: 'tok', systemAuthMode: 'SSO' })).to.deep.equal({ userId: '1001', authorization: 'Bearer tok' });
  });

  it('reads an inbound call without BA variables', () => {
    const call = callOf(dialog('5', { callType: 'ACD_IN', DNIS: '48221234567' }, '601234567'));
    expect(call).to.deep.include({ direction: 'inbound', customerNumber: '601234567', accountNumber: null, dnis: '48221234567' });
  });

  it('adjusts the height again each time its tab becomes active (ContainerServices ACTIVE_TAB)', async () => {
    const f = fakeFinesse();
    const r = root();
    boot({ cmUrl: 'https://cm.example.com', root: r, scope: { finesse: f.finesse, gadgets: f.gadgets } });
    const onActive = f.topics['finesse.containerservices.activeTab'];
    expect(onActive, 'ACTIVE_TAB handler').to.be.a('function');
    expect(f.log).to.include('activeTabReq');
    const before = f.log.filter((l) => l === 'adjustHeight').length;
    onActive();
    onActive();
    expect(f.log.filter((l) => l === 'adjustHeight').length).to.equal(before + 2);
  });

  it('boots without containerservices (an older container)', () => {
    const f = fakeFinesse();
    delete (f.finesse as { containerservices?: unknown }).containerservices;
    const r = root();
    boot({ cmUrl: 'https://cm.example.com', root: r, scope: { finesse: f.finesse, gadgets: f.gadgets } });
    expect(r.api).to.be.instanceOf(CallbackApi);
  });

  it("reads the account number from the script's call variable on an IVR-routed call without BA* variables", () => {
    const ivr = callOf(dialog('6', { callType: 'ACD_IN', DNIS: '1001001', callVariable10: 'CBKX12AB34CD' }, '0601234567'));
    expect(ivr).to.deep.include({ accountNumber: 'CBKX12AB34CD', direction: 'inbound', customerNumber: '0601234567', campaign: null });
    expect(callOf(dialog('7', { callType: 'ACD_IN', callVariable3: 'CB3' }, '1'), 'callVariable3').accountNumber).to.equal('CB3');
    expect(callOf(dialog('8', { callType: 'ACD_IN', callVariable3: 'CB3' }, '1')).accountNumber, 'another variable').to.equal(null);
    expect(callOf(dialog('9', { callType: 'OUTBOUND', BAAccountNumber: 'CB9', callVariable10: 'CB10' }, '1')).accountNumber, 'BA first').to.equal('CB9');
    expect(callOf(dialog('10', { callType: 'ACD_IN', callVariable10: 'not an <account>' }, '1')).accountNumber).to.equal(null);
    expect(callOf(dialog('12', { callType: 'ACD_IN', 'user.cb.account': 'CB12' }, '1'), 'user.cb.account').accountNumber, 'an ECC variable').to.equal('CB12');
    expect(callOf(dialog('13', { callType: 'ACD_IN', callVariable10: 'CB13' }, '1'), '__UP_accountVariable__').accountNumber, 'unset preference').to.equal('CB13');
  });

  it('uses the accountVariable preference for the dialogs it follows', async () => {
    const f = fakeFinesse();
    const r = root();
    boot({ cmUrl: 'https://cm.example.com', root: r, accountVariable: 'callVariable4', scope: { finesse: f.finesse, gadgets: f.gadgets } });
    await until(() => f.handlers.add, 'dialogs followed');
    f.handlers.add(dialog('11', { callType: 'ACD_IN', callVariable4: 'CB44' }, '+48601234567'));
    expect(r.call?.accountNumber).to.equal('CB44');
  });
});
