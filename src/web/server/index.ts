export { startServer, HOST, type RunningServer, type ServeOptions } from './server.js';
export { findRuns, checkRunRoots, type RunEntry } from './runCatalog.js';
export { resolveInside } from './safePath.js';
export { ensureAppBuilt, staleReason, APP_DIST, APP_CONFIG } from './appBuild.js';
