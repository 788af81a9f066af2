#!/usr/bin/env node
// Runs the TypeScript sources through tsx's loader, so a clean clone works after `npm ci`
// with no build step and no stale compiled output.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
