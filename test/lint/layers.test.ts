import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The layer-rule messages eslint gives `code` as if it were the file at `filePath` (relative to the repo). */
async function layerErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}/${filePath}` });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

// The fixture: an upward import from the bottom layer, as a lower folder must never write it.
const fixture = readFileSync(new URL('../fixtures/lint/upwardImport.ts.txt', import.meta.url), 'utf8');

describe('the import-boundary rule (eslint.config.js LAYERS)', () => {
  it('eslint rejects the fixture, an upward import from src/core to src/analysis', async () => {
    const errors = await layerErrors(fixture, 'src/core/upwardImport.ts');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/layer order .*src\/core imports only from core\.$/);
  });

  it('eslint rejects imports of src/testing from library code, and of the apps from src/testing', async () => {
    expect(await layerErrors("import { gaussianBlob } from '../../testing/index.js';\nexport const g = gaussianBlob;\n", 'src/web/shared/x.ts')).toHaveLength(1);
    expect(await layerErrors("export type { GroupName } from '../../../testing/index.js';\n", 'src/experiments/claims/shared/x.ts')).toHaveLength(1);
    expect(await layerErrors("import { main } from '../cli/main.js';\nexport const m = main;\n", 'src/testing/x.ts')).toHaveLength(1);
  });

  it('eslint accepts downward imports, imports inside a layer, and tests importing src/testing', async () => {
    expect(await layerErrors("import { UserError } from '../../core/errors.js';\nimport { x } from '../shared/y.js';\nexport const e = [UserError, x];\n", 'src/web/app/x.ts')).toEqual([]);
    expect(await layerErrors("import { runExperiment } from '../experiments/index.js';\nexport const r = runExperiment;\n", 'src/report/x.ts')).toEqual([]);
    expect(await layerErrors("import { gaussianBlob } from '../../src/testing/index.js';\nexport const g = gaussianBlob;\n", 'test/web/x.test.ts')).toEqual([]);
  });

  it('eslint rejects each layer importing the one above it', async () => {
    // @ts-expect-error eslint.config.js is plain JavaScript without types
    const { LAYERS } = (await import('../../eslint.config.js')) as { LAYERS: string[] };
    for (let i = 0; i + 1 < LAYERS.length; i++) {
      const errors = await layerErrors(`export * from '../${LAYERS[i + 1]}/index.js';\n`, `src/${LAYERS[i]}/x.ts`);
      expect(errors, `${LAYERS[i]} -> ${LAYERS[i + 1]}`).toHaveLength(1);
    }
  });
});
