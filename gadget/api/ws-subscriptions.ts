// A tiny GraphQL subscription client for mercurius' websocket (ws(s)://{cmUrl}/graphql), speaking
// the graphql-transport-ws protocol: connection_init (with the Finesse credentials as payload,
// since a browser websocket cannot send headers) → connection_ack, then subscribe / next / error /
// complete per operation id, ping ↔ pong. Reconnects with a capped backoff while subscribed;
// when the server closes the socket because the credentials expired (4401), it reconnects at
// once with fresh credentials (each connection reads them anew).
import { credentialHeaders, credentialSource, type CredentialSource, type FinesseCredentials, type SubscriptionSink, type SubscriptionTransport } from './transport.ts';

interface Active {
  operation: string;
  query: string;
  variables: Record<string, unknown>;
  sink: SubscriptionSink<unknown>;
}

type Message =
  | { type: 'connection_ack' | 'ping' | 'pong' | 'connection_error'; payload?: unknown }
  | { type: 'next'; id: string; payload: { data?: unknown; errors?: Array<{ message: string }> } }
  | { type: 'error'; id: string; payload: Array<{ message: string }> }
  | { type: 'complete'; id: string };

export const PROTOCOL = 'graphql-transport-ws';
/** The server's close code for credentials that no longer verify. */
export const CLOSE_EXPIRED = 4401;

/** http(s)://host/base → ws(s)://host/base/graphql */
export const websocketUrl = (cmUrl: string): string => `${cmUrl.replace(/\/+$/, '').replace(/^http/, 'ws')}/graphql`;

export class WsSubscriptions implements SubscriptionTransport {
  private socket: WebSocket | null = null;
  private acked = false;
  private nextId = 1;
  private retryMs = 1000;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly active = new Map<string, Active>();
  private readonly statusListeners = new Set<(connected: boolean) => void>();
  private readonly credentials: CredentialSource;
  private lastCredentials: FinesseCredentials | null = null;
  /** One immediate reconnect per expiry; a token that stays bad falls back to the backoff. */
  private renewing = false;

  constructor(
    private readonly url: string,
    credentials: FinesseCredentials | CredentialSource,
    private readonly WebSocketImpl: typeof WebSocket = WebSocket,
  ) {
    this.credentials = credentialSource(credentials);
  }

  subscribe<T>(operation: string, query: string, variables: Record<string, unknown>, sink: SubscriptionSink<T>): () => void {
    const id = String(this.nextId++);
    this.active.set(id, { operation, query, variables, sink: sink as SubscriptionSink<unknown> });
    if (this.acked) this.start(id);
    else this.connect();
    return () => {
      if (!this.active.delete(id)) return;
      if (this.acked) this.send({ id, type: 'complete' });
      if (this.active.size === 0) this.close();
    };
  }

  onStatus(listener: (connected: boolean) => void): () => void {
    this.statusListeners.add(listener);
    listener(this.acked);
    return () => this.statusListeners.delete(listener);
  }

  close(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const socket = this.socket;
    this.socket = null;
    this.setAcked(false);
    socket?.close(1000);
  }

  private connect(): void {
    if (this.socket) return;
    const socket = new this.WebSocketImpl(this.url, PROTOCOL);
    this.socket = socket;
    socket.onopen = () => {
      const init = (credentials: FinesseCredentials) => {
        this.lastCredentials = credentials;
        if (this.socket === socket) this.send({ type: 'connection_init', payload: { headers: credentialHeaders(credentials) } });
      };
      const stale = this.renewing ? this.lastCredentials : null;
      if (stale && this.credentials.refresh) {
        void this.credentials.refresh(stale).then(async (fresh) => init(fresh ?? (await this.credentials.current())));
        return;
      }
      const current = this.credentials.current(); // synchronous when it can be: init goes out with the open
      if (current instanceof Promise) void current.then(init);
      else init(current);
    };
    socket.onmessage = (ev: MessageEvent) => this.receive(JSON.parse(String(ev.data)) as Message);
    socket.onclose = (ev?: CloseEvent) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.setAcked(false);
      if (this.active.size === 0) return;
      const expired = ev?.code === CLOSE_EXPIRED && !this.renewing;
      this.renewing = ev?.code === CLOSE_EXPIRED;
      this.retryTimer = setTimeout(() => this.connect(), expired ? 0 : this.retryMs);
      if (!expired) this.retryMs = Math.min(this.retryMs * 2, 30_000);
    };
  }

  private receive(msg: Message): void {
    switch (msg.type) {
      case 'connection_ack':
        this.setAcked(true);
        this.retryMs = 1000;
        this.renewing = false;
        for (const id of this.active.keys()) this.start(id);
        break;
      case 'ping':
        this.send({ type: 'pong' });
        break;
      case 'connection_error':
        for (const a of this.active.values()) a.sink.error?.(new Error('subscription refused'));
        break;
      case 'next': {
        const a = this.active.get(msg.id);
        if (a && msg.payload.data) a.sink.next(msg.payload.data);
        else if (a && msg.payload.errors?.length) a.sink.error?.(new Error(msg.payload.errors[0].message));
        break;
      }
      case 'error':
        this.active.get(msg.id)?.sink.error?.(new Error(msg.payload[0]?.message ?? 'subscription error'));
        this.active.delete(msg.id);
        break;
      case 'complete':
        this.active.delete(msg.id);
        break;
    }
  }

  private setAcked(acked: boolean): void {
    if (this.acked === acked) return;
    this.acked = acked;
    for (const l of this.statusListeners) l(acked);
  }

  private start(id: string): void {
    const a = this.active.get(id);
    if (a) this.send({ id, type: 'subscribe', payload: { query: a.query, variables: a.variables, operationName: a.operation } });
  }

  private send(msg: Record<string, unknown>): void {
    if (this.socket?.readyState === 1) this.socket.send(JSON.stringify(msg));
  }
}
