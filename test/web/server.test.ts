import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { UserError } from '../../src/core/errors.js';
import { writeFixtureRun } from '../../src/testing/fixtureRun.js';
import { staleReason, startServer, type RunningServer } from '../../src/web/server/index.js';

/** GET a raw request target, exactly as written (no URL normalisation). */
function get(port: number, target: string, host = '127.0.0.1', headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host, port, path: target, method: 'GET', headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const SECRET = 'top-secret-outside-the-runs';

describe('the explorer server', () => {
  let tmp: string;
  let server: RunningServer;

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'orbitscope-serve-'));
    await writeFile(join(tmp, 'secret.txt'), SECRET);
    await writeFixtureRun(join(tmp, 'runs', 'alpha'), { seeds: [1], units: [3], size: 8, snapshots: 2 });
    await writeFixtureRun(join(tmp, 'runs', 'beta'), { seeds: [2], units: [2], size: 8, snapshots: 1 });
    await symlink(join(tmp, 'secret.txt'), join(tmp, 'runs', 'alpha', 'link-out.txt'));
    await symlink(tmp, join(tmp, 'runs', 'alpha', 'dir-out'));
    await mkdir(join(tmp, 'app'));
    await writeFile(join(tmp, 'app', 'index.html'), '<!doctype html><title>app</title>');
    server = await startServer({ dirs: [join(tmp, 'runs')], appDir: join(tmp, 'app') });
  });

  afterAll(async () => {
    await server?.close();
    await rm(tmp, { recursive: true, force: true });
  });

  it('startServer({dirs}) serves run files, the app and lists the runs with their verdicts at /api/runs', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const runs = JSON.parse((await get(server.port, '/api/runs')).body);
    expect(runs.map((r: { id: string }) => r.id)).toEqual(['alpha', 'beta']);
    const results = JSON.parse((await get(server.port, '/runs/alpha/results.json')).body);
    expect(runs[0].verdicts).toEqual(Object.fromEntries(Object.entries(results.claims).map(([k, c]) => [k, (c as { verdict: string }).verdict])));
    expect((await get(server.port, '/runs/alpha/features/index.json')).status).toBe(200);
    expect((await get(server.port, '/runs/alpha/features/seed-1/layer-1/snapshot-1.npy')).status).toBe(200);
    expect((await get(server.port, '/')).body).toContain('<title>app</title>');
  });

  it('startServer refuses /../, encoded, double-encoded, backslash and absolute paths and symlinks out with 404', async () => {
    const attacks = [
      '/runs/alpha/../../secret.txt',
      '/runs/alpha/../../../../../../etc/passwd',
      '/runs/alpha/%2e%2e/%2e%2e/secret.txt',
      '/runs/alpha/%2E%2E/%2E%2E/secret.txt',
      '/runs/alpha/..%2f..%2fsecret.txt',
      '/runs/alpha/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/runs/alpha/%252e%252e/%252e%252e/secret.txt',
      '/runs/alpha/%252e%252e%252f%252e%252e%252fsecret.txt',
      '/runs/alpha/..%5c..%5csecret.txt',
      '/runs/alpha/..\\..\\secret.txt',
      '/runs/alpha/%2fetc%2fpasswd',
      '/runs/alpha//etc/passwd',
      '/runs/alpha/' + encodeURIComponent(join(tmp, 'secret.txt')),
      '/runs/%2e%2e/secret.txt',
      '/runs/../secret.txt',
      '/../secret.txt',
      '/%2e%2e/%2e%2e/etc/passwd',
      '//etc/passwd',
      `http://127.0.0.1:${server.port}/etc/passwd`,
      '/runs/alpha/link-out.txt',
      '/runs/alpha/dir-out/secret.txt',
      '/runs/alpha/results.json%00.png',
      '/runs/alpha/%',
    ];
    for (const target of attacks) {
      const r = await get(server.port, target);
      expect({ target, status: r.status }).toEqual({ target, status: 404 });
      expect(r.body).not.toContain(SECRET);
    }
  });

  it('startServer binds 127.0.0.1 only: other local addresses refuse the connection', async () => {
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal && a.family === 'IPv4')
      .map((a) => a!.address);
    for (const host of [...others, '::1']) await expect(get(server.port, '/api/runs', host)).rejects.toThrow(/ECONNREFUSED|EADDRNOTAVAIL|ENETUNREACH/);
  });

  it('startServer answers 403 to a foreign Host header (DNS rebinding) and serves localhost', async () => {
    expect((await get(server.port, '/api/runs', '127.0.0.1', { host: `evil.example:${server.port}` })).status).toBe(403);
    expect((await get(server.port, '/api/runs', '127.0.0.1', { host: `localhost:${server.port}` })).status).toBe(200);
  });

  it('startServer rejects a missing directory and a port in use with a UserError', async () => {
    await expect(startServer({ dirs: [join(tmp, 'nope')], appDir: join(tmp, 'app') })).rejects.toThrow(UserError);
    await expect(startServer({ dirs: [join(tmp, 'runs')], appDir: join(tmp, 'app'), port: server.port })).rejects.toThrow(/already in use/);
  });

  it('staleReason(dist) is null after a build and names the input once it changes', async () => {
    const dist = join(tmp, 'dist');
    await mkdir(dist);
    const input = join(tmp, 'input.ts');
    await writeFile(input, 'x');
    await writeFile(join(dist, 'index.html'), '');
    const builtAt = Date.now();
    await utimes(input, new Date(builtAt - 10_000), new Date(builtAt - 10_000));
    await writeFile(join(dist, 'build-inputs.json'), JSON.stringify({ builtAt, files: [input] }));
    expect(await staleReason(dist)).toBeNull();
    await utimes(input, new Date(builtAt + 10_000), new Date(builtAt + 10_000));
    expect(await staleReason(dist)).toMatch(/input\.ts changed/);
    expect(await staleReason(join(tmp, 'no-dist'))).toBe('no build yet');
  });
});

