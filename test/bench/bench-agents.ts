// Twenty agents booking at once need twenty Finesse identities; the demo simulator knows six.
// This stand-in answers GET /finesse/api/User/{id} in the simulator's own XML (userXml) for the
// demo users plus agents 3001…3020 of Team A, password "demo", so every connection of the
// booking load proves a different agent exactly as Finesse would.
import Fastify from 'fastify';
import { userXml } from '../../sim/finesse/user-api.ts';
import { DEMO_PASSWORD, findDemoUser, type DemoUser } from '../../sim/finesse/users.ts';

export const BENCH_AGENT_COUNT = 20;
export const benchAgentId = (i: number) => String(3001 + (i % BENCH_AGENT_COUNT));

function benchUser(id: string): DemoUser | undefined {
  const n = Number(id);
  if (n >= 3001 && n < 3001 + BENCH_AGENT_COUNT) {
    return { id, firstName: 'Bench', lastName: `Agent ${id}`, roles: ['Agent'], teamId: '1', teamName: 'Team A', extension: `100${id}` };
  }
  return findDemoUser(id);
}

export async function startBenchFinesse(): Promise<{ url: string; close(): Promise<void> }> {
  const app = Fastify();
  app.get<{ Params: { id: string } }>('/finesse/api/User/:id', async (req, reply) => {
    const [scheme, value = ''] = (req.headers.authorization ?? '').split(' ');
    const [id, password] = Buffer.from(value, 'base64').toString('utf8').split(':');
    const caller = scheme === 'Basic' ? benchUser(id) : undefined;
    // Like Finesse: the password proves the caller, and an agent reads only himself.
    if (!caller || password !== DEMO_PASSWORD || caller.id !== req.params.id) return reply.code(401).type('application/xml').send('<ApiErrors/>');
    return reply.type('application/xml').send(userXml(caller));
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url, close: () => app.close() };
}
