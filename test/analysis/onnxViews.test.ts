import { describe, expect, it } from 'vitest';
import { orbitNumbersToJson } from '../../src/results/orbitNumbers.js';
import { RandomSource } from '../../src/core/index.js';
import { GraphBuilder, float32 } from '../../src/engine/index.js';
import { onnxLayers, parseOnnxModel } from '../../src/nn/index.js';
import { channelOrbits } from '../../src/analysis/channelOrbits.js';
import { featureOrbits } from '../../src/analysis/featureOrbits.js';
import { networkSymmetry } from '../../src/analysis/layerSymmetry.js';
import { layerViews } from '../../src/analysis/onnxUnitViews.js';
import { receptiveFields } from '../../src/analysis/receptiveField.js';
import { shuffledWeights } from '../../src/analysis/shuffledWeights.js';
import { cosine } from '../../src/analysis/cosine.js';

const normal = (n: number, seed: number) => RandomSource.fromSeed(seed).fillNormal(new Float32Array(n));

/** x [N, 1, side, side] -> Conv(W) [-> Relu]. */
function convNet(w: Float32Array, units: number, k: number, side: number, relu = false) {
  const g = new GraphBuilder('conv');
  const x = g.input('x', 'float32', ['N', 1, side, side]);
  let y = g.op('Conv', [x, g.constant(float32(w, [units, 1, k, k]), 'W')], { kernel_shape: [k, k] });
  if (relu) y = g.op('Relu', [y]);
  g.output(y, 'y', 'float32', null);
  return parseOnnxModel(g.build(), 'conv');
}

describe('layerViews: the three input-space views of imported units', () => {
  it('layerViews of a dense layer gives its filters as the linear composite and recovers them by activation maximisation', async () => {
    const units = 3;
    const W = normal(units * 64, 1);
    const g = new GraphBuilder('dense');
    const x = g.input('x', 'float32', ['N', 1, 8, 8]);
    const flat = g.op('Flatten', [x]);
    g.output(g.op('Gemm', [flat, g.constant(float32(W, [units, 64]), 'W')], { transB: 1 }), 'y', 'float32', null);
    const graph = parseOnnxModel(g.build(), 'dense');
    const [layer] = onnxLayers(graph, 'dense');
    const data = normal(50 * 64, 2);
    const v = await layerViews(graph, layer, [1, 8, 8], receptiveFields(graph).get(layer.output)!, data, 50);
    expect(v.linearLabel).toBe('linear composite');
    expect(v.box).toEqual({ row0: 0, col0: 0, height: 8, width: 8, position: null });
    for (let u = 0; u < units; u++) {
      const w = W.subarray(u * 64, (u + 1) * 64);
      v.linear.subarray(u * 64, (u + 1) * 64).forEach((a, i) => expect(a).toBeCloseTo(w[i], 5));
      const m = v.actMax.subarray(u * 64, (u + 1) * 64);
      expect(cosine(m, w)).toBeGreaterThan(0.999);
      expect(Math.hypot(...m)).toBeLessThanOrEqual(v.norm * (1 + 1e-6));
      expect(v.actMaxValue[u]).toBeGreaterThan(0.99 * v.norm * Math.hypot(...w));
    }
  });

  it('layerViews of a conv layer behind a ReLU crops the receptive field and recovers the kernel; the top-k mean correlates with it', async () => {
    const W = normal(2 * 25, 3);
    const graph = convNet(W, 2, 5, 12, true);
    const [layer] = onnxLayers(graph, 'conv');
    const data = normal(40 * 144, 4);
    const v = await layerViews(graph, layer, [1, 12, 12], receptiveFields(graph).get(layer.output)!, data, 40, { k: 10 });
    expect(v.box).toEqual({ row0: 3, col0: 3, height: 5, width: 5, position: [3, 3] });
    expect(v.linearLabel).toBe('linear composite'); // the ReLU comes after the layer's output
    for (let u = 0; u < 2; u++) {
      const w = W.subarray(u * 25, (u + 1) * 25);
      v.linear.subarray(u * 25, (u + 1) * 25).forEach((a, i) => expect(a).toBeCloseTo(w[i], 5));
      expect(cosine(v.actMax.subarray(u * 25, (u + 1) * 25), w)).toBeGreaterThan(0.999);
      expect(cosine(v.topK.subarray(u * 25, (u + 1) * 25), w)).toBeGreaterThan(0.5);
    }
  });
});

