import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as barrel from '../../src/analysis/index.js';

const dir = fileURLToPath(new URL('../../src/analysis/', import.meta.url));

describe('src/analysis/index.ts', () => {
  it('the analysis barrel re-exports every value every analysis module exports', async () => {
    const missing: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'index.ts')) {
      const mod = (await import(`${dir}${file.replace(/\.ts$/, '.js')}`)) as Record<string, unknown>;
      for (const name of Object.keys(mod)) if (!(name in barrel)) missing.push(`${file}: ${name}`);
    }
    expect(missing).toEqual([]);
  });
});
