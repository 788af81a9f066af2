/** Drawing feature images and colour scales on canvases. */
import { cssRgb, viridis, VIRIDIS_STOPS } from '../../report/colorScale.js';

/** Draw an h x w image, scaled by `zoom`, on a diverging map (blue < 0 < red) symmetric about 0. */
export function drawImage(canvas: HTMLCanvasElement, img: ArrayLike<number>, h: number, w: number, zoom: number, range?: number): void {
  canvas.width = w * zoom;
  canvas.height = h * zoom;
  const ctx = canvas.getContext('2d')!;
  let m = range ?? 0;
  if (range === undefined) for (let p = 0; p < h * w; p++) m = Math.max(m, Math.abs(img[p]));
  const data = ctx.createImageData(w, h);
  for (let p = 0; p < h * w; p++) {
    const t = m > 0 ? Math.max(-1, Math.min(1, img[p] / m)) : 0;
    const [r, g, b] = t >= 0 ? [255, 255 * (1 - t), 255 * (1 - t)] : [255 * (1 + t), 255 * (1 + t), 255];
    data.data.set([r, g, b, 255], p * 4);
  }
  // draw at 1:1 on an offscreen canvas, then scale without smoothing
  const off = document.createElement('canvas');
  off.width = w;
  off.height = h;
  off.getContext('2d')!.putImageData(data, 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(off, 0, 0, w * zoom, h * zoom);
}

/** Viridis CSS colour for t in [0, 1] (report.html's scale: src/report/colorScale.ts, which imports nothing). */
export function viridisCss(t: number): string {
  return cssRgb(viridis(t));
}

/** CSS gradient of the viridis scale, for legends. */
export const VIRIDIS_GRADIENT = `linear-gradient(to right, ${VIRIDIS_STOPS.map(cssRgb).join(', ')})`;
