import { expect } from '@open-wc/testing';
import { eventDetail, eventText, reasonText } from './history-text.ts';

describe('history-text', () => {
  it('says which outcome the agent recorded, in the gadget\'s language', () => {
    expect(eventText('pl', 'call_outcome')).to.equal('konsultant zapisał wynik rozmowy');
    expect(eventDetail('en', { outcome: 'reached', agentId: '1001' })).to.equal('agent: customer reached');
    expect(eventDetail('pl', { outcome: 'not_reached', nextAttemptAt: '2026-12-01T10:00:00Z' })).to.match(/^konsultant: nie udało się porozmawiać · → /);
  });

  it('keeps an unknown code visible rather than hiding it', () => {
    expect(reasonText('pl', 'something_new')).to.equal('something_new');
    expect(eventDetail('en', { outcome: 'later_invented' })).to.equal('later_invented');
  });
});
