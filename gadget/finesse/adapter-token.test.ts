import { expect } from '@open-wc/testing';
import { finesseCredentials } from './adapter.ts';
import type { FinesseGlobal } from './finesse-types.ts';

const finesseWith = (config: Record<string, unknown>) => ({ gadget: { Config: config } }) as unknown as FinesseGlobal;

describe('finesseCredentials (token parts of the adapter)', () => {
  it('reads finesse.gadget.Config.authToken at every use', async () => {
    const config = { id: '1001', authToken: 'one', systemAuthMode: 'SSO' };
    const source = finesseCredentials(finesseWith(config));
    expect((await source.current()).authorization).to.equal('Bearer one');
    config.authToken = 'two';
    expect((await source.current()).authorization).to.equal('Bearer two');
  });

  it('after a 401 waits briefly for the desktop\'s refreshed token, else gives up', async () => {
    const config = { id: '1001', authToken: 'old', systemAuthMode: 'SSO' };
    const source = finesseCredentials(finesseWith(config), { waitMs: 300, pollMs: 20 });
    setTimeout(() => (config.authToken = 'new'), 60);
    expect(await source.refresh!({ userId: '1001', authorization: 'Bearer old' })).to.deep.equal({ userId: '1001', authorization: 'Bearer new' });
    const started = Date.now();
    expect(await source.refresh!({ userId: '1001', authorization: 'Bearer new' })).to.equal(null);
    expect(Date.now() - started).to.be.lessThan(1000);
    const basic = finesseCredentials(finesseWith({ id: '1001', authorization: 'MTAwMTpkZW1v' }));
    expect(await basic.refresh!({ userId: '1001', authorization: 'Basic MTAwMTpkZW1v' })).to.equal(null);
  });
});
