// The bin as users run it: compiled JavaScript that is rebuilt whenever a source changed, and
// commands that load only what they use (issue 20). Every check runs the real bin script in a
// fresh process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PNG } from 'pngjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TRACER = pathToFileURL(join(ROOT, 'test/cli/support/loadTrace.mjs')).href;

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'orbitscope-startup-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function bin(root: string, args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [...(env.ORBITSCOPE_LOAD_TRACE ? ['--import', TRACER] : []), join(root, 'bin/orbitscope.mjs'), ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
}

interface Loaded {
  /** Source files (package-relative) whose compiled code the process loaded. */
  sources: Set<string>;
  /** Files the process loaded from node_modules (package-relative). */
  packages: Set<string>;
}

let traces = 0;

/** Run the bin with the load tracer; which sources and packages did it load? */
function traced(args: string[]): Loaded & { status: number | null; stdout: string; stderr: string } {
  const trace = join(dir, `trace-${++traces}.txt`);
  const r = bin(ROOT, args, { ORBITSCOPE_LOAD_TRACE: trace });
  const files = readFileSync(trace, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const p = l.slice(4);
      return relative(ROOT, p.startsWith('file:') ? fileURLToPath(p) : p);
    });
  // the build that ran: its metafile maps each chunk to the sources bundled into it
  const current = JSON.parse(readFileSync(join(ROOT, 'dist/cli/current.json'), 'utf8')) as { dir: string };
  const meta = JSON.parse(readFileSync(join(ROOT, 'dist/cli', current.dir, 'meta.json'), 'utf8')) as { outputs: Record<string, { inputs: Record<string, unknown> }> };
  const sources = new Set<string>();
  for (const f of files) for (const i of Object.keys(meta.outputs[relative(join('dist/cli', current.dir), f)]?.inputs ?? {})) sources.add(i);
  expect(files.some((f) => f.startsWith(`dist/cli/${current.dir}/`))).toBe(true);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, sources, packages: new Set(files.filter((f) => f.startsWith('node_modules/'))) };
}

const HEAVY = ['onnxruntime-node', 'onnxruntime-common', 'onnx-proto', 'vega', 'vega-lite', 'sharp'];
const heavyLoaded = (l: Loaded) => [...l.packages].filter((f) => HEAVY.some((h) => f.startsWith(`node_modules/${h}/`)));

describe('orbitscope loads only what a command uses', () => {
  // build first if a source changed, so that the traced runs load no bundler
  beforeAll(() => expect(spawnSync(process.execPath, [join(ROOT, 'bin/cliBuild.mjs')]).status).toBe(0));

  it('--help loads no command module (src/cli/commands/) and no package besides commander', () => {
    const l = traced(['--help']);
    expect(l.status).toBe(0);
    expect(l.stdout).toMatch(/Usage: orbitscope/);
    expect(l.sources.has('src/cli/registrars/group.ts')).toBe(true);
    expect([...l.sources].filter((s) => s.startsWith('src/cli/commands/'))).toEqual([]);
    expect([...l.packages].filter((f) => !f.startsWith('node_modules/commander/'))).toEqual([]);
  });

  it('group, count and a finite orbit load neither ONNX Runtime, Vega nor sharp, and no other command', () => {
    const png = join(dir, 'small.png');
    const image = new PNG({ width: 6, height: 6 });
    for (let i = 0; i < 36; i++) image.data.set([(i * 53) % 256, (i * 53) % 256, (i * 53) % 256, 255], 4 * i);
    writeFileSync(png, PNG.sync.write(image));
    const cases: [string, string[], RegExp][] = [
      ['group', ['group', '--gens', '(1,2,3)', '--gens', '(1,2)', '--json'], /"order":"6"/],
      ['count', ['count', '--size', '3', '--colors', '2', '--group', 'd4', '--json'], /"orbits":"102"/],
      ['orbit', ['orbit', '--image', png, '--group', 'p4m', '--json'], /"groupOrder":"288"/],
    ];
    for (const [name, args, answer] of cases) {
      const l = traced(args);
      expect(l.status, `${name}: ${l.stderr}`).toBe(0);
      expect(l.stdout).toMatch(answer);
      expect(heavyLoaded(l), name).toEqual([]);
      expect(l.sources.has(`src/cli/commands/${name}.ts`)).toBe(true);
      expect([...l.sources].filter((s) => s.startsWith('src/cli/commands/') && s !== `src/cli/commands/${name}.ts`), name).toEqual([]);
      expect([...l.sources].filter((s) => s.startsWith('src/engine/')), name).toEqual([]);
    }
  });

  it('the tracer sees ONNX Runtime when a command does load it (a continuous orbit), so the checks above can fail', () => {
    const json = join(dir, 'small.json');
    writeFileSync(json, JSON.stringify(Array.from({ length: 8 }, (_, r) => Array.from({ length: 8 }, (_, c) => Math.sin(r + 2 * c)))));
    const l = traced(['orbit', '--image', json, '--group', 't2', '--json']);
    expect(l.status, l.stderr).toBe(0);
    expect(heavyLoaded(l).some((f) => f.startsWith('node_modules/onnxruntime-node/'))).toBe(true);
    expect(l.sources.has('src/cli/commands/orbitContinuous.ts')).toBe(true);
  });
});

