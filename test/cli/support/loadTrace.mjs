// `node --import ./loadTrace.mjs ...`: appends to $ORBITSCOPE_LOAD_TRACE every module the
// process loads: ES modules through a resolve hook (they include every package entry point a
// bundle chunk imports), CommonJS files from require.cache at exit.
import { register, createRequire } from 'node:module';
import { appendFileSync } from 'node:fs';

const file = process.env.ORBITSCOPE_LOAD_TRACE;
if (file) {
  register('./loadTraceHooks.mjs', import.meta.url, { data: { file } });
  const require = createRequire(import.meta.url);
  process.on('exit', () => {
    const cjs = Object.keys(require.cache);
    if (cjs.length) appendFileSync(file, `${cjs.map((f) => `cjs ${f}`).join('\n')}\n`);
  });
}
