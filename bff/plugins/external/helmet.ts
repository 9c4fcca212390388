// Security headers on every answer (@fastify/helmet). The gadget runs inside the Finesse desktop:
// Finesse renders the gadget spec on its own origin and loads our bundle cross-origin, so
// - Cross-Origin-Resource-Policy is "cross-origin" (else the browser blocks /gadget/cb-gadget.js);
// - frame-ancestors names the Finesse origins (our pages may be framed there, nowhere else), and
//   X-Frame-Options is left out because it cannot name another origin;
// - scripts come from this origin only; no upgrade-insecure-requests, so the http demo still works.
import fp from 'fastify-plugin';
import fastifyHelmet from '@fastify/helmet';

export default fp<{ finesseOrigins: string[] }>(async (app, { finesseOrigins }) => {
  await app.register(fastifyHelmet, {
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
  });
}, { name: 'helmet' });
