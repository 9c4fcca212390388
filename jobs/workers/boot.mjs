// Worker-thread entry for Bree: Node's Worker cannot start a .ts file and does not inherit
// tsx's --import hook, so this plain module registers tsx and imports the job's TypeScript worker.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.script);
