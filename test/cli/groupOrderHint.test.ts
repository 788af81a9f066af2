// `group --order N`: a known order as a hint to the randomized chain (GAP's StabChain(G, rec(size := N))),
// through the real bin script; a hint that is not the order is an error naming --order.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
function bin(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin/orbitscope.mjs'), ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const M11 = ['--gens', '(1,2,3,4,5,6,7,8,9,10,11)', '--gens', '(3,7,11,8)(4,10,5,6)'];

describe('group --order', () => {
  it('M11 with --order 7920: the chain stops there, order 7920, certificate order-hint, the text says what it relied on', () => {
    const j = JSON.parse(bin('group', ...M11, '--order', '7920', '--json', '--quiet').stdout);
    expect(j.order).toBe('7920');
    expect(j.certificate).toBe('order-hint');
    const t = bin('group', ...M11, '--order', '7920', '--quiet');
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(/order 7920 \(exact: the randomized chain reached the order given by --order/);
    // without the hint the same order, proved without it
    expect(JSON.parse(bin('group', ...M11, '--json', '--quiet').stdout).order).toBe('7920');
  });

  it('an --order above the order (7921) exits 2 with one line naming --order and the verified order', () => {
    const r = bin('group', ...M11, '--order', '7921', '--quiet');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/--order 7921: the group's order is 7920 .*not 7921/);
  });

  it('an --order below the order that the random chain passes through (3960 for M11 with seed 0) is caught by random elements outside the chain', () => {
    const r = bin('group', ...M11, '--order', '3960', '--quiet');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/--order 3960: below the group's order/);
  });

  it('an --order that is not a positive integer exits 2 naming the option', () => {
    for (const bad of ['abc', '0', '-5', '1e3']) {
      const r = bin('group', ...M11, '--order', bad);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--order/);
      expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    }
  });
});
