// Seconds to fit the GL(n), O(n) and pixel-permutation shadows at MNIST size (n = 784 pixels,
// N = 10,000 inputs) for a linear autoencoder y = P x + noise with a planted permutation P.
// Prints {"bench":"shadow",...}: one run of each fit (they take seconds), plus the Hungarian
// assignment alone on the 784 x 784 cross-correlation and on a uniform random 784 x 784 cost (a
// harder instance: no dominant diagonal).
import { RandomSource, linearAssignment } from '../src/core/index.js';
import { crossProduct, glShadow, orthogonalShadow, permutationShadow } from '../src/shadow/index.js';

const n = 784;
const count = 10_000;
const rng = RandomSource.fromSeed(1);
const sigma = rng.permutation(n);
const inputs = rng.fillNormal(new Float32Array(count * n));
const outputs = rng.fillNormal(new Float32Array(count * n), 0, 0.1);
for (let i = 0; i < count; i++) for (let q = 0; q < n; q++) outputs[i * n + sigma[q]] += inputs[i * n + q];
const data = { inputs, outputs, count, dim: n };

const time = async <T>(f: () => Promise<T> | T): Promise<[number, T]> => {
  const t0 = performance.now();
  const r = await f();
  return [Math.round(performance.now() - t0) / 1000, r];
};
await crossProduct(inputs, outputs, count, n); // warm the session
const [crossSeconds, c] = await time(() => crossProduct(inputs, outputs, count, n));
const [hungarianSeconds] = await time(() => linearAssignment(c, n, { maximize: true }));
const [randomHungarianSeconds] = await time(() => linearAssignment(RandomSource.fromSeed(2).fillUniform(new Float64Array(n * n)), n));
const [permSeconds, perm] = await time(() => permutationShadow(data));
const [oSeconds, o] = await time(() => orthogonalShadow(data));
const [glSeconds, gl] = await time(() => glShadow(data));
const recovered = perm.element.every((v, q) => v === sigma[q]);
console.log(
  JSON.stringify({
    bench: 'shadow',
    n,
    count,
    crossProductSeconds: crossSeconds,
    hungarianSeconds,
    randomHungarianSeconds,
    permSeconds,
    oSeconds,
    glSeconds,
    permRecovered: recovered,
    errors: { perm: +perm.error.toPrecision(4), o: +o.error.toPrecision(4), gl: +gl.error.toPrecision(4) },
    glConditionNumber: +gl.conditionNumber!.toPrecision(4),
  }),
);
