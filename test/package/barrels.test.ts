import { describe, expect, it } from 'vitest';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as entry from '../../src/index.js';

const src = fileURLToPath(new URL('../../src/', import.meta.url));

/** The library's parts: src/<folder> and the namespaces of src/index.ts that expose it. Apps (web, cli) and src/testing are not library parts. */
const PARTS: Record<string, readonly string[]> = {
  core: ['core'],
  results: ['results'],
  engine: ['engine'],
  groups: ['groups', 'lie'],
  actions: ['actions', 'continuous'],
  data: ['data'],
  nn: ['nn'],
  shadow: ['shadow'],
  analysis: ['analysis'],
  experiments: ['experiments'],
  report: ['report'],
  sweep: ['sweep'],
};

const namespaces = entry as unknown as Record<string, Record<string, unknown>>;

function modules(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return modules(p);
    return p.endsWith('.ts') && !p.endsWith('.d.ts') && !p.endsWith('/index.ts') ? [p] : [];
  });
}

/** Does a namespace of the entry export `name` as this very value? (Any namespace: a module may re-export another part's value, as experiments/results.ts re-exports src/results.) */
function exposed(name: string, value: unknown): boolean {
  return Object.values(namespaces).some((ns) => typeof ns === 'object' && ns !== null && name in ns && ns[name] === value);
}

describe('barrels', () => {
  it('src/index.ts has a namespace for every library folder of src/', () => {
    const folders = readdirSync(src).filter((f) => statSync(join(src, f)).isDirectory() && !['web', 'cli', 'testing', 'types'].includes(f));
    expect(folders.sort()).toEqual(Object.keys(PARTS).sort());
    for (const ns of Object.values(PARTS).flat()) expect(typeof namespaces[ns], ns).toBe('object');
  });

  for (const part of Object.keys(PARTS)) {
    it(`every value exported by a module of src/${part} is in the package entry's ${PARTS[part].join(' and ')} namespace`, async () => {
      const missing: string[] = [];
      for (const file of modules(join(src, part))) {
        const mod = (await import(file)) as Record<string, unknown>;
        for (const [name, value] of Object.entries(mod)) if (!exposed(name, value)) missing.push(`${relative(src, file)}: ${name}`);
      }
      expect(missing).toEqual([]);
    });
  }
});
