// Library build of the Finesse gadget: one IIFE bundle with a stable name, gadget/dist/cb-gadget.js,
// loaded by gadget.xml from __UP_cmUrl__/gadget/cb-gadget.js. Prints the gzip size at the end.
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** Prints each emitted JS chunk's raw and gzip size (the bundle budget is watched from here). */
function gzipSizeReport(): Plugin {
  return {
    name: 'cb-gzip-size',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk') continue;
        const raw = Buffer.byteLength(file.code);
        const gz = gzipSync(file.code, { level: 9 }).length;
        console.log(`\n[gadget] ${file.fileName} — ${raw} bytes, gzip ${gz} bytes (${(gz / 1024).toFixed(1)} kB)`);
      }
    },
  };
}

export default defineConfig({
  root: here('.'),
  publicDir: false,
  logLevel: 'info',
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    minify: true,
    lib: {
      entry: here('./main.ts'),
      name: 'CallbackGadget',
      formats: ['iife'],
      fileName: () => 'cb-gadget.js',
    },
  },
  plugins: [gzipSizeReport()],
});
