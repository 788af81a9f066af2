import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { analyzeModel } from '../../src/analysis/analyzeModel.js';
import { modelSources } from '../../src/analysis/modelSource.js';
import { modelShadow } from '../../src/analysis/modelShadow.js';
import { parseGenerators } from '../../src/groups/perm/index.js';
import { InvalidInputError } from '../../src/core/index.js';
import { importSpecs, importStack, readTensorSpec } from '../../src/nn/index.js';
import { parseRedisUrl } from '../../src/sweep/index.js';
import { startServer } from '../../src/web/server/index.js';

/** Run the CLI in this process with captured streams. */
async function cli(args: string[]) {
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  const code = await main(['node', 'orbitscope', ...args], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

/** The rejection of `p`, which must happen. */
async function rejection(p: Promise<unknown>): Promise<InvalidInputError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(InvalidInputError);
  return e as InvalidInputError;
}

function thrown(f: () => unknown): InvalidInputError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidInputError);
    return e as InvalidInputError;
  }
  throw new Error('expected a throw');
}

const dir = mkdtempSync(join(tmpdir(), 'orbitscope-input-flags-'));
const nowhere = join(dir, 'nope');

describe('library errors name their inputs, not CLI flags', () => {
  it('analyzeModel: an unknown group is input "groups", a missing model input "model"; neither message names a flag', async () => {
    const g = await rejection(analyzeModel({ model: nowhere, groups: ['so2', 'so3'], eps: null, snapshots: 'last' }));
    expect([g.where, g.inputs, g.problem]).toEqual(['analyzeModel', ['groups'], expect.stringContaining('unknown group "so3"')]);
    expect(g.message).toBe(`analyzeModel: groups: ${g.problem}`);
    const m = await rejection(analyzeModel({ model: nowhere, groups: ['so2'], eps: null, snapshots: 'last' }));
    expect([m.inputs, m.problem]).toEqual([['model'], `${nowhere} does not exist`]);
    for (const e of [g, m]) expect(e.message).not.toMatch(/--/);
  });

  it('modelSources and modelShadow name "model", "seed" and "family" without dashes', async () => {
    const s = thrown(() => modelSources(nowhere));
    expect(s.inputs).toEqual(['model']);
    const f = await rejection(modelShadow({ model: nowhere, data: 'shapes', family: 'so3' as never }));
    expect([f.inputs, f.problem]).toEqual([['family'], expect.stringContaining('unknown family "so3"')]);
    for (const e of [s, f]) expect(e.message).not.toMatch(/--/);
  });

  it('parseGenerators: a degree that contradicts the image lists is input "degree"', () => {
    const e = thrown(() => parseGenerators([{ text: '[2,3,1]', where: 'g1' }], 5, 'gens'));
    expect([e.where, e.inputs, e.problem]).toEqual(['parseGenerators', ['degree'], '5, but the image lists of gens have degree 3']);
    expect(e.message).not.toMatch(/--/);
    // agreeing degrees are no error
    expect(parseGenerators([{ text: '[2,3,1]', where: 'g1' }], 3, 'gens').degree).toBe(3);
  });

  it('import: importSpecs, importStack and readTensorSpec name "weights", "biases", "activations"', () => {
    const cases: [InvalidInputError, string, RegExp][] = [
      [thrown(() => importSpecs({ weights: [`${nowhere}.safetensors`] })), 'weights', /does not exist/],
      [thrown(() => importSpecs({ weights: [] })), 'weights', /at least one weight matrix/],
      [thrown(() => importSpecs({ weights: ['a.npy', 'b.npy'], biases: ['c.npy'] })), 'biases', /1 biases for 2 layers/],
      [thrown(() => importSpecs({ weights: ['a.npy'], activations: ['softmax'] })), 'activations', /unknown activation "softmax"/],
      [thrown(() => importStack([{ W: `${nowhere}.npy` }])), 'weights', /does not exist/],
      [thrown(() => readTensorSpec(`${nowhere}.npy`, 'biases')), 'biases', /does not exist/],
    ];
    for (const [e, input, problem] of cases) {
      expect(e.inputs).toEqual([input]);
      expect(e.problem).toMatch(problem);
      expect(e.message).not.toMatch(/--/);
    }
  });

  it('sweep and serve: parseRedisUrl names "queue", startServer names "port"', async () => {
    const q = thrown(() => parseRedisUrl('localhost:6379'));
    expect([q.where, q.inputs, q.problem]).toEqual(['parseRedisUrl', ['queue'], 'expected redis://HOST:PORT, got "localhost:6379"']);
    const p = await rejection(startServer({ dirs: [dir], appDir: dir, port: 70000 }));
    expect([p.inputs, p.problem]).toEqual([['port'], 'expected an integer in [0, 65535], got 70000']);
    for (const e of [q, p]) expect(e.message).not.toMatch(/--/);
  });
});

describe('the CLI maps library inputs to its flags (exit 2, one line, no stack)', () => {
  const oneLine = (r: { stderr: string }, command: string) => {
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0].startsWith(`orbitscope ${command}: `)).toBe(true);
    expect(r.stderr).not.toMatch(/internal error|\bat .*:\d+:\d+/);
  };

  it('analyze: analyzeModel\'s "groups" is --group, "model" is --model', async () => {
    const g = await cli(['analyze', '--model', nowhere, '--group', 'so2,so3']);
    expect(g.code).toBe(2);
    oneLine(g, 'analyze');
    expect(g.stderr).toMatch(/^orbitscope analyze: --model: .*nope does not exist/);
    const w = await cli(['analyze', '--model', dir, '--group', 'so3']);
    expect(w.code).toBe(2);
    oneLine(w, 'analyze');
    expect(w.stderr).toMatch(/^orbitscope analyze: --group: unknown group "so3"; expected some of /);
  });

  it('analyze --seed on a single model: modelSources\' "seed" is --seed', async () => {
    const r = await cli(['analyze', '--model', dir, '--seed', '2']);
    expect(r.code).toBe(2);
    oneLine(r, 'analyze');
    expect(r.stderr).toMatch(/^orbitscope analyze: --seed: .* is a single model, not a run directory/);
  });

  it('shadow: modelShadow\'s "family" is --family', async () => {
    const r = await cli(['shadow', '--model', dir, '--data', 'shapes', '--family', 'so3']);
    expect(r.code).toBe(2);
    oneLine(r, 'shadow');
    expect(r.stderr).toMatch(/^orbitscope shadow: --family: unknown family "so3"/);
  });

  it('group: parseGenerators\' "degree" is --degree', async () => {
    const r = await cli(['group', '--gens', '[2,3,1]', '--degree', '5']);
    expect(r.code).toBe(2);
    oneLine(r, 'group');
    expect(r.stderr.trim()).toBe('orbitscope group: --degree: 5, but the image lists of --gens have degree 3');
  });

  it('import: importSpecs\' "biases" is --bias and "activations" is --activation', async () => {
    const b = await cli(['import', '--weights', join(dir, 'a.npy'), '--weights', join(dir, 'b.npy'), '--bias', join(dir, 'c.npy'), '--out', join(dir, 'm')]);
    expect(b.code).toBe(2);
    oneLine(b, 'import');
    expect(b.stderr.trim()).toBe('orbitscope import: --bias: 1 biases for 2 layers; give one per layer or none');
    const a = await cli(['import', '--weights', join(dir, 'a.npy'), '--activation', 'softmax', '--out', join(dir, 'm')]);
    expect(a.code).toBe(2);
    oneLine(a, 'import');
    expect(a.stderr).toMatch(/^orbitscope import: --activation: unknown activation "softmax"/);
  });
});
