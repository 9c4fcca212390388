// The desktop simulator's finesse.js stand-in is no more permissive than Cisco's library: a
// gadget reads the signed-in user only — agents and supervisors alike — even though Finesse's
// REST API would let a supervisor read his team members.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';

const source = readFileSync(new URL('../../sim/finesse/assets/finesse.js', import.meta.url), 'utf8');

/** finesse.js in a window signed in as `id` (a supervisor or an agent); fetch is recorded, never answered. */
function loadAs(id: string) {
  const fetched: string[] = [];
  const window: Record<string, unknown> = {
    location: { search: `?id=${id}&authorization=eA==`, hostname: 'finesse', protocol: 'https:' },
    setTimeout: (fn: () => void) => setTimeout(fn, 0),
    addEventListener: () => {},
    fetch: (url: string) => {
      fetched.push(url);
      return new Promise(() => {});
    },
  };
  window.parent = window;
  runInNewContext(source, { window, URLSearchParams });
  const finesse = window.finesse as { clientservices: { ClientServices: { init(c?: unknown): void } }; restservices: { User: new (o: object) => unknown } };
  finesse.clientservices.ClientServices.init();
  const read = (userId: string) =>
    new Promise<{ status: number } | 'fetching'>((resolve) => {
      new finesse.restservices.User({ id: userId, onLoad: () => resolve('fetching'), onError: (e: { status: number }) => resolve(e) });
      setTimeout(() => resolve('fetching'), 50);
    });
  return { fetched, read };
}

for (const [who, id, other] of [
  ['an agent', '1001', '1002'],
  ['a supervisor', '2001', '1001'],
] as const) {
  test(`finesse.js: ${who} reads his own User object and no one else's`, async () => {
    const { fetched, read } = loadAs(id);
    const refused = await read(other);
    assert.equal(refused !== 'fetching' && refused.status, 403);
    assert.equal(fetched.length, 0, 'no request leaves for another user');
    assert.equal(await read(id), 'fetching');
    assert.deepEqual([...fetched], [`/finesse/api/User/${id}`]);
  });
}

test('finesse.js: containerservices announces the active tab to the handlers a gadget registered', async () => {
  const window: Record<string, unknown> = {
    location: { search: '?id=1001&authorization=eA==', hostname: 'finesse', protocol: 'https:' },
    setTimeout: (fn: () => void) => setTimeout(fn, 0),
    addEventListener: () => {},
  };
  window.parent = window;
  runInNewContext(source, { window, URLSearchParams });
  interface ContainerServices {
    init(): ContainerServices;
    Topics: { ACTIVE_TAB: string };
    addHandler(topic: string, handler: () => void): void;
    makeActiveTabReq(): void;
  }
  const cs = (window.finesse as { containerservices: { ContainerServices: ContainerServices } }).containerservices.ContainerServices;
  let calls = 0;
  const services = cs.init();
  services.addHandler(cs.Topics.ACTIVE_TAB, () => calls++);
  services.makeActiveTabReq();
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(calls, 1);
});
