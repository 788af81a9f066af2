import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The layers of src/, bottom first (STYLE.md): a folder imports only from folders listed before
 * it. results/ is the results.json schema, a bottom module that imports nothing of Orbitscope
 * but core (experiments, report and web read it); sweep/ runs and reports many runs, so it sits
 * above report; cli/ wires everything. src/testing holds slow oracles for tests: nothing in src/
 * imports it, and it imports no app (web, cli). Folder names are unique across src/ (no subfolder
 * is called like a layer), so a relative import that climbs out of a folder and names a layer
 * can only mean src/<layer>.
 */
export const LAYERS = ['core', 'results', 'engine', 'groups', 'actions', 'data', 'nn', 'shadow', 'analysis', 'experiments', 'report', 'sweep', 'web', 'cli'];

/** `no-restricted-imports` for files of src/<layer>: every layer above it, and src/testing. */
function layerRule(layer) {
  const above = layer === 'testing' ? ['web', 'cli'] : [...LAYERS.slice(LAYERS.indexOf(layer) + 1), 'testing'];
  const allowed = layer === 'testing' ? 'any layer but the apps (web, cli)' : LAYERS.slice(0, LAYERS.indexOf(layer) + 1).join(', ');
  return {
    files: [`src/${layer}/**/*.ts`],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: `^(\\.\\./)+(${above.join('|')})(/|$)`, message: `layer order (eslint.config.js LAYERS): src/${layer} imports only from ${allowed}.` }] }],
    },
  };
}

export default tseslint.config(
  { ignores: ['node_modules/', 'runs/', 'dist/', 'src/web/dist/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Use the seeded RandomSource (src/core/random.ts).' }],
    },
  },
  ...[...LAYERS, 'testing'].map(layerRule),
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
