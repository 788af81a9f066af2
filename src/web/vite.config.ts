import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');

/**
 * Records the repository files the bundle was built from (dist/build-inputs.json), so that the
 * serve command can tell a stale build from a fresh one by their modification times.
 */
function recordInputs(): Plugin {
  return {
    name: 'orbitscope-record-inputs',
    generateBundle(_options, bundle) {
      const files = new Set<string>([resolve(here, 'app/index.html'), resolve(here, 'vite.config.ts')]);
      for (const out of Object.values(bundle)) {
        if (out.type !== 'chunk') continue;
        for (const id of out.moduleIds) if (id.startsWith(repo) && !id.includes('node_modules') && !id.includes('\0')) files.add(id.split('?')[0]);
      }
      this.emitFile({ type: 'asset', fileName: 'build-inputs.json', source: JSON.stringify({ builtAt: Date.now(), files: [...files].sort() }, null, 1) });
    },
  };
}

/** The explorer app: src/web/app -> src/web/dist, relative asset URLs, no network at run time. */
export default defineConfig({
  root: resolve(here, 'app'),
  base: './',
  logLevel: 'warn',
  publicDir: false,
  build: {
    outDir: resolve(here, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    // vega's bundle is large but loads from 127.0.0.1; no sourcemaps to keep dist small
    sourcemap: false,
  },
  plugins: [recordInputs()],
});
