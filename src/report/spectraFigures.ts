import { join } from 'node:path';
import sharp from 'sharp';
import type { TopLevelSpec } from 'vega-lite';
import type { PrimitiveSpectrum } from '../analysis/segmentFlowerSpectra.js';
import { atomicWrite } from '../core/atomicWrite.js';
import { imageGridPng } from './imageGrid.js';
import { renderSvg } from './renderSvg.js';
import type { ReportFigure } from './html.js';

// singular values at or below this are drawn at it: a log axis has no zero (the axis-aligned
// segment's shear along itself is exactly 0 in pixels)
const FLOOR = 1e-3;

/** Vega-Lite spec: each primitive's GL(2) and Aff(2) pixel tangent singular values, log scale, one panel per group. */
export function spectraChartSpec(spectra: readonly PrimitiveSpectrum[]): TopLevelSpec {
  const values = spectra.flatMap((s) =>
    (['gl2', 'aff2'] as const).flatMap((g) =>
      s[g].singularValues.map((v, i) => ({ primitive: s.name, group: g === 'gl2' ? 'GL(2)' : 'Aff(2)', index: i + 1, sigma: Math.max(v, FLOOR), ideal: `${s.gl2.idealDim} / ${s.aff2.idealDim}` })),
    ),
  );
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    data: { values },
    facet: { column: { field: 'group', type: 'nominal', title: null, sort: ['GL(2)', 'Aff(2)'] } },
    spec: {
      width: 260,
      height: 200,
      mark: { type: 'line', point: true },
      encoding: {
        x: { field: 'index', type: 'ordinal', title: 'singular value (descending)' },
        y: { field: 'sigma', type: 'quantitative', scale: { type: 'log', domainMin: FLOOR }, title: 'σ / ‖x‖ (log; 0 drawn at 1e-3)' },
        color: { field: 'primitive', type: 'nominal', sort: spectra.map((s) => s.name) },
        strokeDash: { field: 'ideal', type: 'nominal', title: 'ideal dim GL(2) / Aff(2)', legend: { symbolType: 'stroke' } },
      },
    },
    resolve: { scale: { x: 'independent' } },
  } as TopLevelSpec;
}

/**
 * The report's figures of the segments-and-flowers world (issue 14, item 5a): the primitives as
 * the spectra measured them (flat canvas, 2n+1 wide) and their GL(2) and Aff(2) tangent spectra;
 * written to figures/ as PNG (the chart through Vega's SVG and sharp).
 */
export async function spectraFigures(spectra: readonly PrimitiveSpectrum[], figDir: string): Promise<ReportFigure[]> {
  const side = spectra[0].side;
  const tiles = new Float32Array(spectra.length * side * side);
  spectra.forEach((s, i) => tiles.set(s.pixels, i * side * side));
  const grid = imageGridPng(tiles, spectra.length, side, side, { zoom: 4, range: 'tile' });
  atomicWrite(join(figDir, 'gl2-primitives.png'), grid);
  const svg = await renderSvg(spectraChartSpec(spectra));
  const chart = new Uint8Array(await sharp(Buffer.from(svg)).flatten({ background: '#ffffff' }).png().toBuffer());
  atomicWrite(join(figDir, 'gl2-spectra.png'), chart);
  const dims = spectra.map((s) => `${s.name} ${s.gl2.idealDim}/${s.gl2.pixelDim}`).join(', ');
  return [
    { title: 'Segments and flowers as the orbit measures see them', caption: `${spectra.map((s) => s.name).join(', ')}; rendered at the identity on a flat ${side} x ${side} canvas (1-px anti-aliased pen)`, png: grid },
    {
      title: 'GL(2) and Aff(2) tangent spectra of the rendered primitives',
      caption: `singular values of the windowed pixel tangent matrix over ‖x‖ (orbitDimension); GL(2) orbit dimension ideal/pixels at tol 0.01: ${dims}. The segments keep one tiny value (shear along the stroke) and a width direction; the flowers none`,
      png: chart,
    },
  ];
}
