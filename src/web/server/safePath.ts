import { realpath } from 'node:fs/promises';
import { join, sep } from 'node:path';

/**
 * Resolve a URL path (still percent-encoded, relative to a served root) to a real file path inside
 * `root`, or null when it must be refused. Each segment is decoded exactly once; a segment that is
 * empty, `.` or `..`, or that after decoding still holds `/`, `\`, `%` (a double-encoded form such
 * as %252e%252e) or NUL is refused, and so is a path whose real location (symlinks followed) lies
 * outside root's real location. Files whose names contain `%` are therefore not served.
 */
export async function resolveInside(root: string, encodedPath: string): Promise<string | null> {
  if (encodedPath === '' || encodedPath.includes('\\') || encodedPath.includes('\0')) return null;
  const segments: string[] = [];
  for (const raw of encodedPath.split('/')) {
    let s: string;
    try {
      s = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (s === '' || s === '.' || s === '..' || /[/\\%\0]/.test(s)) return null;
    segments.push(s);
  }
  let realRoot: string;
  let real: string;
  try {
    realRoot = await realpath(root);
    real = await realpath(join(realRoot, ...segments));
  } catch {
    return null;
  }
  return real.startsWith(realRoot + sep) ? real : null;
}
