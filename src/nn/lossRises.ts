/** An epoch whose mean training loss rose over the previous epoch's (1-based epoch). */
export interface LossRise {
  readonly epoch: number;
  readonly from: number;
  readonly to: number;
}

/**
 * Epochs of one layer's training whose loss exceeds the previous epoch's: losses[i] is epoch
 * i + 1's mean loss. Training that works lowers the loss epoch by epoch; a rise is flagged
 * (learning rate too high, or the sparsity and decay terms fighting the reconstruction).
 */
export function lossRises(losses: readonly number[]): LossRise[] {
  const rises: LossRise[] = [];
  for (let i = 1; i < losses.length; i++) if (losses[i] > losses[i - 1]) rises.push({ epoch: i + 1, from: losses[i - 1], to: losses[i] });
  return rises;
}

/**
 * The streaming form for progress lines: call it with each finished epoch's loss under a key
 * naming the layer; it returns the previous epoch's loss of that key when the new one is higher,
 * else null.
 */
export function lossRiseTracker(): (key: string, loss: number) => number | null {
  const previous = new Map<string, number>();
  return (key, loss) => {
    const before = previous.get(key);
    previous.set(key, loss);
    return before !== undefined && loss > before ? before : null;
  };
}
