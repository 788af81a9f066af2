// A catalogue of small permutation groups, swept by the invariant tests.
import { Perm, PermGroup, alternating, cyclic, dihedral, gridC4, gridD4, p4m, symmetric, torusTranslations } from '../../src/groups/index.js';
import { RandomSource } from '../../src/core/index.js';

export interface CatalogEntry {
  readonly name: string;
  readonly make: (options?: { method?: 'random' | 'deterministic'; seed?: number }) => PermGroup;
}

const fromCycles = (name: string, gens: string[], degree: number): CatalogEntry => ({
  name,
  make: (o) => PermGroup.fromCycles(gens, degree, o),
});

/** Generic groups given by generators (no known order), so that the algorithms do the work. */
const generic = (name: string, G: () => PermGroup): CatalogEntry => ({
  name,
  make: (o) => new PermGroup(G().generators, G().degree, o),
});

const rng = RandomSource.fromSeed(11);
const randomPairs: CatalogEntry[] = [];
for (let k = 0; k < 4; k++) {
  const n = 5 + k;
  const a = Perm.fromImages(rng.permutation(n));
  const b = Perm.fromImages(rng.permutation(n));
  randomPairs.push({ name: `random pair of degree ${n} #${k}`, make: (o) => new PermGroup([a, b], n, o) });
}

export const catalogue: CatalogEntry[] = [
  generic('S_4', () => symmetric(4)),
  generic('S_5', () => symmetric(5)),
  generic('A_5', () => alternating(5)),
  generic('A_6', () => alternating(6)),
  generic('C_7', () => cyclic(7)),
  generic('D_6', () => dihedral(6)),
  generic('gridD4(3)', () => gridD4(3)),
  generic('gridC4(4)', () => gridC4(4)),
  generic('torusTranslations(2,3)', () => torusTranslations(2, 3)),
  generic('p4m(3)', () => p4m(3)),
  fromCycles('PSL(2,7)', ['(4,6)(5,7)', '(1,2,4)(3,6,5)'], 7),
  fromCycles('intransitive C2 x S3 with fixed points', ['(1,2)', '(4,5,6)', '(4,5)'], 8),
  fromCycles('wreath C2 wr C3 (imprimitive)', ['(1,2)', '(1,3,5)(2,4,6)'], 6),
  fromCycles('trivial group of degree 4', ['()'], 4),
  ...randomPairs,
];
