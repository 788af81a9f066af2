// The compiled CLI: esbuild bundles src/cli/main.ts and what it imports statically into
// dist/cli/<build>/main.js; every dynamic import() (one per command, see docs/cli.md) becomes a
// chunk of its own that loads only when that command runs. npm packages stay external, so they
// load from node_modules only when a chunk that uses them loads.
//
// A build records the size and mtime of every source file it read (esbuild's metafile) and the
// bin runs it only while they all still match: a changed or deleted source means a new build
// (about 0.2-0.5 s) before the command runs, so a stale build is never run (a new source matters
// only once a source imports it, and that source then changed). Builds go to their own folder
// and current.json is replaced by a rename, so processes started at the same moment never see
// half a build; a process already running keeps its folder for an hour (its lazy chunks load
// later).
//
// `node bin/cliBuild.mjs` (the package's `prepare` and `build` scripts) builds if stale.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist', 'cli');
const CURRENT = join(DIST, 'current.json');
const ENTRY = 'src/cli/main.ts';
// Files that shape a build without being its inputs: the bundler's options and package
// metadata (externals, "type"), and esbuild itself.
const SETTINGS = ['bin/cliBuild.mjs', 'package.json', 'tsconfig.json', 'node_modules/esbuild/package.json'];
// A replaced build is removed by a later build once this old: a process started on it may still
// load its chunks (commands import their lazy parts in their first seconds).
const KEEP_OLD_MS = 3600 * 1000;

/** "mtime:size" of a file under the package root, or null when it is missing. */
function stamp(rel) {
  const s = statSync(join(ROOT, rel), { throwIfNoEntry: false });
  return s ? `${s.mtimeMs}:${s.size}` : null;
}

/** Path of the current build's main.js when every file it was built from is unchanged, else null. */
export function freshBuild() {
  let current;
  try {
    current = JSON.parse(readFileSync(CURRENT, 'utf8'));
  } catch {
    return null;
  }
  for (const [rel, s] of Object.entries(current.stamps)) if (stamp(rel) !== s) return null;
  const main = join(DIST, current.dir, 'main.js');
  return existsSync(main) ? main : null;
}

/** Every file under dir (package-relative paths). */
function walk(rel, out = []) {
  for (const e of readdirSync(join(ROOT, rel), { withFileTypes: true })) {
    const p = `${rel}/${e.name}`;
    if (e.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

/** Build the CLI now; returns the path of the new main.js. Throws on a bundling error. */
export async function build() {
  const { build: esbuild } = await import('esbuild');
  // Stamp the sources before reading them: a file edited during the build then no longer
  // matches its recorded stamp, and the next start rebuilds.
  const before = new Map([...walk('src'), ...SETTINGS].map((rel) => [rel, stamp(rel)]));
  mkdirSync(DIST, { recursive: true });
  const dir = `b${Date.now().toString(36)}-${process.pid}`;
  const tmp = join(DIST, `.tmp-${dir}`);
  const result = await esbuild({
    absWorkingDir: ROOT,
    entryPoints: { main: ENTRY },
    outdir: tmp,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    chunkNames: 'chunks/[name]-[hash]',
    metafile: true,
    logLevel: 'silent',
  });
  const stamps = {};
  for (const rel of [...Object.keys(result.metafile.inputs), ...SETTINGS]) {
    const key = relative(ROOT, join(ROOT, rel)).split('\\').join('/');
    stamps[key] = before.has(key) ? before.get(key) : stamp(key);
  }
  // the metafile with output paths relative to the build folder ("main.js", "chunks/...")
  const outputs = Object.fromEntries(Object.entries(result.metafile.outputs).map(([out, o]) => [relative(tmp, join(ROOT, out)).split('\\').join('/'), o]));
  writeFileSync(join(tmp, 'meta.json'), JSON.stringify({ inputs: result.metafile.inputs, outputs }));
  renameSync(tmp, join(DIST, dir));
  const next = join(DIST, `.current-${dir}.json`);
  writeFileSync(next, JSON.stringify({ dir, stamps }));
  renameSync(next, CURRENT);
  prune(dir);
  return join(DIST, dir, 'main.js');
}

/** Remove builds other than `keep` that are older than KEEP_OLD_MS. */
function prune(keep) {
  const now = Date.now();
  for (const name of readdirSync(DIST)) {
    if (name === keep || name === 'current.json') continue;
    const p = join(DIST, name);
    const s = statSync(p, { throwIfNoEntry: false });
    if (s && now - s.mtimeMs > KEEP_OLD_MS) rmSync(p, { recursive: true, force: true });
  }
}

/** The main.js to run: the current build when fresh, otherwise a new one. */
export async function cliEntry() {
  return freshBuild() ?? (await build());
}

/** The file URL of main.js (for import()). */
export async function cliEntryUrl() {
  return pathToFileURL(await cliEntry()).href;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const main = await cliEntry();
    process.stdout.write(`orbitscope: CLI built in ${relative(ROOT, dirname(main))}\n`);
  } catch (e) {
    process.stderr.write(`orbitscope: building the CLI failed:\n${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  }
}
