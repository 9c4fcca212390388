// The OpenAPI document of the REST Callback API, built from the route schemas, shown at /docs.
import fp from 'fastify-plugin';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { SecuritySettings } from '../../../config/settings.ts';
import { opsGuard } from '../app/ops-access.ts';

export default fp<{ security: SecuritySettings }>(async (app, opts) => {
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Callback Campaign Manager API', version: '1.0.0', description: 'REST Callback API, admin API and IVR lookup for Cisco UCCX callbacks.' },
      components: {
        securitySchemes: {
          finesse: { type: 'http', scheme: 'basic', description: 'Finesse agent id and password (or Bearer token with X-Finesse-User under SSO)' },
          ivr: { type: 'http', scheme: 'basic', description: 'The IVR user of the Callback IVR script (CM_IVR_USER / CM_IVR_PASSWORD)' },
        },
      },
      security: [{ finesse: [] }],
    },
  });
  // Behind CM_EXPOSE_OPS (the admin's credentials otherwise); the auth plugin is there by request time.
  await app.register(fastifySwaggerUi, { routePrefix: '/docs', uiHooks: { preHandler: opsGuard(app, opts.security, false) } });
}, { name: 'swagger' });
