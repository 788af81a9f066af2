import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../../core/errors.js';
import { packageRoot } from '../../core/packageRoot.js';

// from the package root, not this module: the CLI runs this code from a bundle in dist/cli/
const webDir = join(packageRoot(), 'src', 'web');

/** Where the built explorer lives (gitignored): src/web/dist. */
export const APP_DIST = join(webDir, 'dist');
/** The Vite config of the explorer. */
export const APP_CONFIG = join(webDir, 'vite.config.ts');

/**
 * Why the built app must be rebuilt, or null when it is fresh: dist/index.html or
 * dist/build-inputs.json missing, or a recorded input (or any file the config names) newer than
 * the build or gone.
 */
export async function staleReason(dist = APP_DIST): Promise<string | null> {
  let manifest: { builtAt: number; files: string[] };
  try {
    await stat(join(dist, 'index.html'));
    manifest = JSON.parse(await readFile(join(dist, 'build-inputs.json'), 'utf8'));
  } catch {
    return 'no build yet';
  }
  for (const f of manifest.files) {
    const s = await stat(f).catch(() => null);
    if (!s) return `${f} is gone`;
    if (s.mtimeMs > manifest.builtAt) return `${f} changed`;
  }
  return null;
}

/**
 * Build the explorer with Vite's programmatic build() when dist is missing or stale (or always
 * with force); returns whether it built and how long it took in milliseconds.
 */
export async function ensureAppBuilt(options: { force?: boolean; log?: (line: string) => void } = {}): Promise<{ dir: string; built: boolean; ms: number }> {
  const reason = options.force ? 'forced' : await staleReason();
  if (reason === null) return { dir: APP_DIST, built: false, ms: 0 };
  options.log?.(`building the explorer (${reason}) ...`);
  const t0 = performance.now();
  let vite: typeof import('vite');
  try {
    vite = await import('vite');
  } catch {
    throw new UserError('the explorer is not built and Vite is not installed; run `npm ci` (with dev dependencies) or `npm run build:web`');
  }
  await vite.build({ configFile: APP_CONFIG, logLevel: 'warn' });
  return { dir: APP_DIST, built: true, ms: performance.now() - t0 };
}
