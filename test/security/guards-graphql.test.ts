// GraphQL guards (issue 9): depth/alias/cost limits refuse bombs before anything runs,
// introspection only where configured, every error coded, internal errors generic, filters validated.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GraphQLError } from 'graphql';
import { as, build } from '../helpers/build.ts';
import { now, personalBooking } from '../api/fixtures.ts';
import { CallbackApi } from '../../gadget/api/api-client.ts';
import { codeOf, errorFormatter } from '../../bff/graphql/guards.ts';

type App = Awaited<ReturnType<typeof build>>;
const gql = (app: App, user: string | null, query: string, variables: object = {}) =>
  app.inject({ method: 'POST', url: '/graphql', headers: user ? as(user) : {}, payload: { query, variables } });
const codes = (body: { errors?: Array<{ extensions?: { code?: string } }> }) => (body.errors ?? []).map((e) => e.extensions?.code);

// Refused before execution: no database query runs for a bomb (its speed lives in `npm run bench`,
// never in a timed unit test).
test('an alias bomb and a depth bomb are refused with QUERY_TOO_COMPLEX before any query runs', async (t) => {
  const app = await build(t, { now });
  await gql(app, '1001', '{ me { id } }'); // warm up (authentication cache, schema)
  // ~19 KB: 600 aliases of the callback list, each asking for every field.
  const fields = 'id accountNumber campaign firstName lastName phone notes status';
  const aliasBomb = `{ ${Array.from({ length: 600 }, (_, i) => `a${i}: callbacks(limit: 200) { items { ${fields} } }`).join(' ')} }`;
  assert.ok(aliasBomb.length > 19_000);
  // The schema has no cycles, so depth is built from nested fragments-free selections of unknown depth
  // plus deep introspection (the classic __type.ofType chain).
  const depthBomb = `{ __type(name: "Callback") { ${'ofType { '.repeat(20)}name${' }'.repeat(20)} } }`;
  let queries = 0;
  app.db.sequelize.addHook('beforeQuery', () => void queries++);
  for (const [name, query] of [['alias', aliasBomb], ['depth', depthBomb]] as const) {
    queries = 0;
    const res = await gql(app, '1001', query);
    const body = res.json();
    assert.equal(body.data ?? null, null, `${name}: nothing ran`);
    assert.ok(codes(body).includes('QUERY_TOO_COMPLEX'), `${name}: ${res.body.slice(0, 300)}`);
    assert.equal(queries, 0, `${name}: no database query ran`);
    assert.ok(res.body.length < 20_000, `${name}: a short answer`);
  }
});

test('every query and mutation the gadget sends passes the limits', async (t) => {
  const app = await build(t, { now });
  const sent: Array<{ query: string; variables: object }> = [];
  const api = new CallbackApi({ request: async (_name: string, query: string, variables: object = {}) => (sent.push({ query, variables }), {}) as never } as never);
  await Promise.allSettled([
    api.me(), api.campaigns(), api.skills(), api.agents(), api.callbacks({ from: '2026-12-01', to: '2026-12-02T00:00:00Z' }), api.callbackCounts(),
    api.callbackByAccount('CB1'), api.availability({ campaign: 'CB_MAIN', from: '2026-12-01', to: '2026-12-02' } as never), api.phoneInfo('CB_MAIN', '221234567'),
    api.bookCallback(personalBooking() as never), api.rescheduleCallback('1', '2026-12-01T14:00'), api.cancelCallback('1'), api.reassignCallback('1', { skill: 'Sales' }),
    api.acknowledgeArrival('1'),
  ]);
  assert.equal(sent.length, 14);
  for (const { query, variables } of sent) {
    const body = (await gql(app, '2001', query, variables)).json();
    assert.ok(!codes(body).includes('QUERY_TOO_COMPLEX'), `${query.slice(0, 60)}: ${JSON.stringify(body.errors)}`);
    assert.ok(!codes(body).includes('BAD_USER_INPUT'), `${query.slice(0, 60)}: ${JSON.stringify(body.errors)}`);
  }
});

test('introspection is off in production unless CM_GRAPHQL_INTROSPECTION=true; on in the demo', async (t) => {
  const off = await build(t, { now, env: { CM_MODE: 'production' } });
  const refused = (await gql(off, '1001', '{ __schema { queryType { name } } }')).json();
  assert.equal(refused.data ?? null, null);
  assert.equal(codes(refused)[0], 'FORBIDDEN');
  const on = await build(t, { now, env: { CM_MODE: 'production', CM_GRAPHQL_INTROSPECTION: 'true' } });
  assert.equal((await gql(on, '1001', '{ __schema { queryType { name } } }')).json().data.__schema.queryType.name, 'Query');
  const demo = await build(t, { now });
  assert.equal((await gql(demo, '1001', '{ __schema { queryType { name } } }')).json().data.__schema.queryType.name, 'Query');
});

