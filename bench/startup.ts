// Start-up time of the command-line tool (issue 20): wall time of fresh `node bin/orbitscope.mjs`
// processes for `--help`, `group` on S_3 (--json), `count` (3 x 3 grid, 2 colours, D4) and
// `orbit` of an 8 x 8 PNG under p4m, against bare Node (`node -e 0`) as the reference measured in
// the same run. The cases take turns, round after round, so that a change in the machine's load
// falls on all of them alike. Targets: --help and group <= 0.3 s, orbit <= 0.5 s.
// Prints {"bench":"startup","runs":10,"nodeS":..,"helpS":..,"groupS":..,"countS":..,"orbitS":..,
// "helpOverNodeS":..,"cpuS":{"node":..,"help":..,...},"load1":..} (medians of 10 processes each;
// cpuS is user + sys CPU time per process where GNU time is installed; load1 is the 1-minute load
// average at the end: on a loaded machine every process, bare Node included, starts slower).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

const RUNS = 10;
const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin/orbitscope.mjs');
const dir = mkdtempSync(join(tmpdir(), 'orbitscope-bench-startup-'));
const png = join(dir, 'small.png');
const image = new PNG({ width: 8, height: 8 });
for (let i = 0; i < 64; i++) image.data.set([(i * 37) % 256, (i * 37) % 256, (i * 37) % 256, 255], 4 * i);
writeFileSync(png, PNG.sync.write(image));

// the bin builds first when a source changed: do that now, outside the timed runs
if (spawnSync(process.execPath, [join(root, 'bin/cliBuild.mjs')], { stdio: 'ignore' }).status !== 0) throw new Error('bench startup: building the CLI failed');

/** Each case: arguments of node, and a check of its stdout (a wrong answer is no timing). */
const cases: Record<string, { args: string[]; check: RegExp }> = {
  node: { args: ['-e', '0'], check: /^$/ },
  help: { args: [bin, '--help'], check: /Usage: orbitscope/ },
  group: { args: [bin, 'group', '--gens', '(1,2,3)', '--gens', '(1,2)', '--json'], check: /"order":"6"/ },
  count: { args: [bin, 'count', '--size', '3', '--colors', '2', '--group', 'd4', '--json'], check: /"orbits":"102"/ },
  orbit: { args: [bin, 'orbit', '--image', png, '--group', 'p4m', '--json'], check: /"groupOrder":"512"/ },
};

const times: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
// CPU seconds (user + sys) of each process, from GNU time where it is installed: unlike wall
// time, they hardly depend on what else the machine runs
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const cpuFile = join(dir, 'cpu.txt');
const cpu: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
try {
  for (let round = 0; round < RUNS; round++) {
    for (const [name, c] of Object.entries(cases)) {
      const t0 = performance.now();
      const r = TIME ? spawnSync(TIME, ['-f', '%U %S', '-o', cpuFile, process.execPath, ...c.args], { cwd: dir, encoding: 'utf8' }) : spawnSync(process.execPath, c.args, { cwd: dir, encoding: 'utf8' });
      const t = (performance.now() - t0) / 1000;
      if (r.status !== 0 || !c.check.test(r.stdout)) throw new Error(`bench startup: ${name} failed (exit ${r.status}): ${r.stderr}`);
      times[name].push(t);
      if (TIME) cpu[name].push(readFileSync(cpuFile, 'utf8').trim().split(/\s+/).map(Number).reduce((a, b) => a + b, 0));
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const r3 = (x: number) => Math.round(x * 1000) / 1000;
const m = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
console.log(
  JSON.stringify({
    bench: 'startup',
    runs: RUNS,
    nodeS: r3(m.node),
    helpS: r3(m.help),
    groupS: r3(m.group),
    countS: r3(m.count),
    orbitS: r3(m.orbit),
    helpOverNodeS: r3(m.help - m.node),
    ...(TIME ? { cpuS: Object.fromEntries(Object.entries(cpu).map(([k, v]) => [k, r3(median(v))])) } : {}),
    load1: Math.round(loadavg()[0] * 10) / 10,
  }),
);