describe('channelOrbits: the spatial group on all channels at once', () => {
  it('channelOrbits with one channel agrees with featureOrbits (finite orbit sizes and Lie orbit dimensions)', async () => {
    const F = normal(4 * 81, 5).map((v, i) => v + Math.exp(-(((i % 9) - 4) ** 2 + ((Math.floor(i / 9) % 9) - 4) ** 2) / 4));
    const a = channelOrbits(F, 4, 1, 9, 9, { groups: ['p4m', 'translations', 'so2', 'se2'], levels: 3, tol: 0.05 }).map(orbitNumbersToJson);
    const b = (await featureOrbits(F, 4, 9, 9, { groups: ['p4m', 'translations', 'so2', 'se2'], levels: 3, tol: 0.05, eps: null })).map(orbitNumbersToJson);
    for (let f = 0; f < 4; f++) {
      for (const g of ['p4m', 'translations']) expect(a[f][g].orbitSize).toBe(b[f][g].orbitSize);
      for (const g of ['so2', 'se2']) {
        expect(a[f][g].orbitDim).toBe(b[f][g].orbitDim);
        (a[f][g].singularValues as number[]).forEach((s, i) => expect(s).toBeCloseTo((b[f][g].singularValues as number[])[i], 4));
      }
    }
  });

  it('channelOrbits: the joint stabilizer of a two-channel filter is the intersection (D4-symmetric channel with an asymmetric one)', () => {
    const n = 5;
    const sym = Float32Array.from({ length: n * n }, (_, p) => ((Math.floor(p / n) - 2) ** 2 + ((p % n) - 2) ** 2 <= 2 ? 1 : 0));
    const asym = new Float32Array(n * n);
    asym[0] = 1;
    const two = new Float32Array(2 * n * n);
    two.set(sym, 0);
    two.set(asym, n * n);
    const [alone] = channelOrbits(sym, 1, 1, n, n, { groups: ['d4'], levels: 2, tol: 0.05 }).map(orbitNumbersToJson);
    const [joint] = channelOrbits(two, 1, 2, n, n, { groups: ['d4'], levels: 2, tol: 0.05 }).map(orbitNumbersToJson);
    expect(alone.d4.stabilizerOrder).toBe('8');
    expect(joint.d4.stabilizerOrder).toBe('2'); // the corner pixel keeps only the diagonal mirror
  });

  it('channelOrbits gives a 3x3 or 5x5 kernel no Lie dimension but the reason, and still the finite orbit', () => {
    const [r] = channelOrbits(normal(3 * 9, 6), 1, 3, 3, 3, { groups: ['so2', 'p4m'], levels: 3, tol: 0.05 }).map(orbitNumbersToJson);
    expect(r.so2).toMatchObject({ orbitDim: null, reason: 'kernel 3x3 too small for so2' });
    expect(Number(r.p4m.groupOrder)).toBe(72);
  });
});

describe('networkSymmetry: invariance and equivariance of each layer', () => {
  const side = 11;
  const data = normal(30 * side * side, 7);
  const fieldsOf = (graph: ReturnType<typeof convNet>) => receptiveFields(graph);

  it('networkSymmetry finds a D4-symmetric kernel exactly D4-equivariant and an oriented one not (the check can fail)', async () => {
    const iso = Float32Array.from({ length: 9 }, (_, p) => [1, 2, 1, 2, 4, 2, 1, 2, 1][p]);
    const oriented = Float32Array.from({ length: 9 }, (_, p) => [1, 0, -1, 2, 0, -2, 1, 0, -1][p]);
    for (const [w, symmetric] of [[iso, true], [oriented, false]] as const) {
      const graph = convNet(w, 1, 3, side, true);
      const layers = onnxLayers(graph, 'c');
      const s = await networkSymmetry(graph, layers, [1, side, side], fieldsOf(graph), data, 30, ['d4']);
      expect(s.input.d4.equivariance).toBe(0);
      if (symmetric) expect(s.layers[0].d4.equivariance).toBeLessThan(1e-6);
      else expect(s.layers[0].d4.equivariance).toBeGreaterThan(0.5);
      expect(s.layers[0].d4.invariance).toBeGreaterThan(0.5); // a conv map moves with its input
    }
  });

  it('networkSymmetry: the Lie derivative of an isotropic Gaussian filter is nearly rotation-equivariant, an oriented edge filter is not', async () => {
    const side = 21;
    const gauss = Float32Array.from({ length: 25 }, (_, p) => Math.exp(-(((p % 5) - 2) ** 2 + (Math.floor(p / 5) - 2) ** 2) / 2));
    const edge = Float32Array.from({ length: 25 }, (_, p) => ((p % 5) - 2) * Math.exp(-(((p % 5) - 2) ** 2 + (Math.floor(p / 5) - 2) ** 2) / 2));
    // smooth blobs (sd 2 px) inside the frame
    const blobs = Float32Array.from({ length: 30 * side * side }, (_, i) => {
      const p = i % (side * side);
      const k = Math.floor(i / (side * side));
      const cu = 6 + (k % 9);
      const cv = 6 + ((k * 4) % 9);
      return Math.exp(-(((p % side) - cu) ** 2 + (Math.floor(p / side) - cv) ** 2) / 8);
    });
    const eq: number[] = [];
    for (const w of [gauss, edge]) {
      const graph = convNet(w, 1, 5, side);
      const s = await networkSymmetry(graph, onnxLayers(graph, 'c'), [1, side, side], fieldsOf(graph), blobs, 30, ['so2']);
      expect(s.input.so2.equivariance!).toBeLessThan(1e-3);
      eq.push(s.layers[0].so2.equivariance!);
    }
    expect(eq[0]).toBeLessThan(0.25 * eq[1]);
  });
});

describe('shuffledWeights: the control network', () => {
  it('shuffledWeights keeps each weight tensor as a multiset but breaks its arrangement (a D4-symmetric kernel stops being equivariant)', async () => {
    const side = 11;
    const data = normal(30 * side * side, 8);
    const iso = Float32Array.from([1, 2, 1, 2, 4, 2, 1, 2, 1].map((v, i) => v + 0.01 * i));
    const graph = convNet(iso, 1, 3, side, true);
    const layers = onnxLayers(graph, 'c');
    const control = shuffledWeights(graph, layers, 0);
    const w = control.constants.get('W')!.data as Float32Array;
    expect([...w].sort()).toEqual([...iso].sort());
    expect(Array.from(w)).not.toEqual(Array.from(iso));
    expect(Array.from(graph.constants.get('W')!.data as Float32Array)).toEqual(Array.from(iso));
    const fields = receptiveFields(graph);
    const trained = await networkSymmetry(graph, layers, [1, side, side], fields, data, 30, ['d4']);
    const shuffled = await networkSymmetry(control, onnxLayers(control, 'c'), [1, side, side], fields, data, 30, ['d4']);
    expect(trained.layers[0].d4.equivariance).toBeLessThan(0.05);
    expect(shuffled.layers[0].d4.equivariance).toBeGreaterThan(0.2);
  });
});
