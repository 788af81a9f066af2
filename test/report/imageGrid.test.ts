import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { imageGridPng, viridis } from '../../src/report/index.js';

function px(png: PNG, x: number, y: number): number[] {
  const o = 4 * (y * png.width + x);
  return Array.from(png.data.subarray(o, o + 4));
}

// three 2 x 2 images: a ramp 0..3, a ramp 10..13, a constant
const images = Float32Array.from([0, 1, 2, 3, 10, 11, 12, 13, 5, 5, 5, 5]);

describe('imageGridPng', () => {
  it('imageGridPng(images, 3, 2, 2, {columns: 2, zoom: 3}) lays tiles out with 1-px separators, each tile on its own range', () => {
    const png = PNG.sync.read(imageGridPng(images, 3, 2, 2, { columns: 2, zoom: 3 }));
    expect([png.width, png.height]).toEqual([2 * (6 + 1) + 1, 2 * (6 + 1) + 1]);
    expect(px(png, 0, 0)).toEqual([128, 128, 128, 255]);
    expect(px(png, 7, 3)).toEqual([128, 128, 128, 255]);
    // tile 0: pixel (r, c) occupies x in [1 + 3c, 3 + 3c], y in [1 + 3r, 3 + 3r]
    expect(px(png, 1, 1)).toEqual([0, 0, 0, 255]);
    expect(px(png, 6, 3)).toEqual([85, 85, 85, 255]);
    expect(px(png, 3, 4)).toEqual([170, 170, 170, 255]);
    expect(px(png, 6, 6)).toEqual([255, 255, 255, 255]);
    // tile 1 has its own range, so its minimum is black too
    expect(px(png, 8, 1)).toEqual([0, 0, 0, 255]);
    // the constant tile is mid-gray
    expect(px(png, 1, 8)).toEqual([128, 128, 128, 255]);
  });

  it('imageGridPng(..., {range: "shared"}) maps all tiles through one range', () => {
    const png = PNG.sync.read(imageGridPng(images, 3, 2, 2, { columns: 3, zoom: 1, range: 'shared' }));
    expect(px(png, 1, 1)).toEqual([0, 0, 0, 255]);
    expect(px(png, 5, 2)).toEqual([255, 255, 255, 255]);
    const g = Math.round((255 * 5) / 13);
    expect(px(png, 7, 1)).toEqual([g, g, g, 255]);
  });

  it('imageGridPng(..., {border}) frames each tile in the colour of its value', () => {
    const png = PNG.sync.read(imageGridPng(images, 3, 2, 2, { columns: 3, zoom: 1, border: { values: [0, 0.5, 1], width: 1 } }));
    expect([png.width, png.height]).toEqual([3 * (4 + 1) + 1, 4 + 2]);
    expect(px(png, 1, 1).slice(0, 3)).toEqual([...viridis(0)]);
    expect(px(png, 6, 1).slice(0, 3)).toEqual([...viridis(0.5)]);
    expect(px(png, 14, 4).slice(0, 3)).toEqual([...viridis(1)]);
    expect(px(png, 2, 2)).toEqual([0, 0, 0, 255]);
  });

  it('imageGridPng rejects too few values, NaN and a non-integer zoom', () => {
    expect(() => imageGridPng(images, 4, 2, 2)).toThrow(/12 values for 4 images of 2 x 2/);
    expect(() => imageGridPng(Float32Array.from([0, NaN, 0, 0]), 1, 2, 2)).toThrow(/non-finite value at image 0, pixel 1/);
    expect(() => imageGridPng(images, 3, 2, 2, { zoom: 1.5 })).toThrow(/zoom must be an integer/);
  });
});
