// GET /ivr/v1/lookup: called by the Callback IVR script's Make REST Call step (Basic auth with the
// IVR user from configuration; JSON by default, flat XML on Accept: application/xml or ?format=xml).
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config/settings.ts';
import { lookupCallback, lookupXml } from './lookup.ts';

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export function isIvrUser(req: FastifyRequest, config: Config): boolean {
  const [scheme, value = ''] = (req.headers.authorization ?? '').split(' ');
  if (scheme !== 'Basic') return false;
  const expected = Buffer.from(`${config.ivr.user}:${config.ivr.password}`).toString('base64');
  return same(value, expected);
}

const answerProperties = {
  found: { type: 'boolean' },
  callbackId: { type: ['integer', 'null'] },
  target: { type: 'string', enum: ['agent', 'skill', 'script'] },
  agentId: { type: ['string', 'null'] },
  skill: { type: ['string', 'null'] },
  csq: { type: 'string' },
  script: { type: ['string', 'null'] },
  firstName: { type: ['string', 'null'] },
  lastName: { type: ['string', 'null'] },
  agentWaitSeconds: { type: 'integer' },
} as const;

export async function ivrRoutes(app: FastifyInstance, opts: { config: Config }): Promise<void> {
  const { config } = opts;
  app.get<{ Querystring: { accountNumber?: string; dialingListId?: number; phone?: string; format?: 'json' | 'xml' } }>(
    '/lookup',
    {
      schema: {
        tags: ['ivr'],
        summary: 'Where to route an answered callback call',
        security: [{ ivr: [] }],
        querystring: {
          type: 'object',
          properties: {
            accountNumber: { type: 'string', maxLength: 25 },
            dialingListId: { type: 'integer' },
            phone: { type: 'string', maxLength: 40 },
            format: { type: 'string', enum: ['json', 'xml'] },
          },
        },
        response: { 200: { type: 'object', properties: answerProperties } },
      },
    },
    async (req, reply) => {
      if (!isIvrUser(req, config)) return reply.code(401).header('www-authenticate', 'Basic realm="IVR"').send();
      const { format, ...key } = req.query;
      const answer = await lookupCallback(app.services, key, { defaultCsq: config.ivr.defaultCsq });
      const wantsXml = format === 'xml' || (!format && (req.headers.accept ?? '').includes('application/xml'));
      if (wantsXml) return reply.type('application/xml').serializer((s: string) => s).send(lookupXml(answer));
      return answer;
    },
  );
}