describe('orbitscope with no command', () => {
  it('prints the help to stderr and exits 2, so that scripts notice', () => {
    const r = bin(ROOT, []);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/Usage: orbitscope/);
  });
});

describe('the compiled bin is never stale', () => {
  // a copy of the package whose sources the test may edit; node_modules is shared
  let pkg = '';
  beforeAll(() => {
    pkg = join(dir, 'pkg');
    mkdirSync(pkg);
    for (const f of ['src', 'bin', 'package.json', 'tsconfig.json']) cpSync(join(ROOT, f), join(pkg, f), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'), 'dir');
  });
  const currentDir = () => (JSON.parse(readFileSync(join(pkg, 'dist/cli/current.json'), 'utf8')) as { dir: string }).dir;
  const edit = (from: string, to: string) => {
    const f = join(pkg, 'src/cli/program.ts');
    const text = readFileSync(f, 'utf8');
    expect(text).toContain(from);
    writeFileSync(f, text.replace(from, to));
  };

  it('builds on first use, then reuses the build while no source changed', () => {
    const r = bin(pkg, ['--help']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Measure the group-theoretic account/);
    const first = currentDir();
    expect(bin(pkg, ['--version']).status).toBe(0);
    expect(currentDir()).toBe(first);
  });

  it('rebuilds before running when a source changed, also for processes started together', async () => {
    const before = currentDir();
    edit('Measure the group-theoretic account', 'Edited account');
    const runs = await Promise.all(
      [0, 1, 2].map(
        () =>
          new Promise<{ code: number | null; out: string }>((resolve) => {
            const child = spawn(process.execPath, [join(pkg, 'bin/orbitscope.mjs'), '--help'], { cwd: dir });
            let out = '';
            child.stdout.on('data', (d) => (out += d));
            child.on('close', (code) => resolve({ code, out }));
          }),
      ),
    );
    for (const r of runs) {
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/Edited account/);
      expect(r.out).not.toMatch(/Measure the group-theoretic account/);
    }
    expect(currentDir()).not.toBe(before);
  });

  it('rebuilds when a source keeps its size but changes (an edit of the same length)', () => {
    edit('Edited account', 'Edithe account');
    const r = bin(pkg, ['--help']);
    expect(r.stdout).toMatch(/Edithe account/);
  });

  it('rebuilds when the build itself is gone', () => {
    rmSync(join(pkg, 'dist/cli', currentDir()), { recursive: true });
    const r = bin(pkg, ['--help']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Edithe account/);
    expect(existsSync(join(pkg, 'dist/cli', currentDir(), 'main.js'))).toBe(true);
  });

  it('a new build removes replaced builds older than an hour and keeps younger ones', () => {
    const old = join(pkg, 'dist/cli/b-old');
    const young = join(pkg, 'dist/cli/b-young');
    for (const d of [old, young]) cpSync(join(pkg, 'dist/cli', currentDir()), d, { recursive: true });
    const twoHoursAgo = new Date(Date.now() - 2 * 3600 * 1000);
    utimesSync(old, twoHoursAgo, twoHoursAgo);
    edit('Edithe account', 'Edited account');
    expect(bin(pkg, ['--help']).stdout).toMatch(/Edited account/);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(young)).toBe(true);
  });

  it('a source that no longer compiles stops the bin with exit 1 and the bundler error, never the old build', () => {
    edit("new Command('orbitscope')", "new Command('orbitscope'");
    const r = bin(pkg, ['--help']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/cannot build the CLI/);
    expect(r.stderr).toMatch(/program\.ts/);
  });
});
