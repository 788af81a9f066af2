#!/usr/bin/env node
// Runs the compiled CLI (dist/cli, built by bin/cliBuild.mjs during `npm ci` and rebuilt here
// first whenever a source changed since, so a stale build never runs).
import { cliEntryUrl } from './cliBuild.mjs';

let url;
try {
  url = await cliEntryUrl();
} catch (e) {
  process.stderr.write(`orbitscope: cannot build the CLI from src/ into dist/cli/:\n${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
const { main } = await import(url);
process.exitCode = await main(process.argv);
