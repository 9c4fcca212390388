// The simulator's own control API (not part of UCCX), for tests that run the simulator as a
// separate process (sim/uccx/main.ts with CM_SIM_CONTROL_PORT): make the admin API misbehave and
// stop, start or switch over the nodes of the HA pair. Listens on loopback only, without auth.
//   GET  /simulator                      → { fault, nodes: [{ url, running, master }] }
//   PUT  /simulator/fault                {"status":500} | {"hang":true} | {"delayMs":15000} | {} (behave)
//   POST /simulator/nodes/:index/stop | start | demote | promote
import Fastify, { type FastifyInstance } from 'fastify';
import type { Fault, UccxSim } from './index.ts';

const readFault = (body: unknown): Fault | Error => {
  const b = (body ?? {}) as Record<string, unknown>;
  if (Object.keys(b).length === 0) return null;
  if (typeof b.status === 'number' && b.status >= 400 && b.status <= 599) return { status: b.status };
  if (b.hang === true) return { hang: true };
  if (typeof b.delayMs === 'number' && b.delayMs >= 0) return { delayMs: b.delayMs };
  return new Error('expected {"status":4xx|5xx}, {"hang":true}, {"delayMs":n} or {}');
};

export async function startControlApi(sim: UccxSim, port: number, host = '127.0.0.1'): Promise<{ url: string; app: FastifyInstance }> {
  const app = Fastify({ logger: false, forceCloseConnections: true });
  const view = () => ({ fault: sim.fault, nodes: sim.nodes.map((n) => ({ url: n.url, running: n.running, master: n.isMaster })) });
  app.get('/simulator', async () => view());
  app.put('/simulator/fault', async (req, reply) => {
    const fault = readFault(req.body);
    if (fault instanceof Error) return reply.code(400).send({ error: fault.message });
    sim.setFault(fault);
    return view();
  });
  app.post<{ Params: { index: string; action: string } }>('/simulator/nodes/:index/:action', async (req, reply) => {
    const node = sim.nodes[Number(req.params.index)];
    if (!node) return reply.code(404).send({ error: `no node ${req.params.index}` });
    const actions: Record<string, () => unknown> = { stop: () => node.stop(), start: () => node.start(), demote: () => node.demote(), promote: () => node.promote() };
    const action = actions[req.params.action];
    if (!action) return reply.code(404).send({ error: `unknown action ${req.params.action}` });
    await action();
    return view();
  });
  const url = await app.listen({ port, host });
  return { url, app };
}
