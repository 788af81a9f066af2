export * from './perm/index.js';
export * from './schreier/index.js';
