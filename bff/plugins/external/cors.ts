// The gadget runs inside the Finesse desktop (another origin) and calls the BFF directly. Only the
// configured Finesse origins (CM_FINESSE_URL's origin, CM_CORS_ORIGINS) and the BFF's own public
// origin may call it from a browser: credentials are Finesse credentials, and a page on any other
// origin must not be able to read or change callbacks with them.
import fp from 'fastify-plugin';
import fastifyCors from '@fastify/cors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export default fp<{ origins: readonly string[] }>(async (app, { origins }) => {
  const allowed = new Set(origins);
  await app.register(fastifyCors, {
    // A request without Origin (the IVR script, curl, server to server) is not a browser's: no CORS.
    origin: (origin, cb) => cb(null, origin ? allowed.has(origin) : false),
    credentials: true,
    allowedHeaders: ['authorization', 'content-type', 'x-finesse-user'],
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    maxAge: 600,
  });
  // CORS only hides answers; a "simple" cross-site POST (a form, or fetch in no-cors mode carrying
  // credentials the browser cached) would still run. Browsers always send Origin on those, so a
  // state change from a foreign origin is refused before it reaches a route.
  app.addHook('onRequest', async (req, reply) => {
    const origin = req.headers.origin;
    if (origin && !SAFE_METHODS.has(req.method) && !allowed.has(origin)) {
      return reply.code(403).send({ error: 'forbidden_origin', message: 'this origin may not call the Campaign Manager' });
    }
  });
}, { name: 'cors' });
