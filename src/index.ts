/**
 * Orbitscope's library, one namespace per part, in dependency order (each part imports only
 * from the parts above it). Importing has no side effects.
 *
 * Example: import { groups, actions } from 'orbitscope';
 * const G = groups.p4m(12); actions.imageStabilizer(G, pixels).orbitSize;
 */
export * as core from './core/index.js';
export * as results from './results/index.js';
export * as engine from './engine/index.js';
export * as groups from './groups/index.js';
export * as lie from './groups/lie/index.js';
export * as actions from './actions/index.js';
export * as continuous from './actions/continuous.js';
export * as data from './data/index.js';
export * as nn from './nn/index.js';
export * as shadow from './shadow/index.js';
export * as analysis from './analysis/index.js';
export * as experiments from './experiments/index.js';
export * as report from './report/index.js';
export * as sweep from './sweep/index.js';
export { VERSION } from './version.js';
