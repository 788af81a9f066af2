// `npm ci` stays offline and quiet (issue 15): no dependency's install script runs unless
// package.json's allowScripts decides it, and npm finds no unknown project config.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const json = (f: string) => JSON.parse(readFileSync(new URL(`../../${f}`, import.meta.url), 'utf8'));

describe('installing', () => {
  it('every locked package with an install script has its allowScripts entry', () => {
    const lock = json('package-lock.json') as { packages: Record<string, { hasInstallScript?: boolean }> };
    const allow = (json('package.json') as { allowScripts?: Record<string, boolean> }).allowScripts ?? {};
    const withScripts = Object.entries(lock.packages)
      .filter(([, p]) => p.hasInstallScript)
      .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
    expect(withScripts.length).toBeGreaterThan(0);
    expect(withScripts.filter((name) => !(name in allow))).toEqual([]);
    // onnxruntime-node's script downloads GPU binaries from outside the npm registry
    expect(allow['onnxruntime-node']).toBe(false);
  });

  it('npm prints no warning about the project configuration', () => {
    const r = spawnSync('npm', ['pkg', 'get', 'name'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe('"orbitscope"');
    expect(r.stderr).not.toMatch(/warn/i);
  });
});
