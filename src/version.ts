import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './core/packageRoot.js';

/** The package version, read from package.json so that there is one place to change it. */
export const VERSION: string = (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
