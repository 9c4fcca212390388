// Rate limits. The IVR lookup's Basic credentials are the only guard on customer names by
// dialing-list id, so /ivr/v1/* is limited per client address (default 600 a minute, far above
// what a UCCX IVR's ports can ask: one lookup per answered call). 429 with Retry-After beyond it.
import fp from 'fastify-plugin';
import fastifyRateLimit from '@fastify/rate-limit';

export default fp<{ ivrPerMinute: number }>(async (app, { ivrPerMinute }) => {
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => Object.assign(new Error(`rate limit exceeded, retry in ${ctx.after}`), { statusCode: ctx.statusCode }),
  });
  const ivrLimit = app.rateLimit({ max: ivrPerMinute, timeWindow: 60_000, keyGenerator: (req) => `ivr:${req.ip}` });
  app.addHook('onRequest', async (req, reply) => {
    if (req.url.startsWith('/ivr/v1/')) await ivrLimit.call(app, req, reply);
  });
}, { name: 'rate-limit' });
