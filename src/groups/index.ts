export * from './perm/index.js';
export * from './schreier/index.js';
export * from './count/index.js';
export * from './lie/index.js';
export * from './groupNames.js';
export { pixelGroup } from './pixelGroup.js';
