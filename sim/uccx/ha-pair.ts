// The admin API nodes of a UCCX HA pair over one shared state (in UCCX the two nodes replicate
// their configuration database; here they simply share it). Exactly one node is master: a stopped
// master hands mastership to the other node (UCCX fails over), demote() switches it by hand.
import type { FastifyInstance } from 'fastify';
import type { AdminApiNode } from './admin-api.ts';

export interface SimNode {
  /** Stable across stop()/start(): the node listens on the same port again. */
  readonly url: string;
  readonly running: boolean;
  readonly isMaster: boolean;
  /** Closes the listener (connections are refused); a master's role passes to the other node. */
  stop(): Promise<void>;
  /** Listens again on the same port, as standby when the other node is master. */
  start(): Promise<void>;
  /** Makes this node the standby and the other one the master (a switch-over). */
  demote(): void;
  /** Makes this node the master and the other one the standby. */
  promote(): void;
}

export async function startHaNodes(ports: number[], host: string, build: (node: AdminApiNode) => FastifyInstance): Promise<SimNode[]> {
  let master = 0;
  const nodes: SimNode[] = [];
  for (let index = 0; index < ports.length; index++) {
    let app: FastifyInstance | null = null;
    let url = '';
    let port = ports[index] as number;
    const api: AdminApiNode = { baseUrl: () => url, isMaster: () => master === index };
    const listen = async () => {
      app = build(api);
      url = await app.listen({ port, host });
      port = Number(new URL(url).port);
    };
    await listen();
    const other = () => (ports.length > 1 ? (index + 1) % ports.length : index);
    nodes.push({
      get url() {
        return url;
      },
      get running() {
        return app !== null;
      },
      get isMaster() {
        return master === index;
      },
      stop: async () => {
        const closing = app;
        app = null;
        if (master === index && nodes[other()]?.running) master = other();
        await closing?.close();
      },
      start: async () => {
        if (app) return;
        await listen();
        if (!nodes[other()]?.running) master = index;
      },
      demote: () => void (master === index && (master = other())),
      promote: () => void (master = index),
    });
  }
  return nodes;
}
