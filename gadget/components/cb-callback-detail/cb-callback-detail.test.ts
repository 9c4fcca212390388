import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { CbCallbackDetail } from './cb-callback-detail.ts';
import './cb-callback-detail.ts';
import { callback, mockApi, session, shadow, until, type CbTestContext } from '../../test/mock-api.ts';

const HISTORY = [
  { id: '1', at: '2026-11-24T08:00:00Z', event: 'booked', actor: '1001', details: '{}' },
  { id: '2', at: '2026-11-24T10:00:00Z', event: 'imported', actor: 'job:cm-1', details: '{"dialingListId":7}' },
  { id: '3', at: '2026-11-24T10:01:00Z', event: 'dial_result', actor: 'uccx', details: '{"callStatus":3,"callResult":11,"result":"busy"}' },
  { id: '4', at: '2026-11-24T10:01:05Z', event: 'retry_scheduled', actor: 'uccx', details: '{"outcome":"busy","nextAttemptAt":"2026-11-24T10:11:00Z"}' },
];

async function setup(locale: 'en' | 'pl' = 'en') {
  const mock = mockApi({ History: () => ({ history: HISTORY }) });
  const cb = callback({ id: '42', status: 'retry_wait', attempts: 1, lastResult: 'busy', nextAttemptAt: '2026-11-24T10:11:00Z', reason: null });
  const host = await fixture<CbTestContext>(html`<cb-test-context .api=${mock.api} .session=${session({ locale })}><cb-callback-detail .callback=${cb}></cb-callback-detail></cb-test-context>`);
  const el = host.querySelector('cb-callback-detail') as CbCallbackDetail;
  await until(() => shadow(el).querySelectorAll('li').length === 4, 'timeline');
  return { el, mock };
}

describe('cb-callback-detail', () => {
  it('tells why a callback waits: last result and next try in words, the history as a timeline', async () => {
    const { el, mock } = await setup();
    expect(mock.transport.callsOf('History')[0]).to.deep.equal({ id: '42' });
    const text = shadow(el).textContent ?? '';
    expect(text).to.contain('waiting to retry').and.contain('Last result').and.contain('busy').and.contain('Next try');
    const items = [...shadow(el).querySelectorAll('li')].map((li) => li.textContent ?? '');
    expect(items[1]).to.contain('sent to UCCX');
    expect(items[2]).to.contain('UCCX result').and.contain('busy');
    expect(items[3]).to.contain('retry planned');
  });

  it('speaks Polish in a Polish desktop', async () => {
    const { el } = await setup('pl');
    expect(shadow(el).textContent).to.contain('zajęte').and.contain('Co się działo');
  });

  it('closes on Escape and is accessible', async () => {
    const { el } = await setup();
    await expect(el).to.be.accessible();
    setTimeout(() => shadow(el).querySelector('section')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    const closed = await oneEvent(el, 'cb-detail-closed');
    expect(closed.detail.id).to.equal('42');
  });
});
