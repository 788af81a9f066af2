import { Redis } from 'ioredis';
import { InvalidInputError } from '../core/errors.js';

/** Where the queue's Redis is, from `redis://[user:password@]HOST:PORT[/DB]`. */
export interface RedisAddress {
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly db: number;
  readonly username?: string;
  readonly password?: string;
}

/** Parse a Redis URL (redis://HOST:PORT[/DB]); a malformed one is an InvalidInputError naming `input`. */
export function parseRedisUrl(url: string, input = 'queue'): RedisAddress {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new InvalidInputError('parseRedisUrl', input, `expected redis://HOST:PORT, got "${url}"`);
  }
  if (u.protocol !== 'redis:' || !u.hostname) throw new InvalidInputError('parseRedisUrl', input, `expected redis://HOST:PORT, got "${url}"`);
  const port = u.port ? Number(u.port) : 6379;
  const dbText = u.pathname.replace(/^\//, '');
  const db = dbText === '' ? 0 : Number(dbText);
  if (!Number.isInteger(db) || db < 0) throw new InvalidInputError('parseRedisUrl', input, `the database number must be a non-negative integer, got "${dbText}" in "${url}"`);
  return {
    url,
    host: u.hostname.replace(/^\[|\]$/g, ''),
    port,
    db,
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
  };
}

/**
 * A connection as BullMQ wants it (no per-command retry limit: blocking commands wait). Errors
 * after the first contact are reported through `onError` instead of crashing the process.
 */
export function redisClient(address: RedisAddress, onError: (e: Error) => void = () => {}): Redis {
  const { host, port, db, username, password } = address;
  const client = new Redis({ host, port, db, username, password, maxRetriesPerRequest: null });
  client.on('error', onError);
  return client;
}

/**
 * Check that Redis answers, before anything is enqueued or waited on: one connection attempt
 * with a timeout and no retries, so a Redis that is down or unreachable is a clear UserError
 * (exit 2) rather than a hang.
 */
export async function checkRedis(address: RedisAddress, timeoutMs = 3000, input = 'queue'): Promise<void> {
  const { host, port, db, username, password } = address;
  const probe = new Redis({ host, port, db, username, password, lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  // the connection's own error (ECONNREFUSED, ETIMEDOUT) says more than the rejected connect()
  let cause: NodeJS.ErrnoException | null = null;
  probe.on('error', (e: NodeJS.ErrnoException) => (cause ??= e));
  try {
    await probe.connect();
    const pong = await probe.ping();
    if (pong !== 'PONG') throw new Error(`answered "${pong}" to PING`);
  } catch (e) {
    const err = cause ?? (e as NodeJS.ErrnoException);
    throw new InvalidInputError('checkRedis', input, `${address.url}: Redis does not answer (${err.code ?? err.message}); is redis-server running there?`);
  } finally {
    probe.disconnect();
  }
}
