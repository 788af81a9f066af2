// Time to compute group orders with the certified randomized Schreier-Sims (issue 3), in-process
// after warm-up: Rubik's cube group (48 facelets), M24, and S_100 from a transposition and a
// 100-cycle. Targets: Rubik <= 10 ms, S_100 < 500 ms. GAP 4.12 measured 5 ms and 3.3 s.
// Prints {"bench":"groups","rubikOrderMs":..,"m24OrderMs":..,"s100OrderMs":..} (medians of 9 runs).
import { readFileSync } from 'node:fs';
import { PermGroup } from '../src/groups/index.js';

interface Fixture {
  name: string;
  degree: number;
  generators: string[];
  order: string;
}
const fixtures = JSON.parse(readFileSync(new URL('../test/fixtures/group-orders.json', import.meta.url), 'utf8')) as { groups: Fixture[] };
const byName = (name: string) => fixtures.groups.find((g) => g.name.startsWith(name))!;
const rubik = byName('Rubik');
const m24 = byName('M24');
const s100 = { generators: ['(1,2)', `(${Array.from({ length: 100 }, (_, i) => i + 1).join(',')})`], degree: 100 };

/** Median wall time in ms of computing the order from the generators (fresh group each run). */
function medianMs(gens: string[], degree: number, expected?: string): number {
  const once = () => PermGroup.fromCycles(gens, degree).order();
  for (let i = 0; i < 5; i++) once();
  const times: number[] = [];
  for (let i = 0; i < 9; i++) {
    const t0 = performance.now();
    const order = once();
    times.push(performance.now() - t0);
    if (expected !== undefined && order.toString() !== expected) throw new Error(`wrong order ${order}, expected ${expected}`);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[4] * 100) / 100;
}

console.log(
  JSON.stringify({
    bench: 'groups',
    rubikOrderMs: medianMs(rubik.generators, rubik.degree, rubik.order),
    m24OrderMs: medianMs(m24.generators, m24.degree, m24.order),
    s100OrderMs: medianMs(s100.generators, s100.degree),
  }),
);
