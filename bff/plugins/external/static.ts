// Serves the built gadget bundle under /gadget/ and the gadget spec at /gadget.xml, so Finesse
// can add the gadget to a layout by absolute URL.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';

const root = fileURLToPath(new URL('../../../', import.meta.url));
export const GADGET_DIST = `${root}gadget/dist`;
export const GADGET_SPEC = `${root}gadget.xml`;
export const ADMIN_SPEC = `${root}gadget/admin/admin.xml`;

/** The gadget spec with this Campaign Manager's public URL as the cmUrl preference's default. */
export function gadgetSpec(publicUrl: string): string {
  return readFileSync(GADGET_SPEC, 'utf8').replace(/(<UserPref name="cmUrl"[^>]*default_value=")[^"]*"/, `$1${publicUrl.replace(/"/g, '')}"`);
}

/** The standalone admin page: the admin bundle and its root element, no inline script (CSP). */
export function adminPage(publicUrl: string): string {
  const url = publicUrl.replace(/"/g, '');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Callback Campaign Manager — administration</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><script src="${url}/gadget/cb-admin.js"></script></head>
<body><cb-admin cm-url="${url}"></cb-admin></body></html>`;
}

export default fp<{ publicUrl: string }>(async (app, { publicUrl }) => {
  if (existsSync(GADGET_DIST)) {
    await app.register(fastifyStatic, { root: GADGET_DIST, prefix: '/gadget/', decorateReply: false });
  }
  app.get('/admin/', { schema: { hide: true } }, async (_req, reply) => reply.type('text/html; charset=utf-8').send(adminPage(publicUrl)));
  app.get('/admin', { schema: { hide: true } }, async (_req, reply) => reply.redirect('/admin/'));
  app.get('/admin.xml', { schema: { hide: true } }, async (_req, reply) => {
    if (!existsSync(ADMIN_SPEC)) return reply.code(404).send({ error: 'not_found' });
    return reply.type('application/xml').send(readFileSync(ADMIN_SPEC, 'utf8').replace(/(<UserPref name="cmUrl"[^>]*default_value=")[^"]*"/, `$1${publicUrl.replace(/"/g, '')}"`));
  });
  app.get('/gadget.xml', { schema: { hide: true } }, async (_req, reply) => {
    if (!existsSync(GADGET_SPEC)) return reply.code(404).send({ error: 'not_found' });
    return reply.type('application/xml').send(gadgetSpec(publicUrl));
  });
}, { name: 'static-files' });
