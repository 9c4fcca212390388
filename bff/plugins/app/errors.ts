// Turns the services' errors into the API's answers. Every 4xx carries one of ERROR_CODES (listed
// in docs/security.md); anything unexpected is a 500 "internal_error" whose detail stays in the log.
import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BadRequest, ConfigInvalid, DuplicateCallback, Forbidden, InUse, InvalidState, NotFound, ValidationFailed } from '../../services/errors.ts';
import { INVALID_CHARACTERS, SAFE_MULTILINE_PATTERN, SAFE_TEXT_PATTERN, containsUnsafeText, isSafeText } from '../../../domain/text.ts';
import { duplicateAnswer } from '../../services/access.ts';

/** The `error` of every REST answer ≥ 400 (docs/security.md explains each). */
export const ERROR_CODES = [
  'bad_request',
  'invalid_characters',
  'unauthorized',
  'too_many_failed_logins',
  'forbidden',
  'forbidden_origin',
  'not_found',
  'method_not_allowed',
  'uri_too_long',
  'duplicate',
  'invalid_state',
  'in_use',
  'invalid_configuration',
  'payload_too_large',
  'unsupported_media_type',
  'validation_failed',
  'rate_limited',
  'internal_error',
  'finesse_unavailable',
  'uccx_unavailable',
] as const;

const BY_STATUS: Record<number, (typeof ERROR_CODES)[number]> = {
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  414: 'uri_too_long',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

type AjvError = { keyword?: string; params?: { pattern?: string } };

/** A query-string or path value with a control or bidi character (the body is checked by its schema). */
function unsafeInput(req: FastifyRequest): boolean {
  const values = (v: unknown): unknown[] => (v && typeof v === 'object' ? Object.values(v).flatMap(values) : [v]);
  return [...values(req.query), ...values(req.params)].some((v) => typeof v === 'string' && !isSafeText(v));
}

export const invalidCharacters = (reply: FastifyReply, where: string) =>
  reply.code(400).send({ error: INVALID_CHARACTERS, message: `${where} holds a control or bidi-override character` });

/** Server option `frameworkErrors`: the router's refusals (a malformed URL, an overlong parameter) before any hook runs. */
export function frameworkErrors(err: Error & { statusCode?: number }, _req: FastifyRequest, reply: FastifyReply): void {
  const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 400;
  void reply.code(status).send({ error: BY_STATUS[status] ?? 'bad_request', message: err.message.slice(0, 200) });
}

export default fp(async (app) => {
  // Before authentication, so the check costs nothing and holds for every route.
  app.addHook('onRequest', async (req, reply) => {
    if (unsafeInput(req)) return invalidCharacters(reply, 'the query string or path');
  });

  // Every JSON body too, whatever its route's schema says (GraphQL documents have their own rules:
  // their whitespace includes line breaks).
  app.addHook('preValidation', async (req, reply) => {
    if (req.body == null || req.url === '/graphql' || req.url.startsWith('/graphql?')) return;
    if (containsUnsafeText(req.body)) return invalidCharacters(reply, 'a text field');
  });

  // 4xx refusals made outside this handler (an empty IVR 401, a CORS preflight's text)
  // still answer JSON with a documented code.
  app.addHook('onSend', async (req, reply, payload) => {
    if (reply.statusCode < 400 || reply.statusCode >= 500 || req.method === 'HEAD' || !(payload == null || typeof payload === 'string' || Buffer.isBuffer(payload))) return payload;
    const text = payload == null ? '' : String(payload);
    let parsed: { error?: unknown; errors?: unknown; message?: unknown } | null = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* plain text */
    }
    // Answers that already name a code in their own shape (REST error, GraphQL errors, the IVR's code, XML) stay.
    const named = (v: unknown) => typeof v === 'string' && /^[a-z_]+$/.test(v);
    if (parsed && (Array.isArray(parsed.errors) || named(parsed.error) || named((parsed as { code?: unknown }).code))) return payload;
    if (!parsed && /xml/.test(String(reply.getHeader('content-type') ?? ''))) return payload;
    const code = BY_STATUS[reply.statusCode] ?? 'bad_request';
    const message = typeof parsed?.message === 'string' ? parsed.message : text;
    reply.type('application/json; charset=utf-8');
    return JSON.stringify(message ? { error: code, message: message.slice(0, 200) } : { error: code });
  });

  app.setNotFoundHandler((req, reply) => reply.code(404).send({ error: 'not_found', message: `no route ${req.method} ${req.routeOptions.url ?? ''}`.trim() }));

  app.setErrorHandler((err, req, reply) => {
    if (err instanceof ConfigInvalid) return reply.code(422).send({ error: 'invalid_configuration', errors: err.errors });
    if (err instanceof InUse) return reply.code(409).send({ error: 'in_use', errors: err.errors });
    if (err instanceof ValidationFailed) return reply.code(422).send({ error: 'validation_failed', violations: err.violations });
    if (err instanceof DuplicateCallback) return reply.code(409).send({ error: 'duplicate', ...duplicateAnswer(req.principal, err.existing, err.owner) });
    if (err instanceof NotFound) return reply.code(404).send({ error: 'not_found', message: err.message });
    if (err instanceof InvalidState) return reply.code(409).send({ error: 'invalid_state', state: err.state, message: err.message });
    if (err instanceof BadRequest) return reply.code(400).send({ error: 'bad_request', message: `${err.field}: ${err.message}` });
    if (err instanceof Forbidden) return reply.code(403).send({ error: 'forbidden', message: err.message });
    const e = err as { validation?: AjvError[]; statusCode?: number; message: string; extensions?: { code?: string } };
    // GraphQL refusals raised before mercurius answers (authentication in its context) keep the GraphQL shape.
    if (e.extensions?.code && e.statusCode && e.statusCode >= 400 && e.statusCode < 600) {
      return reply.code(e.statusCode).send({ data: null, errors: [{ message: e.message, extensions: { code: e.extensions.code } }] });
    }
    if (e.validation) {
      if (e.validation.some((v) => v.keyword === 'pattern' && (v.params?.pattern === SAFE_TEXT_PATTERN || v.params?.pattern === SAFE_MULTILINE_PATTERN))) return invalidCharacters(reply, 'a text field');
      return reply.code(400).send({ error: 'bad_request', message: e.message });
    }
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
      return reply.code(e.statusCode).send({ error: BY_STATUS[e.statusCode] ?? 'bad_request', message: e.message });
    }
    req.log.error({ err }, 'request failed');
    return reply.code(500).send({ error: 'internal_error' });
  });
}, { name: 'errors' });
