// The admin view's bundle (gadget/dist/cb-admin.js, IIFE window.CallbackAdmin), built next to the
// agent gadget's (npm run build:gadget builds both), served by the BFF under /gadget/.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('.'),
  publicDir: false,
  logLevel: 'info',
  build: {
    outDir: here('./dist'),
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: false,
    minify: true,
    lib: { entry: here('./admin/main.ts'), name: 'CallbackAdmin', formats: ['iife'], fileName: () => 'cb-admin.js' },
  },
});
