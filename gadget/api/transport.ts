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

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

export class HttpTransport implements GraphQLTransport {
  constructor(
    private readonly url: string,
    private readonly credentials: FinesseCredentials,
    private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
  ) {}

  async request<T>(operation: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const res = await this.fetchImpl(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...credentialHeaders(this.credentials) },
      body: JSON.stringify({ query, variables, operationName: operation }),
    });
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
