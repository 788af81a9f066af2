import type { ImportedGraph } from '../nn/onnxModel.js';

/** Where one axis of a value's grid lies in the input: index i covers input [start + i jump, start + i jump + size). */
export interface AxisField {
  readonly start: number;
  readonly jump: number;
  readonly size: number;
}

/** A value's receptive field on the input grid: per spatial axis (rows, cols), or 'dense' (every input). */
export type ReceptiveField = { readonly rows: AxisField; readonly cols: AxisField } | 'dense';

const ints = (a: unknown, fallback: number[]): number[] => (Array.isArray(a) ? (a as number[]) : fallback);

/**
 * Receptive fields of every value of an imported image network (input [N, C, H, W]) by the
 * usual arithmetic (Araujo, Norris & Sim 2019, "Computing receptive fields of convolutional
 * neural networks", Distill): a window op of kernel k, stride s, dilation d and leading pad p
 * maps (start, jump, size) to (start - p jump, jump s, size + (k - 1) d jump); pointwise ops
 * keep it; Add takes the union; Gemm, MatMul, Flatten and Reshape make the value dense.
 */
export function receptiveFields(graph: ImportedGraph): Map<string, ReceptiveField> {
  const rf = new Map<string, ReceptiveField>();
  const unit: AxisField = { start: 0, jump: 1, size: 1 };
  rf.set(graph.input.name, graph.input.dims.length === 4 ? { rows: unit, cols: unit } : 'dense');
  const window = (f: AxisField, k: number, s: number, d: number, p: number): AxisField => ({ start: f.start - p * f.jump, jump: f.jump * s, size: f.size + (k - 1) * d * f.jump });
  for (const n of graph.nodes) {
    const inField = rf.get(n.inputs[0]) ?? 'dense';
    let out: ReceptiveField = inField;
    if (inField === 'dense' || ['Gemm', 'MatMul', 'Flatten', 'Reshape'].includes(n.op)) {
      out = 'dense';
    } else if (n.op === 'Conv' || n.op === 'MaxPool' || n.op === 'AveragePool') {
      const w = n.op === 'Conv' ? graph.constants.get(n.inputs[1])?.dims : undefined;
      const k = ints(n.attributes.kernel_shape, w ? [w[2], w[3]] : [1, 1]);
      const s = ints(n.attributes.strides, [1, 1]);
      const d = ints(n.attributes.dilations, [1, 1]);
      const p = ints(n.attributes.pads, [0, 0, 0, 0]);
      out = { rows: window(inField.rows, k[0], s[0], d[0], p[0]), cols: window(inField.cols, k[1], s[1], d[1], p[1]) };
    } else if (n.op === 'Pad') {
      const pads = graph.constants.get(n.inputs[1]);
      const p = pads ? Array.from(pads.data as BigInt64Array, Number) : ints(n.attributes.pads, [0, 0, 0, 0, 0, 0, 0, 0]);
      const r = p.length / 2;
      out = { rows: window(inField.rows, 1, 1, 1, p[2] ?? 0), cols: window(inField.cols, 1, 1, 1, p[3] ?? 0) };
      if (r !== 4) out = 'dense';
    } else if (n.op === 'Add') {
      const other = rf.get(n.inputs[1]);
      if (other === 'dense') out = 'dense';
      else if (other) {
        const union = (a: AxisField, b: AxisField): AxisField => {
          const start = Math.min(a.start, b.start);
          return { start, jump: Math.max(a.jump, b.jump), size: Math.max(a.start + a.size, b.start + b.size) - start };
        };
        out = { rows: union(inField.rows, other.rows), cols: union(inField.cols, other.cols) };
      }
    }
    for (const o of n.outputs) rf.set(o, out);
  }
  return rf;
}
