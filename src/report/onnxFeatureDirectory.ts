import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeNpy } from '../data/npy.js';
import type { OnnxModelAnalysis } from '../analysis/analyzeOnnx.js';

/**
 * Write an imported network's views as a directory the explorer serves like a run's features:
 * features/seed-0/layer-L/snapshot-0.npy holds each layer's first view (units x h x w; the mean
 * over channels for colour), view-1.npy and view-2.npy the other two, and features/index.json
 * gives each layer its own height and width (receptive fields grow with depth) with `views`
 * naming the three files. The analysis JSON goes beside it as analysis.json.
 */
export function writeOnnxFeatureDirectory(dir: string, a: OnnxModelAnalysis): void {
  for (const L of a.layers) {
    const d = join(dir, 'features', 'seed-0', `layer-${L.layer}`);
    mkdirSync(d, { recursive: true });
    const n = L.height * L.width;
    L.viewLabels.forEach((label, k) => {
      const img = new Float32Array(L.units * n);
      L.features.forEach((f, u) => {
        const x = f.views[label].image;
        for (let c = 0; c < L.channels; c++) for (let p = 0; p < n; p++) img[u * n + p] += x[c * n + p] / L.channels;
      });
      writeFileSync(join(d, k === 0 ? 'snapshot-0.npy' : `view-${k}.npy`), encodeNpy(img, [L.units, L.height, L.width]));
    });
  }
  const index = {
    source: 'onnx',
    height: a.layers[0].height,
    width: a.layers[0].width,
    seeds: [0],
    layers: a.layers.map((L) => ({ layer: L.layer, units: L.units, height: L.height, width: L.width, node: L.node, views: ['snapshot-0.npy', 'view-1.npy', 'view-2.npy'].map((file, k) => ({ file, label: L.viewLabels[k] })) })),
    snapshots: [{ index: 0, step: 0, epoch: 0 }],
  };
  writeFileSync(join(dir, 'features', 'index.json'), `${JSON.stringify(index, null, 1)}\n`);
  writeFileSync(join(dir, 'analysis.json'), `${JSON.stringify(a)}\n`);
}
