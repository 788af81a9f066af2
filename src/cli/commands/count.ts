import type { Action } from '../program.js';
import type { GridGroupName } from '../../groups/groupNames.js';
import { pixelGroup } from '../../groups/pixelGroup.js';
import { countColorings, orbitsBySize, MAX_ORBITS_BY_SIZE_ORDER } from '../../groups/count/index.js';

export interface CountOptions {
  size: number;
  colors: number;
  group: GridGroupName;
  json?: boolean;
}

/** `orbitscope count`: colourings of an n x n grid with K colours up to a pixel group. */
export const handle: Action<CountOptions> = (o, _args, io) => {
  const G = pixelGroup(o.group, o.size, o.size);
  const out: Record<string, unknown> = { orbits: countColorings(G, o.colors).toString() };
  if (G.order() <= MAX_ORBITS_BY_SIZE_ORDER) {
    out.orbitsBySize = Object.fromEntries([...orbitsBySize(G, o.colors)].map(([s, c]) => [s.toString(), c.toString()]));
  } else {
    io.err(`orbitscope count: orbitsBySize omitted: group order ${G.order()} is above ${MAX_ORBITS_BY_SIZE_ORDER}`);
  }
  if (o.json) {
    io.out(JSON.stringify(out));
    return;
  }
  const lines = [`${out.orbits} colourings of a ${o.size} x ${o.size} grid with ${o.colors} colours up to ${o.group} (order ${G.order()})`];
  if (out.orbitsBySize) for (const [s, c] of Object.entries(out.orbitsBySize as Record<string, string>)) lines.push(`  orbits of size ${s}: ${c}`);
  io.out(lines.join('\n'));
};
