// Admin API for service accounts (issue 11): list, create (the answer carries the key, once) and
// revoke. docs/service-accounts.md shows how a CRM, a web form or the UCCX inbound script uses a key.
import type { FastifyInstance } from 'fastify';
import { SAFE_TEXT_PATTERN } from '../../../../domain/text.ts';
import { SERVICE_SCOPES, type ServiceScope } from '../../../../db/queries/service-accounts.ts';
import { createServiceAccount, listAccounts, revokeAccount } from '../../../services/service-accounts.ts';

const tags = ['admin'];
const account = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    scopes: { type: 'array', items: { type: 'string' } },
    campaigns: { type: 'array', items: { type: 'string' } },
    createdBy: { type: 'string' },
    createdAt: { type: 'string' },
    revokedAt: { type: ['string', 'null'] },
    revokedBy: { type: ['string', 'null'] },
    lastUsedAt: { type: ['string', 'null'] },
  },
} as const;
const createBody = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'scopes'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9._-]+$' },
    scopes: { type: 'array', minItems: 1, maxItems: SERVICE_SCOPES.length, items: { type: 'string', enum: [...SERVICE_SCOPES] } },
    campaigns: { type: 'array', maxItems: 50, items: { type: 'string', minLength: 1, maxLength: 40, pattern: SAFE_TEXT_PATTERN } },
  },
  examples: [{ name: 'crm', scopes: ['book', 'read_own'], campaigns: ['CB_MAIN'] }],
} as const;

export default async function serviceAccounts(app: FastifyInstance): Promise<void> {
  const ctx = app.services;
  const admin = { preHandler: app.requireAdmin };

  app.get('/admin/service-accounts', { ...admin, schema: { tags, summary: 'Service accounts (API keys never shown again)', description: 'Every service account with its scopes, campaigns and last use; the key itself is stored only as a hash.', response: { 200: { type: 'array', items: account, examples: [[{ id: '6d0f3c2a-1b4e-4f7a-8c9d-0e1f2a3b4c5d', name: 'crm', scopes: ['book', 'read_own'], campaigns: ['CB_MAIN'], createdBy: '9001', createdAt: '2026-11-24T09:00:00.000Z', revokedAt: null, revokedBy: null, lastUsedAt: '2026-11-24T11:42:10.000Z' }]] } } } }, async () => listAccounts(ctx));

  app.post<{ Body: { name: string; scopes: ServiceScope[]; campaigns?: string[] } }>(
    '/admin/service-accounts',
    {
      ...admin,
      schema: {
        tags,
        summary: 'Create a service account; the answer holds its API key (`Authorization: Bearer cm_…`), shown this once',
        description: 'Scopes: book (book callbacks on its campaigns, same rules as agents) and read_own (read and cancel what it booked). Audited; the key is never logged. See docs/service-accounts.md.',
        body: createBody,
        response: { 201: { type: 'object', properties: { account, key: { type: 'string', examples: ['cm_3q2-7wEv…'] } } } },
      },
    },
    async (req, reply) => reply.code(201).header('cache-control', 'no-store').send(await createServiceAccount(ctx, req.principal.id, { name: req.body.name, scopes: req.body.scopes, campaigns: req.body.campaigns ?? [] })),
  );

  app.post<{ Params: { id: string } }>(
    '/admin/service-accounts/:id/revoke',
    { ...admin, schema: { tags, summary: 'Revoke a service account: its key is refused from the next request on', description: 'Callbacks it booked stay as they are. Audited.', params: { type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: '^[0-9a-f-]{36}$' } } }, response: { 200: { ...account, examples: [{ ...{ id: '6d0f3c2a-1b4e-4f7a-8c9d-0e1f2a3b4c5d', name: 'crm', scopes: ['book', 'read_own'], campaigns: ['CB_MAIN'], createdBy: '9001', createdAt: '2026-11-24T09:00:00.000Z', revokedAt: null, revokedBy: null, lastUsedAt: '2026-11-24T11:42:10.000Z' }, revokedAt: '2026-11-25T08:00:00.000Z', revokedBy: '9001' }] } } } },
    async (req) => revokeAccount(ctx, req.principal.id, req.params.id),
  );
}
