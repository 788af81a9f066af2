/** Drawing feature images and colour scales on canvases. */

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

/** Largest |value| of an image. */
export function maxAbs(img: ArrayLike<number>): number {
  let m = 0;
  for (let p = 0; p < img.length; p++) m = Math.max(m, Math.abs(img[p]));
  return m;
}

// viridis at 9 stops (matplotlib's _viridis_data, sampled evenly)
const VIRIDIS = ['#440154', '#472d7b', '#3b528b', '#2c728e', '#21918c', '#28ae80', '#5ec962', '#addc30', '#fde725'];

/** Viridis colour for t in [0, 1]. */
export function viridis(t: number): string {
  const x = Math.max(0, Math.min(1, t)) * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(x));
  const f = x - i;
  const a = hex(VIRIDIS[i]);
  const b = hex(VIRIDIS[i + 1]);
  return `rgb(${a.map((v, k) => Math.round(v + f * (b[k] - v))).join(',')})`;
}

function hex(s: string): number[] {
  return [1, 3, 5].map((k) => parseInt(s.slice(k, k + 2), 16));
}

/** CSS gradient of the viridis scale, for legends. */
export const VIRIDIS_GRADIENT = `linear-gradient(to right, ${VIRIDIS.join(', ')})`;
