// Turns the services' errors into the API's answers; everything else stays a 500.
import fp from 'fastify-plugin';
import { BadRequest, ConfigInvalid, DuplicateCallback, Forbidden, InUse, InvalidState, NotFound, ValidationFailed } from '../../services/errors.ts';

export default fp(async (app) => {
  app.setErrorHandler((err, req, reply) => {
    if (err instanceof ConfigInvalid) return reply.code(422).send({ error: 'invalid_configuration', errors: err.errors });
    if (err instanceof InUse) return reply.code(409).send({ error: 'in_use', errors: err.errors });
    if (err instanceof ValidationFailed) return reply.code(422).send({ error: 'validation_failed', violations: err.violations });
    if (err instanceof DuplicateCallback) return reply.code(409).send({ error: 'duplicate', existing: err.existing });
    if (err instanceof NotFound) return reply.code(404).send({ error: 'not_found', message: err.message });
    if (err instanceof InvalidState) return reply.code(409).send({ error: 'invalid_state', state: err.state, message: err.message });
    if (err instanceof BadRequest) return reply.code(400).send({ error: 'bad_request', message: `${err.field}: ${err.message}` });
    if (err instanceof Forbidden) return reply.code(403).send({ error: 'forbidden', message: err.message });
    const e = err as { validation?: unknown; statusCode?: number; message: string };
    if (e.validation) return reply.code(400).send({ error: 'bad_request', message: e.message });
    if (e.statusCode && e.statusCode < 500) return reply.code(e.statusCode).send({ error: 'bad_request', message: e.message });
    req.log.error({ err }, 'request failed');
    return reply.code(500).send({ error: 'internal_error' });
  });
}, { name: 'errors' });
