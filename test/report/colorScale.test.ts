import { describe, expect, it } from 'vitest';
import { cssRgb, viridis, VIRIDIS_STOPS } from '../../src/report/index.js';

// rows of matplotlib's _viridis_data (lib/matplotlib/_cm_listed.py), which viridis(t) reads at
// index min(255, floor(256 t)); a channel's byte is round(255 x)
const MATPLOTLIB: readonly [number, readonly [number, number, number]][] = [
  [0, [0.267004, 0.004874, 0.329415]],
  [1 / 8, [0.278826, 0.17549, 0.483397]],
  [1 / 4, [0.229739, 0.322361, 0.545706]],
  [1, [0.993248, 0.906157, 0.143936]],
];

describe('viridis', () => {
  it('equals matplotlib viridis at both ends and at 1/8 and 1/4', () => {
    for (const [t, rgb] of MATPLOTLIB) expect(viridis(t)).toEqual(rgb.map((x) => Math.round(255 * x)));
    expect(viridis(0)).toEqual([68, 1, 84]);
    expect(viridis(1)).toEqual([253, 231, 37]);
  });

  it('interpolates linearly between stops and clamps t outside [0, 1] (non-finite t counts as 0)', () => {
    const [a, b] = [VIRIDIS_STOPS[0], VIRIDIS_STOPS[1]];
    expect(viridis(1 / 16)).toEqual([0, 1, 2].map((k) => Math.round((a[k] + b[k]) / 2)));
    expect(viridis(-3)).toEqual(viridis(0));
    expect(viridis(7)).toEqual(viridis(1));
    expect(viridis(NaN)).toEqual(viridis(0));
  });

  it('has one CSS form for the explorer: cssRgb', () => {
    expect(cssRgb(viridis(1))).toBe('rgb(253,231,37)');
  });
});
