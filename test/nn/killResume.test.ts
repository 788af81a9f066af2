import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { trainStack } from '../../src/nn/trainStack.js';
import { readCheckpoint } from '../../src/nn/checkpoint.js';
import { killTestOptions } from './fixtures/killChild.js';

describe('trainStack killed with SIGKILL', () => {
  it('trainStack(same options) after a SIGKILL continues from the checkpoint and ends with the uninterrupted weights', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orbitscope-kill-'));
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'fixtures', 'killChild.ts'), dir], { stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // wait until the child has written a checkpoint past layer 1's first epochs, then kill it mid-run
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      const ck = existsSync(join(dir, 'checkpoint.safetensors')) ? readCheckpoint(dir) : null;
      if (ck && (ck.layer > 0 || ck.state.epoch >= 3)) break;
    }
    child.kill('SIGKILL');
    await exited;
    expect(existsSync(join(dir, 'model.json'))).toBe(false);
    const at = readCheckpoint(dir)!;
    const resumed = await trainStack(killTestOptions(dir));
    const straight = await trainStack(killTestOptions());
    resumed.layers.forEach((l, i) => {
      expect(Buffer.from(l.weights.W.buffer).equals(Buffer.from(straight.layers[i].weights.W.buffer))).toBe(true);
      expect(Buffer.from(l.weights.c.buffer).equals(Buffer.from(straight.layers[i].weights.c.buffer))).toBe(true);
    });
    expect(at.layer > 0 || at.state.epoch >= 3).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  });
});
