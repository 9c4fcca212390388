import { expect } from '@open-wc/testing';
import { defaultCampaign } from './call-defaults.ts';
import { outboundCall } from '../test/mock-api.ts';
import type { Campaign } from '../api/types.ts';

const MAIN: Campaign = { name: 'CB_MAIN', uccxCampaignName: 'CB_DDI_1', ddi: '+48221234567', country: 'PL', timeZone: 'Europe/Warsaw' };
const US: Campaign = { name: 'CB_US', uccxCampaignName: 'CB_DDI_2', ddi: '+12125550100', country: 'US', timeZone: 'America/New_York' };
const AAA: Campaign = { name: 'AAA', uccxCampaignName: 'CB_DDI_9', ddi: '+48221230000', country: 'PL', timeZone: 'Europe/Warsaw' };
const noMatch = () => outboundCall({ direction: 'inbound', campaign: null, dnis: '5550199' });

describe('defaultCampaign', () => {
  it('takes the campaign whose DDI the customer dialled, even when another one is the agents\' default', () => {
    expect(defaultCampaign([AAA, { ...MAIN, agentDefault: true }, US], outboundCall({ direction: 'inbound', campaign: null, dnis: '2125550100' }))).to.equal('CB_US');
  });

  it('falls back to the campaign the administrator marked, not the first by name', () => {
    expect(defaultCampaign([AAA, MAIN, { ...US, agentDefault: true }], noMatch())).to.equal('CB_US');
    expect(defaultCampaign([AAA, MAIN, { ...US, agentDefault: true }], null)).to.equal('CB_US');
  });

  it('chooses none when no DDI matches and no campaign is marked: a new campaign "AAA" is never picked silently', () => {
    expect(defaultCampaign([AAA, MAIN, US], noMatch())).to.equal('');
    expect(defaultCampaign([AAA, MAIN, US], null)).to.equal('');
    expect(defaultCampaign([], null)).to.equal('');
  });
});
