import { expect } from '@open-wc/testing';
import { CLOSE_EXPIRED, WsSubscriptions } from './ws-subscriptions.ts';

class FakeSocket {
  static all: FakeSocket[] = [];
  readyState = 0;
  sent: Array<Record<string, unknown>> = [];
  onopen: (() => void | Promise<void>) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onclose: ((e: { code: number }) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.readyState = 3;
  }
  async open() {
    this.readyState = 1;
    await this.onopen?.();
  }
  receive(msg: unknown) {
    this.onmessage?.({ data: JSON.stringify(msg) });
  }
  serverClose(code: number) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
}

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

describe('WsSubscriptions and expiring credentials', () => {
  it('reconnects at once with the fresh token when the server closes for expired credentials, and resubscribes', async () => {
    FakeSocket.all = [];
    let token = 'first';
    const ws = new WsSubscriptions('ws://cm/graphql', { current: () => ({ userId: '2001', authorization: `Bearer ${token}` }) }, FakeSocket as unknown as typeof WebSocket);
    const stop = ws.subscribe('CallbackChanged', 'subscription { callbackChanged { id } }', {}, { next: () => {} });
    const first = FakeSocket.all[0]!;
    await first.open();
    expect(first.sent[0]).to.deep.equal({ type: 'connection_init', payload: { headers: { authorization: 'Bearer first', 'x-finesse-user': '2001' } } });
    first.receive({ type: 'connection_ack' });

    token = 'second'; // the desktop refreshed the token
    first.serverClose(CLOSE_EXPIRED);
    await tick(10);
    expect(FakeSocket.all.length).to.equal(2, 'reconnected without the backoff');
    const second = FakeSocket.all[1]!;
    await second.open();
    expect(second.sent[0]).to.deep.equal({ type: 'connection_init', payload: { headers: { authorization: 'Bearer second', 'x-finesse-user': '2001' } } });
    second.receive({ type: 'connection_ack' });
    expect(second.sent[1]).to.deep.include({ type: 'subscribe' });
    stop();
  });

  it('falls back to the backoff when the token stays expired', async () => {
    FakeSocket.all = [];
    const ws = new WsSubscriptions('ws://cm/graphql', { userId: '2001', authorization: 'Bearer stale' }, FakeSocket as unknown as typeof WebSocket);
    const stop = ws.subscribe('CallbackChanged', 'subscription { callbackChanged { id } }', {}, { next: () => {} });
    await FakeSocket.all[0]!.open();
    FakeSocket.all[0]!.serverClose(CLOSE_EXPIRED);
    await tick(10);
    expect(FakeSocket.all.length).to.equal(2);
    await FakeSocket.all[1]!.open();
    FakeSocket.all[1]!.serverClose(CLOSE_EXPIRED);
    await tick(50);
    expect(FakeSocket.all.length).to.equal(2, 'no hot loop: the next attempt waits for the backoff');
    stop();
  });
});
