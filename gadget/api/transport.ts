// How the gadget reaches the BFF: GraphQL over HTTP (POST {cmUrl}/graphql) with the agent's
// Finesse Authorization header. Tests give the API client another transport instead.

export interface GraphQLTransport {
  request<T>(operation: string, query: string, variables?: Record<string, unknown>): Promise<T>;
}

export interface SubscriptionSink<T> {
  next(data: T): void;
  error?(error: Error): void;
}

export interface SubscriptionTransport {
  /** Starts a subscription; returns the function that stops it. */
  subscribe<T>(operation: string, query: string, variables: Record<string, unknown>, sink: SubscriptionSink<T>): () => void;
  /** Follows whether the live connection is up; returns the function that stops following. */
  onStatus?(listener: (connected: boolean) => void): () => void;
}

/** A GraphQL or HTTP failure, with the server's error code when it gave one (UNAUTHORIZED, …). */
export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
    readonly status: number,
  ) {
    super(message);
    this.name = 'GraphQLRequestError';
  }
}

/** The Finesse credentials the gadget sends: "Basic base64(id:password)" or "Bearer <token>" (SSO). */
export interface FinesseCredentials {
  userId: string;
  authorization: string;
}

export const credentialHeaders = (c: FinesseCredentials): Record<string, string> => ({
  authorization: c.authorization,
  'x-finesse-user': c.userId,
});

/**
 * Where the credentials come from at the moment of each request: SSO access tokens expire and
 * Finesse hands out refreshed ones, so a token is never read once and kept.
 */
export interface CredentialSource {
  current(): FinesseCredentials | Promise<FinesseCredentials>;
  /** After a 401: fresher credentials than `stale`, or null when there are none. */
  refresh?(stale: FinesseCredentials): Promise<FinesseCredentials | null>;
}

/** Fixed credentials (Basic, tests) or a source. */
export const credentialSource = (c: FinesseCredentials | CredentialSource): CredentialSource => ('current' in c ? c : { current: () => c });

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

export class HttpTransport implements GraphQLTransport {
  private readonly credentials: CredentialSource;

  constructor(
    private readonly url: string,
    credentials: FinesseCredentials | CredentialSource,
    private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
  ) {
    this.credentials = credentialSource(credentials);
  }

  /** A REST read beside /graphql with the same credentials (the supervisor's report and its CSV). */
  async get(path: string): Promise<Response> {
    return this.fetchImpl(`${this.url.replace(/\/graphql$/, '')}${path}`, { headers: credentialHeaders(await this.credentials.current()) });
  }

  async request<T>(operation: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const payload = JSON.stringify({ query, variables, operationName: operation });
    const send = (c: FinesseCredentials) =>
      this.fetchImpl(this.url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', ...credentialHeaders(c) }, body: payload });
    const used = await this.credentials.current();
    let res = await send(used);
    // An expired token: retry once, and only with fresher credentials.
    if (res.status === 401 && this.credentials.refresh) {
      const fresh = await this.credentials.refresh(used);
      if (fresh && fresh.authorization !== used.authorization) res = await send(fresh);
    }
    let body: GraphQLResponse<T> | null = null;
    try {
      body = (await res.json()) as GraphQLResponse<T>;
    } catch {
      body = null;
    }
    const first = body?.errors?.[0];
    if (first) throw new GraphQLRequestError(first.message, first.extensions?.code ?? null, res.status);
    if (!res.ok || !body?.data) throw new GraphQLRequestError(`HTTP ${res.status}`, null, res.status);
    return body.data;
  }
}
