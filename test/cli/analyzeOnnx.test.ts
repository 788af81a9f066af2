import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/program.js';
import { parseNpy } from '../../src/data/npy.js';

const FIX = join(import.meta.dirname, '..', 'fixtures', 'onnx');

async function run(argv: string[]) {
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) } as Io & { stdout: string; stderr: string };
  const code = await main(['node', 'orbitscope', ...argv], io);
  return { code, ...io };
}

describe('orbitscope analyze --model net.onnx', () => {
  const dir = mkdtempSync(join(tmpdir(), 'orbitscope-onnx-'));

  it('analyze --model cnn.onnx --group so2,se2,p4m --data mnist reports every layer with three views per unit and invariance per group', async () => {
    const out = join(dir, 'cnn.json');
    const r = await run(['analyze', '--model', join(FIX, 'cnn.onnx'), '--group', 'so2,se2,p4m', '--data', 'mnist:count=60', '--out', out]);
    expect(r.stderr).toContain('wrote');
    expect(r.code).toBe(0);
    const a = JSON.parse(readFileSync(out, 'utf8'));
    expect(a.source).toBe('onnx');
    expect(a.layers.map((l: { node: string; op: string; units: number }) => [l.node, l.op, l.units])).toEqual([['/0/Conv', 'Conv', 6], ['/3/Conv', 'Conv', 8], ['/6/Conv', 'Conv', 8], ['/9/Gemm', 'Gemm', 10]]);
    for (const L of a.layers) {
      expect(L.features).toHaveLength(L.units);
      expect(Object.keys(L.features[0].views)).toEqual(L.viewLabels);
      expect(Object.keys(L.invariance)).toEqual(['so2', 'se2', 'p4m']);
      expect(Object.keys(L.invarianceControl)).toEqual(['so2', 'se2', 'p4m']);
      for (const g of ['so2', 'se2', 'p4m']) expect(L.invariance[g].invariance).toBeGreaterThan(0);
    }
    expect(a.layers[0].viewLabels).toEqual(['linear composite', 'top-20 mean', 'activation maximum']);
    expect(a.layers[1].viewLabels[0]).toBe('linearised at the data mean');
    // 5x5 first-layer kernels: no Lie dimension, the reason instead; p4m on the kernel grid still applies
    expect(a.layers[0].features[0].views['linear composite'].orbits.so2).toMatchObject({ orbitDim: null, reason: 'kernel 5x5 too small for so2' });
    expect(a.layers[0].features[0].views['linear composite'].orbits.p4m.groupOrder).toBe('200');
    expect(r.stdout).toContain('n/a (kernel 5x5 too small for so2)');
    expect(r.stdout).not.toMatch(/dim 0\b/);
    expect(a.layers[3].invariance.p4m.equivariance).toBeNull();
  });

  it('analyze --model cnn_bn_color.onnx splits colour views into luminance and opponent channels', async () => {
    const out = join(dir, 'col.json');
    const r = await run(['analyze', '--model', join(FIX, 'cnn_bn_color.onnx'), '--group', 'p4m', '--data', `npy:${join(FIX, 'cnn_bn_color.input.npy')}`, '--out', out]);
    expect(r.stderr).toContain('wrote');
    const a = JSON.parse(readFileSync(out, 'utf8'));
    expect(a.layers[0].channels).toBe(3);
    expect(Object.keys(a.layers[0].features[0].views['linear composite'].colour)).toEqual(['luminance', 'redGreen', 'blueYellow']);
  });

  it('analyze --model with symbolic input dims needs --input-shape, and an unsupported op exits 2 naming the node', async () => {
    const out = join(dir, 'fcn.json');
    const bad = await run(['analyze', '--model', join(FIX, 'fcn_symbolic.onnx'), '--data', 'mnist:count=20', '--out', out]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--input-shape: .*leaves input dims height, width symbolic.*e\.g\. 1x1x28x28/);
    const feat = join(dir, 'explorer');
    const ok = await run(['analyze', '--model', join(FIX, 'fcn_symbolic.onnx'), '--group', 'p4m', '--data', 'mnist:count=20', '--input-shape', '1x1x28x28', '--out', out, '--features', feat]);
    expect(ok.code).toBe(0);
    // the explorer directory: each layer's views at its own receptive-field size
    const index = JSON.parse(readFileSync(join(feat, 'features', 'index.json'), 'utf8'));
    expect(index.layers.map((l: { height: number; width: number; units: number }) => [l.units, l.height, l.width])).toEqual([[4, 3, 3], [4, 5, 5]]);
    const npy = parseNpy(new Uint8Array(readFileSync(join(feat, 'features', 'seed-0', 'layer-2', 'snapshot-0.npy'))), 'x');
    expect(npy.shape).toEqual([4, 5, 5]);
    const a = JSON.parse(readFileSync(join(feat, 'analysis.json'), 'utf8'));
    expect(Array.from(npy.data.subarray(0, 25))).toEqual(a.layers[1].features[0].views[a.layers[1].viewLabels[0]].image.map(Math.fround));
    const u = await run(['analyze', '--model', join(FIX, 'unsupported.onnx'), '--data', 'mnist:count=20', '--out', out]);
    expect(u.code).toBe(2);
    expect(u.stderr.trim().split('\n')).toHaveLength(1);
    expect(u.stderr).toContain('node "/1/LeakyRelu" is a LeakyRelu, which is not supported');
    const noData = await run(['analyze', '--model', join(FIX, 'cnn.onnx'), '--out', out]);
    expect(noData.code).toBe(2);
    expect(noData.stderr).toMatch(/--data: an ONNX model is analysed on data/);
  });
});
