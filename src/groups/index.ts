export * from './perm/index.js';
export * from './schreier/index.js';
export * from './count/index.js';
