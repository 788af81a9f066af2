/** An RGB colour, each channel 0..255. */
export type Rgb = readonly [number, number, number];

/**
 * Control points of matplotlib's viridis (van der Walt & Smith 2015) at t = 0, 1/8, ..., 1, as
 * matplotlib gives them (its 256-entry _viridis_data at index min(255, floor(256 t)), channels
 * times 255 rounded: matplotlib.colors.to_hex(viridis(t))), linearly interpolated between:
 * perceptually uniform and readable in gray print, enough for tile borders and legends. This
 * module imports nothing, so the explorer's browser bundle shares it with report.html.
 */
export const VIRIDIS_STOPS: readonly Rgb[] = [
  [0x44, 0x01, 0x54],
  [0x47, 0x2d, 0x7b],
  [0x3b, 0x52, 0x8b],
  [0x2c, 0x72, 0x8e],
  [0x21, 0x91, 0x8c],
  [0x28, 0xae, 0x80],
  [0x5e, 0xc9, 0x62],
  [0xad, 0xdc, 0x30],
  [0xfd, 0xe7, 0x25],
];

/** CSS colour of an Rgb: "rgb(r,g,b)". */
export function cssRgb(c: Rgb): string {
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

/** Colour for t in [0, 1] (clamped; a non-finite t counts as 0) on the viridis scale. */
export function viridis(t: number): Rgb {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (VIRIDIS_STOPS.length - 1);
  const i = Math.min(VIRIDIS_STOPS.length - 2, Math.floor(x));
  const f = x - i;
  const a = VIRIDIS_STOPS[i];
  const b = VIRIDIS_STOPS[i + 1];
  return [Math.round(a[0] + f * (b[0] - a[0])), Math.round(a[1] + f * (b[1] - a[1])), Math.round(a[2] + f * (b[2] - a[2]))];
}
