// Worker-thread entry for Bree: Node's Worker cannot start a .ts file and does not inherit
// tsx's --import hook, so for TypeScript (the development start) this plain module registers tsx
// first. The compiled build (npm run build) starts .js workers and never loads tsx, which a
// production install (npm ci --omit=dev) does not have.
import { workerData } from 'node:worker_threads';

if (workerData.script.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(workerData.script);
