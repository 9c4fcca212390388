// After `tsc -p tsconfig.build.json`: the files the compiled server reads at run time besides its
// JavaScript (the GraphQL schema, the gadget spec and bundle, seeds, the worker boot file, the
// desktop simulator's assets), at the same relative places under dist/.
import { cpSync, existsSync } from 'node:fs';

const ASSETS = ['bff/graphql/schema.graphql', 'gadget.xml', 'gadget/admin/admin.xml', 'gadget/dist', 'db/seed', 'jobs/workers/boot.mjs', 'sim/finesse/assets'];
for (const path of ASSETS) {
  if (!existsSync(path)) throw new Error(`build: ${path} is missing (run npm run build:gadget first?)`);
  cpSync(path, `dist/${path}`, { recursive: true });
}
console.log(`build: dist/ ready (${ASSETS.length} asset paths copied); start with: node dist/bff/server.js`);
