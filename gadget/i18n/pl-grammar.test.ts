// Polish agrees in gender: the "any" choice of each supervisor filter must match its noun
// (stan, agent: masculine → "Dowolny"; umiejętność, kampania: feminine → "Dowolna").
import { expect, fixture, html } from '@open-wc/testing';
import '../components/cb-supervisor/cb-supervisor.ts';
import { mockApi, session, shadow, until, type CbTestContext } from '../test/mock-api.ts';

describe('Polish grammar of the supervisor filters', () => {
  it('says "Dowolny" for status and agent, "Dowolna" for skill and campaign', async () => {
    const host = await fixture<CbTestContext>(html`<cb-test-context .api=${mockApi().api} .session=${session({ agentId: '2001', role: 'supervisor', locale: 'pl' })}>
      <cb-supervisor></cb-supervisor>
    </cb-test-context>`);
    const el = host.querySelector('cb-supervisor') as HTMLElement;
    const any = (id: string) => shadow(el).querySelector(`#${id} option[value=""]`)?.textContent?.trim();
    await until(() => any('f-campaign'), 'filters');
    expect(shadow(el).querySelector('label[for="f-skill"]')?.textContent).to.contain('Umiejętność');
    expect({ status: any('f-status'), agent: any('f-agentId'), skill: any('f-skill'), campaign: any('f-campaign') })
      .to.deep.equal({ status: 'Dowolny', agent: 'Dowolny', skill: 'Dowolna', campaign: 'Dowolna' });
  });
});
