import { describe, expect, it } from 'vitest';
import { RandomSource } from '../../src/core/index.js';
import { Autoencoder, NotFittedError, Rbm } from '../../src/nn/index.js';

const rng = RandomSource.fromSeed(8);
const data = Float32Array.from({ length: 80 * 10 }, () => (rng.float() < 0.4 ? 1 : 0));

describe('estimators', () => {
  it('new Autoencoder(options) validates strictly and stores options only; methods before fit throw NotFittedError', () => {
    expect(() => new Autoencoder({ hidden: 4, loss: 'hinge' } as never)).toThrow(/Autoencoder: loss: /);
    expect(() => new Autoencoder({ hidden: 4, colour: 1 } as never)).toThrow(/unknown key "colour"/);
    const ae = new Autoencoder({ hidden: 4 });
    expect(() => ae.weights).toThrow(NotFittedError);
    expect(() => ae.transform(data)).toThrow(/Autoencoder.transform: the model is not fitted yet/);
  });

  it('Autoencoder.fit(x, dim) returns this, and fromConfig(getConfig()) refits to the same weights', async () => {
    const ae = new Autoencoder({ hidden: 4, epochs: 2, batch: 8, threads: 1, seed: 3 });
    expect(await ae.fit(data, 10)).toBe(ae);
    expect(ae.weights.shape).toEqual([4, 10]);
    expect(ae.history.length).toBe(2);
    const again = await Autoencoder.fromConfig(ae.getConfig()).fit(data, 10);
    expect(again.weights.W).toEqual(ae.weights.W);
    const codes = await ae.transform(data);
    expect(codes.length).toBe(80 * 4);
  });

  it('Rbm.fit records reconstruction error, free energy and pseudo-likelihood per epoch', async () => {
    const rbm = await new Rbm({ hidden: 5, epochs: 3, batch: 8, threads: 1, lr: 0.1 }).fit(data, 10);
    expect(rbm.history.map((h) => Object.keys(h).sort())[0]).toEqual(['epoch', 'freeEnergyTrain', 'loss', 'pseudoLikelihood', 'seconds']);
    expect(rbm.history.every((h) => h.pseudoLikelihood < 0)).toBe(true);
  });
});
