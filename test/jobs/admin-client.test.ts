// UccxAdminClient over real HTTP against a small stand-in server: Basic auth, the requests it
// sends, and typed errors (unreachable, timeout, HTTP status with the UCCX error text).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify, { type FastifyInstance } from 'fastify';
import { UccxAdminClient } from '../../jobs/uccx/admin-client.ts';
import { UccxError } from '../../jobs/uccx/errors.ts';

describe('UccxAdminClient', () => {
  let server: FastifyInstance;
  let url: string;
  const seen: Array<{ method: string; url: string; auth?: string; body?: string }> = [];
  let listCalls = 0;

  before(async () => {
    server = Fastify();
    server.addContentTypeParser('application/xml', { parseAs: 'string' }, (_req, body, done) => done(null, body));
    server.addHook('onRequest', async (req) => void seen.push({ method: req.method, url: req.url, auth: req.headers.authorization }));
    server.get('/adminapi/campaign', async (_req, reply) => {
      listCalls++;
      return reply.type('application/xml').send('<campaigns><campaign><campaignId>200</campaignId><campaignName>CB_DDI_1</campaignName></campaign></campaigns>');
    });
    server.post('/adminapi/campaign/200/contacts', async (req, reply) => {
      seen[seen.length - 1].body = req.body as string;
      return reply.code(202).header('location', '/adminapi/campaign/200/contacts/status').send();
    });
    server.post('/adminapi/campaign/201/contacts', async (_req, reply) =>
      reply.code(400).type('application/xml').send('<apiErrors><apiError><errorMessage>Phone1 exceeds 28 characters</errorMessage></apiError></apiErrors>'),
    );
    server.get('/adminapi/campaign/200/contacts', async (_req, reply) =>
      reply.type('text/csv').send('Account Number,First Name,Last Name,Phone1,Phone2,Phone3,Dial Time,Call Result,Callback Number,Call Status\nCB1,Jan,K,0221,,,,,,1\n'),
    );
    server.get('/adminapi/campaign/202/contacts', async () => new Promise(() => {})); // never answers
    server.delete('/adminapi/campaign/200/contacts', async () => ({}));
    server.get('/adminapi/campaign/500/contacts', async (_req, reply) => reply.code(500).send('oops'));
    url = await server.listen({ port: 0, host: '127.0.0.1' });
  });
  after(() => server.close());

  const client = () => new UccxAdminClient({ url, user: 'administrator', password: 'secret', timeoutMs: 300 });

  test('campaignIdByName sends Basic auth and caches the campaign list', async () => {
    const c = client();
    assert.equal(await c.campaignIdByName('CB_DDI_1'), 200);
    assert.equal(await c.campaignIdByName('CB_DDI_1'), 200);
    assert.equal(listCalls, 1);
    assert.equal(seen[0].auth, `Basic ${Buffer.from('administrator:secret').toString('base64')}`);
  });

  test('addContacts posts <campaignContacts> with the CSV and the refURL; more than 500 is refused locally', async () => {
    const answer = await client().addContacts({ id: 200, name: 'CB_DDI_1' }, [{ accountNumber: 'CB1', firstName: 'Jan', lastName: 'K', phone1: '0221' }]);
    assert.deepEqual(answer, { status: 202, location: '/adminapi/campaign/200/contacts/status' });
    const body = seen.find((s) => s.method === 'POST')?.body ?? '';
    assert.match(body, /<campaign name="CB_DDI_1"><refURL>http:\/\/127\.0\.0\.1:\d+\/adminapi\/campaign\/200<\/refURL>/);
    assert.match(body, /Account Number,First Name,Last Name,Phone1\nCB1,Jan,K,0221/);
    const many = Array.from({ length: 501 }, (_, i) => ({ accountNumber: `A${i}`, firstName: 'a', lastName: 'b', phone1: '1' }));
    await assert.rejects(client().addContacts({ id: 200, name: 'CB_DDI_1' }, many), RangeError);
  });

  test('pendingContacts parses the CSV answer', async () => {
    assert.deepEqual(await client().pendingContacts(200), [{ accountNumber: 'CB1', firstName: 'Jan', lastName: 'K', phone1: '0221', callStatus: '1', callResult: '' }]);
  });

  test('errors are typed: HTTP status with the UCCX message, timeout, 5xx, unreachable', async () => {
    const http = await client().addContacts({ id: 201, name: 'X' }, [{ accountNumber: 'A', firstName: 'a', lastName: 'b', phone1: '1' }]).catch((e) => e);
    assert.ok(http instanceof UccxError);
    assert.deepEqual([http.kind, http.status, http.uccxMessage, http.permanent, http.uncertain], ['http', 400, 'Phone1 exceeds 28 characters', true, false]);
    const timeout = await client().pendingContacts(202).catch((e) => e);
    assert.deepEqual([timeout.kind, timeout.uncertain, timeout.permanent], ['timeout', true, false]);
    const failed = await client().pendingContacts(500).catch((e) => e);
    assert.deepEqual([failed.kind, failed.status, failed.uncertain], ['http', 500, true]);
    const closed = Fastify();
    const closedUrl = await closed.listen({ port: 0, host: '127.0.0.1' });
    await closed.close();
    const down = await new UccxAdminClient({ url: closedUrl, user: 'a', password: 'b', timeoutMs: 1000 }).listCampaigns().catch((e) => e);
    assert.deepEqual([down.kind, down.code, down.uncertain], ['unreachable', 'ECONNREFUSED', false]);
  });

  test('deleteAllContacts sends DELETE to the campaign contacts', async () => {
    await client().deleteAllContacts(200);
    assert.ok(seen.some((s) => s.method === 'DELETE' && s.url === '/adminapi/campaign/200/contacts'));
  });
});
