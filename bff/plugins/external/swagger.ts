// The OpenAPI document of the REST Callback API, built from the route schemas, shown at /docs.
import fp from 'fastify-plugin';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';

export default fp(async (app) => {
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
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
}, { name: 'swagger' });
