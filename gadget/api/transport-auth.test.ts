import { expect } from '@open-wc/testing';
import { GraphQLRequestError, HttpTransport, type CredentialSource, type FinesseCredentials } from './transport.ts';

/** A fetch that answers 401 to every token but `valid`, and records what it was sent. */
function fakeFetch(valid: string) {
  const sent: string[] = [];
  const impl = (async (_url: string, init: RequestInit) => {
    const auth = (init.headers as Record<string, string>).authorization;
    sent.push(auth);
    const ok = auth === `Bearer ${valid}`;
    return new Response(JSON.stringify(ok ? { data: { me: { id: '1001' } } } : { errors: [{ message: 'unauthorized', extensions: { code: 'UNAUTHORIZED' } }] }), { status: ok ? 200 : 401 });
  }) as unknown as typeof fetch;
  return { impl, sent };
}

const sso = (token: string): FinesseCredentials => ({ userId: '1001', authorization: `Bearer ${token}` });

describe('HttpTransport and expiring SSO tokens', () => {
  it('reads the credentials again for every request', async () => {
    let token = 'a';
    const { impl, sent } = fakeFetch('a');
    const t = new HttpTransport('/graphql', { current: () => sso(token) }, impl);
    await t.request('Me', '{ me { id } }');
    token = 'b';
    await t.request('Me', '{ me { id } }').catch(() => null);
    expect(sent).to.deep.equal(['Bearer a', 'Bearer b']);
  });

  it('retries once with the fresh token after a 401', async () => {
    const { impl, sent } = fakeFetch('fresh');
    const source: CredentialSource = { current: () => sso('expired'), refresh: async () => sso('fresh') };
    const data = await new HttpTransport('/graphql', source, impl).request<{ me: { id: string } }>('Me', '{ me { id } }');
    expect(data.me.id).to.equal('1001');
    expect(sent).to.deep.equal(['Bearer expired', 'Bearer fresh']);
  });

  it('does not retry without a fresher token, nor more than once', async () => {
    const { impl, sent } = fakeFetch('never');
    let refreshes = 0;
    const same: CredentialSource = { current: () => sso('expired'), refresh: async () => (refreshes++, sso('expired')) };
    const err = await new HttpTransport('/graphql', same, impl).request('Me', '{ me { id } }').catch((e: unknown) => e);
    expect(err).to.be.instanceOf(GraphQLRequestError);
    expect((err as GraphQLRequestError).status).to.equal(401);
    expect(sent).to.deep.equal(['Bearer expired']);
    const other: CredentialSource = { current: () => sso('expired'), refresh: async () => sso('also-bad') };
    sent.length = 0;
    await new HttpTransport('/graphql', other, impl).request('Me', '{ me { id } }').catch(() => null);
    expect(sent).to.deep.equal(['Bearer expired', 'Bearer also-bad']);
    expect(refreshes).to.equal(1);
  });
});
