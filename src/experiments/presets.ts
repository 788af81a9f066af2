// The preset names alone, so that `orbitscope run --help` lists them without loading the
// experiment code.

/** Built-in starting points; every field can be overridden by a config file and by flags. */
export const PRESETS = ['shapes', 'gl2', 'mnist', 'natural'] as const;
export type Preset = (typeof PRESETS)[number];
