import type { Registrar } from '../program.js';
import { run } from './run.js';
import { train } from './train.js';
import { group } from './group.js';
import { count } from './count.js';
import { orbit } from './orbit.js';
import { data } from './data.js';
import { analyze } from './analyze.js';
import { shadow } from './shadow.js';
import { importCommand } from './import.js';
import { serve } from './serve.js';
import { sweep, worker } from './sweep.js';

/**
 * Every subcommand, in the order `--help` lists them. A registrar declares its command's
 * options and help and imports the command's module (src/cli/commands/NAME.ts) only when the
 * command runs; see docs/cli.md.
 */
export const registrars: readonly Registrar[] = [run, train, group, count, orbit, data, analyze, importCommand, shadow, serve, sweep, worker];
