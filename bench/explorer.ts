// What one slider move costs in the explorer's feature view for a 28 x 28 feature: g.x by the
// library's single-image bilinear resampler plus the windowed distance (the target is < 50 ms),
// and the 181-angle distance curve drawn when a feature opens; and the finite groups'
// epsilon-stabilizers the page recomputes when eps changes (p4m's |S_eps| and D4's named
// elements, the run's centredEpsStabilizer; the first call also builds the groups: firstFiniteEpsMs). Median of repeated runs, in Node
// (the browser runs the same code; its own timing is shown next to the read-out).
import { RandomSource } from '../src/core/random.js';
import { actPlane, distanceWindow, planeDistance, rotationCurve } from '../src/web/shared/imagePlane.js';
import { d4EpsStabilizer, epsStabilizerSize } from '../src/web/shared/finiteStabilizers.js';

const n = 28;
const x = RandomSource.fromSeed(1).fillNormal(new Float32Array(n * n));
const win = distanceWindow(n, n);
function median(f: (k: number) => void, reps: number): number {
  for (let k = 0; k < 20; k++) f(k);
  const t: number[] = [];
  for (let k = 0; k < reps; k++) {
    const t0 = performance.now();
    f(k);
    t.push(performance.now() - t0);
  }
  t.sort((a, b) => a - b);
  return t[t.length >> 1];
}
const slider = median((k) => {
  const p = { angle: k * 1.7, tx: 0.5, ty: -0.25, scale: 1.1, shear: 0.05 };
  actPlane(x, n, n, p);
  planeDistance(x, n, n, p, win);
}, 500);
const curve = median(() => rotationCurve(x, n, n, 2), 20);
const finite = () => {
  epsStabilizerSize('p4m', x, n, n, 0.5);
  d4EpsStabilizer(x, n, 0.5);
};
const t0 = performance.now();
finite();
const first = performance.now() - t0;
const again = median(finite, 20);
console.log(JSON.stringify({ bench: 'explorer', size: n, sliderUpdateMs: Math.round(slider * 1000) / 1000, rotationCurveMs: Math.round(curve * 100) / 100, firstFiniteEpsMs: Math.round(first * 10) / 10, finiteEpsMs: Math.round(again * 100) / 100 }));
