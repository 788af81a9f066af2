import { describe, expect, it } from 'vitest';
import { RandomSource, UnionFind } from '../../src/core/index.js';

/** Components of an undirected graph on 0..n-1 by breadth-first search: the independent oracle. */
function bfsLabels(n: number, edges: readonly [number, number][]): Int32Array {
  const adj: number[][] = Array.from({ length: n }, () => []);
  for (const [a, b] of edges) {
    adj[a].push(b);
    adj[b].push(a);
  }
  const label = new Int32Array(n).fill(-1);
  for (let s = 0; s < n; s++) {
    if (label[s] >= 0) continue;
    const queue = [s];
    label[s] = s;
    while (queue.length) {
      for (const y of adj[queue.pop()!]) {
        if (label[y] >= 0) continue;
        label[y] = s;
        queue.push(y);
      }
    }
  }
  return label;
}

describe('UnionFind', () => {
  it('gives the components {0, 2, 4}, {1, 5}, {3} of a small graph, labelled by least element, with sizes', () => {
    const sets = new UnionFind(6);
    expect(sets.union(4, 2)).toBeGreaterThanOrEqual(0);
    expect(sets.union(5, 1)).toBeGreaterThanOrEqual(0);
    expect(sets.union(0, 4)).toBeGreaterThanOrEqual(0);
    expect(sets.union(2, 0)).toBe(-1);
    expect([...sets.labels()]).toEqual([0, 1, 0, 3, 0, 1]);
    expect(sets.size[sets.find(2)]).toBe(3);
    expect(sets.size[sets.find(5)]).toBe(2);
    expect(sets.size[sets.find(3)]).toBe(1);
    expect(sets.find(4)).toBe(sets.find(0));
    expect(sets.find(3)).not.toBe(sets.find(0));
  });

  it('agrees with breadth-first search on seeded random graphs, whatever the order of the unions', () => {
    const rng = RandomSource.fromSeed(18);
    for (let trial = 0; trial < 20; trial++) {
      const n = 1 + rng.int(60);
      const edges: [number, number][] = Array.from({ length: rng.int(n) }, () => [rng.int(n), rng.int(n)]);
      const expected = bfsLabels(n, edges);
      for (const order of [edges, [...edges].reverse()]) {
        const sets = new UnionFind(n);
        for (const [a, b] of order) sets.union(a, b);
        expect(sets.labels()).toEqual(expected);
        let total = 0;
        for (let p = 0; p < n; p++) if (sets.find(p) === p) total += sets.size[p];
        expect(total).toBe(n);
      }
    }
  });
});
