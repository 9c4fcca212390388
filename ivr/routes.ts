// The Callback IVR script's two calls (Make REST Call steps), both with the IVR user's Basic auth:
// GET /ivr/v1/lookup (read-only: what to do with the answered call) and POST /ivr/v1/events (what
// happened on it). JSON by default, flat XML on Accept: application/xml or ?format=xml.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config/settings.ts';
import { flatXml, lookupCallback, lookupXml } from './lookup.ts';
import { applyIvrEvent, IVR_EVENTS, type IvrEventRequest } from './events.ts';

/** The IVR user's whole Authorization header, built once (a plain password: no hash per request). */
const expectedHeader = (config: Config) => Buffer.from(`Basic ${Buffer.from(`${config.ivr.user}:${config.ivr.password}`).toString('base64')}`);

export function isIvrUser(req: FastifyRequest, config: Config, expected = expectedHeader(config)): boolean {
  // Constant time in the header's content (its length is not a secret worth hiding).
  const given = Buffer.from(req.headers.authorization ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Printable text only: no control characters reach the database or the logs. */
const text = (maxLength: number) => ({ type: 'string', maxLength, pattern: '^[^\\u0000-\\u001f\\u007f]*$' }) as const;
const nullable = (type: string) => ({ type: [type, 'null'] }) as const;

const answerProperties = {
  found: { type: 'boolean' },
  action: { type: 'string', enum: ['queue', 'apologise_and_end'] },
  callbackId: nullable('integer'),
  status: nullable('string'),
  reason: nullable('string'),
  target: { type: 'string', enum: ['agent', 'skill', 'script', 'none'] },
  agentId: nullable('string'),
  skill: nullable('string'),
  csq: { type: 'string' },
  script: nullable('string'),
  firstName: nullable('string'),
  lastName: nullable('string'),
  bookedByName: nullable('string'),
  campaign: nullable('string'),
  agentWaitSeconds: { type: 'integer' },
} as const;

const wantsXml = (req: FastifyRequest, format: string | undefined) => format === 'xml' || (!format && (req.headers.accept ?? '').includes('application/xml'));
const sendXml = (reply: FastifyReply, xml: string) => reply.type('application/xml').serializer((s: string) => s).send(xml);

export async function ivrRoutes(app: FastifyInstance, opts: { config: Config }): Promise<void> {
  const { config } = opts;
  const expected = expectedHeader(config);
  app.addHook('onRequest', async (req, reply) => {
    if (isIvrUser(req, config, expected)) return;
    // The lookup logs at warn only (below): a refused IVR login must still be seen.
    req.log.warn({ route: req.routeOptions.url }, 'IVR credentials refused');
    return reply.code(401).header('www-authenticate', 'Basic realm="IVR"').send();
  });

  app.get<{ Querystring: { accountNumber?: string; dialingListId?: number; phone?: string; campaign?: string; format?: 'json' | 'xml' } }>(
    '/lookup',
    {
      // One per answered call, thousands a second at peak: no access log lines for each (the
      // metrics count them per status); warnings and errors are still logged.
      logLevel: 'warn',
      schema: {
        tags: ['ivr'],
        summary: 'What to do with an answered callback call (read-only)',
        security: [{ ivr: [] }],
        querystring: {
          type: 'object',
          properties: {
            accountNumber: text(25),
            dialingListId: { type: 'integer' },
            phone: text(40),
            campaign: text(40),
            format: { type: 'string', enum: ['json', 'xml'] },
          },
        },
        response: { 200: { type: 'object', properties: answerProperties } },
      },
    },
    async (req, reply) => {
      const { format, ...key } = req.query;
      const answer = await lookupCallback(app.services, key, { defaultCsq: config.ivr.defaultCsq });
      return wantsXml(req, format) ? sendXml(reply, lookupXml(answer)) : answer;
    },
  );

  app.post<{ Body: IvrEventRequest; Querystring: { format?: 'json' | 'xml' } }>(
    '/events',
    {
      schema: {
        tags: ['ivr'],
        summary: 'What happened on the call: answered, confirmed, not_confirmed, routed, abandoned',
        security: [{ ivr: [] }],
        querystring: { type: 'object', properties: { format: { type: 'string', enum: ['json', 'xml'] } } },
        body: {
          type: 'object',
          required: ['event'],
          additionalProperties: false,
          properties: {
            callbackId: { type: 'integer', minimum: 1 },
            accountNumber: text(25),
            dialingListId: { type: 'integer' },
            campaign: text(40),
            event: { type: 'string', enum: [...IVR_EVENTS] },
            target: { type: 'string', enum: ['agent', 'skill', 'csq', 'script'] },
            agentId: text(50),
            csq: text(50),
            script: text(100),
          },
        },
      },
    },
    async (req, reply) => {
      const result = await applyIvrEvent(app.services, req.body);
      const body = result.ok
        ? { callbackId: result.callbackId, event: result.event, status: result.status, applied: result.applied }
        : result.httpStatus === 404
          ? { code: result.code, message: 'no callback with that key in that campaign' }
          : { code: result.code, message: `event ${result.event} is not accepted while the callback is ${result.status}`, callbackId: result.callbackId, event: result.event, status: result.status };
      reply.code(result.ok ? 200 : result.httpStatus);
      return wantsXml(req, req.query.format) ? sendXml(reply, flatXml(result.ok ? 'event' : 'error', body)) : body;
    },
  );
}
