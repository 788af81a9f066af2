export * from './schema.js';
export * from './orbitNumbers.js';
