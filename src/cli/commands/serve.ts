import { existsSync } from 'node:fs';
import type { Action } from '../program.js';
import { checkRunRoots, ensureAppBuilt, startServer } from '../../web/server/index.js';

export interface ServeOptions {
  port?: number;
  rebuild?: boolean;
}

/** `orbitscope serve [DIR ...] [--port P] [--rebuild]`: the explorer on 127.0.0.1 until Ctrl-C. */
export const handle: Action<ServeOptions> = async (o, args, io) => {
  // with no DIR, runs/ is served when it exists; a fresh clone has none yet, which is no error
  const dirs = args.length ? args : existsSync('runs') ? ['runs'] : [];
  if (!args.length && !dirs.length) io.err('no runs/ directory here yet: serving no runs (write one with `orbitscope run`, or pass run directories)');
  // bad directories are reported before spending seconds on a build
  await checkRunRoots(dirs);
  const built = await ensureAppBuilt({ force: o.rebuild, log: (l) => io.err(l) });
  if (built.built) io.err(`built the explorer in ${(built.ms / 1000).toFixed(1)} s`);
  const server = await startServer({ dirs, appDir: built.dir, port: o.port ?? 0 });
  io.out(`Orbitscope explorer: ${server.url}  (Ctrl-C to stop)`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await server.close();
  io.err('stopped');
};
