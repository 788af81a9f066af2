import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname } from 'node:path';
import { InvalidInputError } from '../../core/errors.js';
import { checkRunRoots, findRuns } from './runCatalog.js';
import { resolveInside } from './safePath.js';

/** Options of startServer. */
export interface ServeOptions {
  /** Run directories or folders of runs. */
  dirs: readonly string[];
  /** The built explorer (index.html and assets/). */
  appDir: string;
  /** TCP port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
}

/** A running explorer server. */
export interface RunningServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** The only address the explorer listens on: it serves local files and must not be reachable from elsewhere. */
export const HOST = '127.0.0.1';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.npy': 'application/octet-stream',
  '.parquet': 'application/vnd.apache.parquet',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serve the explorer app and the given runs on 127.0.0.1:
 * `GET /api/runs` lists the runs ({id, name, verdicts, error?}); `GET /runs/<id>/<path>` a file
 * inside that run; anything else a file of the built app (`/` is index.html). Every path is
 * checked by resolveInside (no `..`, no encoded or double-encoded separators, no symlinks out);
 * a refused or missing path is a plain 404. Only GET and HEAD are answered, and only for a Host
 * header of 127.0.0.1:<port> or localhost:<port> (403 otherwise, against DNS rebinding).
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const roots = await checkRunRoots(options.dirs);
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidInputError('startServer', 'port', `expected an integer in [0, 65535], got ${port}`);
  let allowedHosts = new Set<string>();
  const server = createServer((req, res) => {
    // DNS rebinding: a page from elsewhere whose name resolves to 127.0.0.1 sends its own Host
    if (!allowedHosts.has(req.headers.host ?? '')) {
      res.writeHead(403, { 'content-type': 'text/plain' });
      res.end('forbidden host');
      return;
    }
    handle(req, res, roots, options.appDir).catch((e) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`internal error: ${(e as Error).message}`);
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE') reject(new InvalidInputError('startServer', 'port', `port ${port} on ${HOST} is already in use`));
      else if (e.code === 'EACCES') reject(new InvalidInputError('startServer', 'port', `not allowed to listen on port ${port} (ports below 1024 need privileges)`));
      else reject(e);
    });
    server.listen(port, HOST, () => resolveListen());
  });
  const actual = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`${HOST}:${actual}`, `localhost:${actual}`]);
  return {
    url: `http://${HOST}:${actual}/`,
    port: actual,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('not found');
}

async function handle(req: IncomingMessage, res: ServerResponse, roots: string[], appDir: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' });
    res.end();
    return;
  }
  const raw = req.url ?? '';
  // only origin-form targets ("/path?query"); "//x", "http://..." and the like are refused
  if (!raw.startsWith('/') || raw.startsWith('//')) return notFound(res);
  const path = raw.split('?')[0].split('#')[0];
  if (path === '/api/runs') {
    const runs = await findRuns(roots);
    const body = JSON.stringify(runs.map(({ id, name, verdicts, error }) => ({ id, name, verdicts, ...(error ? { error } : {}) })));
    res.writeHead(200, { 'content-type': TYPES['.json'], 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
    return;
  }
  let file: string | null;
  const m = /^\/runs\/([^/]+)\/(.+)$/.exec(path);
  if (m) {
    const run = (await findRuns(roots)).find((r) => r.id === m[1]);
    file = run ? await resolveInside(run.dir, m[2]) : null;
  } else if (path.startsWith('/runs/')) {
    file = null;
  } else {
    file = await resolveInside(appDir, path === '/' ? 'index.html' : path.slice(1));
  }
  if (file === null) return notFound(res);
  const s = await stat(file).catch(() => null);
  if (!s || !s.isFile()) return notFound(res);
  res.writeHead(200, {
    'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': s.size,
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file).pipe(res);
}
