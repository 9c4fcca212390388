// Security headers on every answer (@fastify/helmet). The gadget runs inside the Finesse desktop:
// Finesse renders the gadget spec on its own origin and loads our bundle cross-origin, so
// - Cross-Origin-Resource-Policy is "cross-origin" (else the browser blocks /gadget/cb-gadget.js);
// - frame-ancestors names the Finesse origins (our pages may be framed there, nowhere else), and
//   X-Frame-Options is left out because it cannot name another origin;
// - scripts come from this origin only; no upgrade-insecure-requests, so the http demo still works.
// The headers do not depend on the request (no CSP nonces), yet @fastify/helmet builds helmet's
// middleware again on every request (CSP parsed, ~4 % of a small route's CPU). So helmet computes
// them once, at startup, on a probe instance, and every request gets that fixed set.
import fp from 'fastify-plugin';
import Fastify from 'fastify';
import fastifyHelmet, { type FastifyHelmetOptions } from '@fastify/helmet';

function helmetOptions(finesseOrigins: string[]): FastifyHelmetOptions {
  return {
    global: true,
    frameguard: false,
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        // Swagger UI and Lit's fallback for browsers without constructable stylesheets set inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'self'", ...finesseOrigins],
      },
    },
  };
}

/** The headers helmet adds with these options: a probe route with helmet against one without. */
export async function securityHeaders(finesseOrigins: string[]): Promise<Array<[string, string]>> {
  const probe = Fastify({ logger: false });
  await probe.register(fastifyHelmet, helmetOptions(finesseOrigins));
  probe.get('/with', async () => '');
  probe.get('/without', { helmet: false }, async () => '');
  const [withHelmet, without] = [await probe.inject('/with'), await probe.inject('/without')];
  await probe.close();
  return Object.entries(withHelmet.headers)
    .filter(([name, value]) => without.headers[name] === undefined && value !== undefined)
    .map(([name, value]) => [name, String(value)]);
}

export default fp<{ finesseOrigins: string[] }>(async (app, { finesseOrigins }) => {
  const headers = await securityHeaders(finesseOrigins);
  // On the raw response, as helmet's middleware sets them (a route may still override one).
  app.addHook('onRequest', (_req, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
}, { name: 'helmet' });
