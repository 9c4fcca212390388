// The slice of the Finesse REST API the Campaign Manager uses to verify agents:
// GET /finesse/api/User/{id}, XML, HTTP Basic (id:password) or Bearer (SSO) authentication.
// As on real Finesse an agent may read only himself; a supervisor may read the members of his team.
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { DEMO_PASSWORD, DEMO_USERS, findDemoUser, type DemoUser } from './users.ts';

/** SSO tokens the simulator accepts: "Bearer demo-token-<id>". */
export const demoBearerToken = (id: string): string => `demo-token-${id}`;

const escapeXml = (s: string): string =>
  s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] as string);

export function userXml(u: DemoUser): string {
  const roles = u.roles.map((r) => `<role>${r}</role>`).join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<User><uri>/finesse/api/User/${u.id}</uri><dialogs>/finesse/api/User/${u.id}/Dialogs</dialogs>` +
    `<extension>${u.extension}</extension><firstName>${escapeXml(u.firstName)}</firstName>` +
    `<lastName>${escapeXml(u.lastName)}</lastName><loginId>${u.id}</loginId><loginName>${u.id}</loginName>` +
    `<roles>${roles}</roles><state>NOT_READY</state><teamId>${u.teamId}</teamId>` +
    `<teamName>${escapeXml(u.teamName)}</teamName></User>`
  );
}

/** Who the Authorization header proves to be, or null. */
export function authenticate(header: string | undefined): DemoUser | null {
  if (!header) return null;
  const [scheme, value = ''] = header.split(' ');
  if (scheme === 'Basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const sep = decoded.indexOf(':');
    const user = findDemoUser(decoded.slice(0, sep));
    return user && decoded.slice(sep + 1) === DEMO_PASSWORD ? user : null;
  }
  if (scheme === 'Bearer') return DEMO_USERS.find((u) => demoBearerToken(u.id) === value) ?? null;
  return null;
}

const apiError = (reply: FastifyReply, status: number, type: string) =>
  reply
    .code(status)
    .type('application/xml')
    .send(`<ApiErrors><ApiError><ErrorType>${type}</ErrorType><ErrorMessage>${type}</ErrorMessage></ApiError></ApiErrors>`);

export const finesseUserApi = fp(async function finesseUserApi(app: FastifyInstance) {
  app.get<{ Params: { id: string } }>(
    '/finesse/api/User/:id',
    { schema: { params: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] } } },
    async (req, reply) => {
      const caller = authenticate(req.headers.authorization);
      if (!caller) return apiError(reply, 401, 'Unauthorized');
      const target = findDemoUser(req.params.id);
      if (!target) return apiError(reply, 404, 'Not Found');
      const mayRead =
        caller.id === target.id || (caller.roles.includes('Supervisor') && caller.teamId === target.teamId);
      if (!mayRead) return apiError(reply, 401, 'Unauthorized');
      return reply.type('application/xml').send(userXml(target));
    },
  );
});
