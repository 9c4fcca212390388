// The Finesse desktop of the simulator: a host page that signs a demo user in and loads the
// Callback Gadget the way the Finesse desktop does (spec fetched from the Campaign Manager,
// user preferences substituted, content rendered in an iframe on the Finesse origin), the
// finesse.js shim the gadget calls, and the server-sent events that present calls to the agent.
import { readFileSync } from 'node:fs';
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import type { CallHub, HubEvent, PresentedCall } from './call-hub.ts';
import { parseGadgetSpec, renderGadgetContent } from './gadget-spec.ts';

export interface FinesseHostOptions {
  /** Campaign Manager base URL: where the gadget spec (/gadget.xml) and the bundle live. */
  cmUrl: string;
  hub: CallHub;
}

const asset = (name: string): string => readFileSync(new URL(`./assets/${name}`, import.meta.url), 'utf8');
const ASSETS: Record<string, { file: string; type: string }> = {
  'js/finesse.js': { file: 'finesse.js', type: 'application/javascript; charset=utf-8' },
  'js/jquery.min.js': { file: 'jquery.min.js', type: 'application/javascript; charset=utf-8' },
  'host.js': { file: 'host.js', type: 'application/javascript; charset=utf-8' },
  'host.css': { file: 'host.css', type: 'text/css; charset=utf-8' },
};
const SAFE_URL = /^https?:\/\/[A-Za-z0-9.\-:[\]]+(\/[A-Za-z0-9._~\-/]*)?$/;

const callSchema = {
  type: 'object',
  required: ['callType', 'fromAddress'],
  properties: {
    callType: { enum: ['OUTBOUND', 'INBOUND', 'ACD_IN'] },
    fromAddress: { type: 'string', maxLength: 40 },
    dnis: { type: 'string', maxLength: 40 },
    callVariables: { type: 'object', additionalProperties: { type: 'string', maxLength: 200 } },
  },
} as const;

export const finesseHost = fp<FinesseHostOptions>(async function finesseHost(app: FastifyInstance, { cmUrl, hub }) {
  const base = cmUrl.replace(/\/+$/, '');
  const streams = new Set<() => void>();
  app.addHook('onClose', async () => {
    for (const end of [...streams]) end();
  });

  app.get('/desktop', async (_req, reply) => reply.redirect('/desktop/'));
  app.get('/desktop/', async (_req, reply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(asset('index.html').split('__CM_URL__').join(base)));
  app.get<{ Params: { '*': string } }>('/desktop/assets/*', async (req, reply) => {
    const a = ASSETS[req.params['*']];
    if (!a) return reply.code(404).send({ error: 'not_found' });
    return reply.type(a.type).header('cache-control', 'no-store').send(asset(a.file));
  });

  // The gadget container: GET /desktop/gadget?url=<spec>&up_<pref>=<value>, like Shindig's /gadgets/ifr.
  app.get<{ Querystring: Record<string, string> }>('/desktop/gadget', async (req, reply) => {
    const specUrl = req.query.url || `${base}/gadget.xml`;
    // Only the configured Campaign Manager's specs: the container is no open proxy.
    if (!SAFE_URL.test(specUrl) || !specUrl.startsWith(`${base}/`)) return reply.code(400).send({ error: 'bad_spec_url' });
    let xml: string;
    try {
      const res = await fetch(specUrl, { signal: AbortSignal.timeout(5000) });
      if (!res.ok) return reply.code(502).type('text/plain').send(`gadget spec ${specUrl}: HTTP ${res.status}`);
      xml = await res.text();
    } catch (e) {
      return reply.code(502).type('text/plain').send(`gadget spec ${specUrl} unreachable: ${(e as Error).message}`);
    }
    let spec;
    try {
      spec = parseGadgetSpec(xml);
    } catch (e) {
      return reply.code(502).type('text/plain').send((e as Error).message);
    }
    if (!spec.features.includes('pubsub-2')) return reply.code(502).type('text/plain').send('gadget spec must require the pubsub-2 feature');
    const values: Record<string, string> = { cmUrl: base };
    for (const [k, v] of Object.entries(req.query)) if (k.startsWith('up_') && SAFE_URL.test(v)) values[k.slice(3)] = v;
    const title = spec.title.replace(/[<>&"]/g, '');
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${renderGadgetContent(spec, values)}</body></html>`;
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
  });

  // Server-sent events: the calls presented at one agent (current ones first).
  app.get<{ Params: { id: string } }>('/desktop/events/:id', (req, reply) => {
    const agentId = req.params.id;
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    const send = (e: HubEvent) => res.write(`event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`);
    res.write(': connected\n\n');
    for (const dialog of hub.active(agentId)) send({ type: 'call', dialog });
    const stop = hub.listen(agentId, send);
    const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
    const close = () => {
      clearInterval(ping);
      stop();
      streams.delete(end);
    };
    const end = () => {
      close();
      res.end();
    };
    streams.add(end);
    req.raw.on('close', close);
  });

  // Controls of the host page (and of tests): present a call, end one or all calls.
  app.post<{ Params: { id: string }; Body: PresentedCall }>('/desktop/api/calls/:id', { schema: { body: callSchema } }, async (req, reply) => {
    const dialog = hub.present(req.params.id, { ...req.body, callVariables: req.body.callVariables ?? {} });
    return reply.code(201).send(dialog);
  });
  app.get<{ Params: { id: string } }>('/desktop/api/calls/:id', async (req) => hub.active(req.params.id));
  app.delete<{ Params: { id: string; dialogId?: string } }>('/desktop/api/calls/:id/:dialogId?', async (req) => ({ ended: hub.end(req.params.id, req.params.dialogId) }));
});
