/**
 * A right action of permutations on objects of type X, written act(x, g) (GAP's OnPoints,
 * OnTuples, OnSets convention): act(act(x, g), h) = act(x, g*h), where g*h applies g first.
 * Every action in Orbitscope has this signature (onImage for images).
 */
export type Action<X> = (x: X, g: Int32Array) => X;

/** Action on points: p^g (GAP's OnPoints). */
export function onPoints(p: number, g: Int32Array): number {
  return g[p];
}

/** Action on tuples of points: (p_1..p_k)^g = (p_1^g..p_k^g) (GAP's OnTuples). */
export function onTuples(t: readonly number[], g: Int32Array): number[] {
  return t.map((p) => g[p]);
}

/** Action on sets of points, each kept sorted: {p_1..p_k}^g (GAP's OnSets). */
export function onSets(s: readonly number[], g: Int32Array): number[] {
  return s.map((p) => g[p]).sort((a, b) => a - b);
}
