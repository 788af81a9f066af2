/**
 * Disjoint sets of 0..n-1: union-find with union by size and path halving, O(alpha(n)) amortised
 * a call (Tarjan and van Leeuwen 1984). size[r] is the size of the set whose root is r.
 */
export class UnionFind {
  readonly parent: Int32Array;
  readonly size: Int32Array;

  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let p = 0; p < n; p++) this.parent[p] = p;
    this.size = new Int32Array(n).fill(1);
  }

  /** The root of x's set. */
  find(x: number): number {
    const parent = this.parent;
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  }

  /** Merge the sets of x and y; returns the root of the merged set, or -1 when they were one set already. */
  union(x: number, y: number): number {
    let a = this.find(x);
    let b = this.find(y);
    if (a === b) return -1;
    if (this.size[a] < this.size[b] || (this.size[a] === this.size[b] && b < a)) [a, b] = [b, a];
    this.parent[b] = a;
    this.size[a] += this.size[b];
    return a;
  }

  /** label[p] = the least element of p's set, for every p: a canonical label, whatever order the unions came in. */
  labels(): Int32Array {
    const n = this.parent.length;
    const least = new Int32Array(n).fill(-1);
    const label = new Int32Array(n);
    for (let p = 0; p < n; p++) {
      const r = this.find(p);
      if (least[r] < 0) least[r] = p;
      label[p] = least[r];
    }
    return label;
  }
}