test('errors carry a stable extensions.code', async (t) => {
  const app = await build(t, { now });
  assert.deepEqual(codes((await gql(app, null, '{ me { id } }')).json()), ['UNAUTHORIZED']);
  assert.deepEqual(codes((await gql(app, '1001', '{ me { nope } }')).json()), ['BAD_USER_INPUT']);
  assert.deepEqual(codes((await gql(app, '1001', '{ me { id }')).json()), ['BAD_USER_INPUT'], 'syntax');
  assert.deepEqual(codes((await gql(app, '1001', 'query($l: Int) { callbacks(limit: $l) { nextCursor } }', { l: 'many' })).json()), ['BAD_USER_INPUT'], 'variable type');
  assert.deepEqual(codes((await gql(app, '1001', '{ history(id: "999999") { id } }')).json()), ['NOT_FOUND']);
  const cb = (await gql(app, '1001', 'mutation($i: BookInput!) { bookCallback(input: $i) { callback { id } } }', { i: personalBooking() })).json().data.bookCallback.callback;
  assert.deepEqual(codes((await gql(app, '1001', `mutation { reassignCallback(id: "${cb.id}", skill: "Sales") { callback { id } } }`)).json()), ['FORBIDDEN']);
  await gql(app, '1001', `mutation { cancelCallback(id: "${cb.id}") { callback { id } } }`);
  assert.deepEqual(codes((await gql(app, '2001', `mutation { reassignCallback(id: "${cb.id}", skill: "Sales") { callback { id } } }`)).json()), ['INVALID_STATE']);
});

test('from/to filters are validated as in REST (BAD_USER_INPUT, never a 500)', async (t) => {
  const app = await build(t, { now });
  for (const bad of ['yesterday', '2026-13-45', '2026-12-01T10:00', '1e400', '2026-12-01T10:00:00+99:99']) {
    const res = await gql(app, '1001', 'query($f: CallbackFilter) { callbacks(filter: $f) { nextCursor } callbackCounts(filter: $f) { count } }', { f: { from: bad } });
    assert.ok(res.statusCode < 500);
    assert.ok(codes(res.json()).every((c) => c === 'BAD_USER_INPUT') && codes(res.json()).length > 0, `${bad}: ${res.body}`);
  }
  const ok = (await gql(app, '1001', 'query($f: CallbackFilter) { callbacks(filter: $f) { nextCursor } }', { f: { from: '2026-12-01', to: '2026-12-02T00:00:00Z' } })).json();
  assert.equal(ok.errors, undefined);
});

test('errorFormatter: an unexpected error answers INTERNAL with a generic message; the detail goes to the log', () => {
  const logged: unknown[] = [];
  const log = { error: (o: unknown) => logged.push(o), info: () => undefined };
  const internal = new GraphQLError('connect ECONNREFUSED 10.0.0.5:5432 password=hunter2', { originalError: new Error('connect ECONNREFUSED 10.0.0.5:5432 password=hunter2'), path: ['callbacks'] });
  const out = errorFormatter({ errors: [internal], data: null } as never, { reply: { log }, app: { log } } as never);
  const body = JSON.stringify(out.response);
  assert.doesNotMatch(body, /ECONNREFUSED|hunter2|5432/);
  assert.equal((out.response.errors as Array<{ message: string; extensions: { code: string } }>)[0].extensions.code, 'INTERNAL');
  assert.equal((out.response.errors as Array<{ message: string }>)[0].message, 'internal error');
  assert.equal(logged.length, 1);
  assert.equal(codeOf(new GraphQLError('Cannot query field "x"')), 'BAD_USER_INPUT');
});

test('subscriptions over the websocket are held to the same limits', async (t) => {
  const { default: WebSocket } = await import('ws');
  const app = await build(t, { now });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const ws = new WebSocket(`ws://127.0.0.1:${port}/graphql`, 'graphql-transport-ws');
  t.after(() => ws.close());
  const bomb = `subscription { callbackChanged { ${Array.from({ length: 300 }, (_, i) => `a${i}: id`).join(' ')} } }`;
  const answer = new Promise<{ type: string; payload?: unknown }>((resolve) => {
    ws.on('message', (raw) => {
      const msg = JSON.parse(String(raw));
      if (msg.type === 'connection_ack') ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: bomb } }));
      if (msg.type === 'error' || msg.type === 'next' || msg.type === 'complete') resolve(msg);
    });
  });
  await new Promise((r) => ws.on('open', r));
  ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: as('2001').authorization } }));
  const msg = await Promise.race([answer, new Promise<{ type: string; payload?: unknown }>((r) => setTimeout(() => r({ type: 'no answer within 5 s' }), 5000))]);
  assert.equal(msg.type, 'error', JSON.stringify(msg));
  assert.match(JSON.stringify(msg.payload), /Aliases limit/);
});
