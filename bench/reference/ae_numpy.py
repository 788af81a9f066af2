"""Reference for bench/contention.ts: the train bench's autoencoder epoch in numpy.

784-256 tied sigmoid autoencoder, binary cross-entropy summed over pixels and averaged over the
minibatch, plain SGD lr 0.1, batch 64, with hand-written gradients. Usage:
  python3 ae_numpy.py DIGITS.f32 EPOCHS
DIGITS.f32 holds the 10,000 digits as raw float32 [10000, 784]. Prints one JSON list: the
seconds of each epoch. numpy's own BLAS threads are left as they come (its default).
"""
import json
import sys
import time

import numpy as np

x_all = np.fromfile(sys.argv[1], dtype=np.float32).reshape(-1, 784)
epochs = int(sys.argv[2])
n, d, h, batch, lr = x_all.shape[0], 784, 256, 64, np.float32(0.1)
rng = np.random.default_rng(1)
r = 4 * np.sqrt(6 / (d + h))
W = rng.uniform(-r, r, (h, d)).astype(np.float32)
b = np.zeros(h, np.float32)
c = np.zeros(d, np.float32)


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


seconds = []
for _ in range(epochs):
    t0 = time.perf_counter()
    order = rng.permutation(n)
    for s in range(n // batch):
        x = x_all[order[s * batch:(s + 1) * batch]]
        hid = sigmoid(x @ W.T + b)
        out = sigmoid(hid @ W + c)
        # d(mean BCE)/d(pre-activation of the output) for a sigmoid output
        dz2 = (out - x) / batch
        dz1 = (dz2 @ W.T) * hid * (1 - hid)
        W -= lr * (hid.T @ dz2 + dz1.T @ x)
        c -= lr * dz2.sum(0)
        b -= lr * dz1.sum(0)
    seconds.append(time.perf_counter() - t0)
print(json.dumps(seconds))
