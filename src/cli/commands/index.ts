import type { Registrar } from '../program.js';
import { registerTrain } from './train.js';

/**
 * Every subcommand, in the order `--help` lists them. Each module adds one command; the
 * commands hold no domain logic, only argument parsing and wiring to the library.
 */
export const registrars: readonly Registrar[] = [registerTrain];
