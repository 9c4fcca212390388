import { expect } from '@open-wc/testing';
import { WsSubscriptions, websocketUrl } from './ws-subscriptions.ts';

class FakeSocket {
  static last: FakeSocket;
  readyState = 0;
  sent: Array<Record<string, unknown>> = [];
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  constructor(
    readonly url: string,
    readonly protocol: string,
  ) {
    FakeSocket.last = this;
  }
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  receive(msg: unknown) {
    this.onmessage?.({ data: JSON.stringify(msg) });
  }
}

describe('WsSubscriptions (graphql-transport-ws)', () => {
  it('derives the websocket URL from the Campaign Manager URL', () => {
    expect(websocketUrl('https://cm.example.com/')).to.equal('wss://cm.example.com/graphql');
    expect(websocketUrl('http://localhost:8080')).to.equal('ws://localhost:8080/graphql');
  });

  it('authenticates in connection_init, subscribes after the ack, delivers next, answers ping', () => {
    const ws = new WsSubscriptions('ws://cm/graphql', { userId: '1001', authorization: 'Basic x' }, FakeSocket as unknown as typeof WebSocket);
    const got: unknown[] = [];
    const status: boolean[] = [];
    ws.onStatus((up) => status.push(up));
    const stop = ws.subscribe('CallbackChanged', 'subscription { callbackChanged { id } }', {}, { next: (d) => got.push(d) });
    const socket = FakeSocket.last;
    expect(socket.protocol).to.equal('graphql-transport-ws');
    socket.open();
    expect(socket.sent[0]).to.deep.equal({ type: 'connection_init', payload: { headers: { authorization: 'Basic x', 'x-finesse-user': '1001' } } });
    socket.receive({ type: 'connection_ack' });
    expect(socket.sent[1]).to.deep.include({ id: '1', type: 'subscribe' });
    socket.receive({ type: 'next', id: '1', payload: { data: { callbackChanged: { id: '9' } } } });
    expect(got).to.deep.equal([{ callbackChanged: { id: '9' } }]);
    socket.receive({ type: 'ping' });
    expect(socket.sent[2]).to.deep.equal({ type: 'pong' });
    stop();
    expect(socket.sent[3]).to.deep.equal({ id: '1', type: 'complete' });
    expect(socket.readyState).to.equal(3);
    expect(status).to.deep.equal([false, true, false]);
  });
});
