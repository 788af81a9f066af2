import type { Registrar } from '../program.js';
import { registerRun } from './run.js';
import { registerTrain } from './train.js';
import { registerGroup } from './group.js';
import { registerCount } from './count.js';
import { registerOrbit } from './orbit.js';
import { registerData } from './data.js';
import { registerAnalyze } from './analyze.js';
import { registerShadow } from './shadow.js';
import { serve } from './serve.js';
import { registerSweep } from './sweep.js';

/**
 * Every subcommand, in the order `--help` lists them. Each module adds one command; the
 * commands hold no domain logic, only argument parsing and wiring to the library.
 */
export const registrars: readonly Registrar[] = [registerRun, registerTrain, registerGroup, registerCount, registerOrbit, registerData, registerAnalyze, registerShadow, serve, registerSweep];
