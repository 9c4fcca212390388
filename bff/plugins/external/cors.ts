// The gadget runs inside the Finesse desktop (another origin) and calls the BFF directly.
import fp from 'fastify-plugin';
import fastifyCors from '@fastify/cors';

export default fp(async (app) => {
  await app.register(fastifyCors, {
    origin: true,
    credentials: true,
    allowedHeaders: ['authorization', 'content-type', 'x-finesse-user'],
  });
}, { name: 'cors' });