describe('orbitscope serve', () => {
  async function run(argv: string[]) {
    const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
    const code = await main(['node', 'orbitscope', 'serve', ...argv], io);
    return { code, ...io };
  }

  it('orbitscope serve with a missing directory, a bad port or a port in use exits 2 with one message', async () => {
    const missing = await run(['/no/such/run']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^orbitscope serve: \/no\/such\/run: no such directory/m);
    const bad = await run(['--port', '70000']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--port.*expected an integer in \[0, 65535\], got 70000/);
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as { port: number }).port;
    const tmp = await mkdtemp(join(tmpdir(), 'orbitscope-serve-cli-'));
    try {
      const busy = await run([tmp, '--port', String(port)]);
      expect(busy.code).toBe(2);
      expect(busy.stderr).toMatch(/orbitscope serve: --port: port \d+ on 127\.0\.0\.1 is already in use/);
    } finally {
      blocker.close();
      await rm(tmp, { recursive: true, force: true });
    }
  });

  it('orbitscope serve DIR prints its URL, answers, and exits 0 on SIGINT', async () => {
    const tmp = await mkdtemp(join(tmpdir(), 'orbitscope-serve-sig-'));
    await writeFixtureRun(join(tmp, 'r1'), { seeds: [1], units: [2], size: 8, snapshots: 1 });
    const child = spawn(process.execPath, ['bin/orbitscope.mjs', 'serve', tmp], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let out = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (c) => {
          out += c;
          const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
          if (m) resolve(m[0]);
        });
        child.on('exit', (code) => reject(new Error(`serve exited early with ${code}`)));
      });
      const runs = JSON.parse((await get(Number(new URL(url).port), '/api/runs')).body);
      expect(runs.map((r: { name: string }) => r.name)).toEqual(['r1']);
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await rm(tmp, { recursive: true, force: true });
    }
  });
});
