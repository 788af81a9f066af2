import { describe, expect, it } from 'vitest';
import { pixelMajorTable } from '../../src/actions/pixelMajorTable.js';
import { gridD4, p4m, torusTranslations } from '../../src/groups/perm/named.js';

describe('pixelMajorTable: the images of each pixel under every element', () => {
  it('pixelMajorTable(G) lists G.elements() in order, with table[p |G| + k] = g_k(p), once per group', () => {
    for (const G of [p4m(4), torusTranslations(3, 5), gridD4(3)]) {
      const { list, table } = pixelMajorTable(G);
      const elements = [...G.elements()];
      expect(list.map((g) => g.images.join(','))).toEqual(elements.map((g) => g.images.join(',')));
      const m = elements.length;
      expect(table).not.toBeNull();
      for (let p = 0; p < G.degree; p++) for (let k = 0; k < m; k++) expect(table![p * m + k]).toBe(elements[k].images[p]);
      expect(pixelMajorTable(G)).toBe(pixelMajorTable(G));
    }
  });

  it('pixelMajorTable(list) keeps the caller\'s list and order', () => {
    const list = [...p4m(3).elements()].reverse();
    const { list: kept, table } = pixelMajorTable(list);
    expect(kept).toBe(list);
    expect(table![2 * list.length + 5]).toBe(list[5].images[2]);
  });
});
