"""Reference for bench/contention.ts: the train bench's RBM epoch in numpy, or in PyTorch.

784-256 Bernoulli RBM, CD-1 with the reconstruction's probabilities as the negative visible
state (as Orbitscope's CD), lr 0.05, momentum 0.5, no weight decay, batch 64. Usage:
  python3 rbm_numpy.py DIGITS.f32 EPOCHS [numpy|torch]
DIGITS.f32 holds the 10,000 digits as raw float32 [10000, 784]. Prints one JSON list: the
seconds of each epoch. The library's own threads are left as they come (its default).
"""
import json
import sys
import time

import numpy as np

x_all = np.fromfile(sys.argv[1], dtype=np.float32).reshape(-1, 784)
epochs = int(sys.argv[2])
lib = sys.argv[3] if len(sys.argv) > 3 else 'numpy'
n, d, h, batch, lr, mom = x_all.shape[0], 784, 256, 64, 0.05, 0.5
rng = np.random.default_rng(1)
W0 = (rng.standard_normal((h, d)) * 0.01).astype(np.float32)
p = np.clip(x_all.mean(0), 0.001, 0.999)
c0 = np.log(p / (1 - p)).astype(np.float32)

if lib == 'torch':
    import torch

    torch.manual_seed(1)
    X = torch.from_numpy(x_all)
    W, b, c = torch.from_numpy(W0), torch.zeros(h), torch.from_numpy(c0)
    vW, vb, vc = torch.zeros_like(W), torch.zeros_like(b), torch.zeros_like(c)
    perm = lambda: torch.randperm(n)  # noqa: E731
    uniform = lambda: torch.rand(batch, h)  # noqa: E731
    sig = torch.sigmoid
    binary = lambda m: m.float()  # noqa: E731
    torch.set_grad_enabled(False)
else:
    X = x_all
    W, b, c = W0, np.zeros(h, np.float32), c0
    vW, vb, vc = np.zeros_like(W), np.zeros_like(b), np.zeros_like(c)
    perm = lambda: rng.permutation(n)  # noqa: E731
    uniform = lambda: rng.random((batch, h), dtype=np.float32)  # noqa: E731

    def sig(z):
        return 1 / (1 + np.exp(-z))

    # float32 like everything else: bool * 1.0 is float64 in numpy and turned every later product
    # of the reference into float64 (2.35 s an epoch instead of ~0.2 s)
    def binary(m):
        return m.astype(np.float32)

seconds = []
for _ in range(epochs):
    t0 = time.perf_counter()
    order = perm()
    for s in range(n // batch):
        v = X[order[s * batch:(s + 1) * batch]]
        ph0 = sig(v @ W.T + b)
        h0 = binary(uniform() < ph0)
        pv1 = sig(h0 @ W + c)
        ph1 = sig(pv1 @ W.T + b)
        vW = mom * vW + (lr / batch) * (ph0.T @ v - ph1.T @ pv1)
        vb = mom * vb + (lr / batch) * (ph0 - ph1).sum(0)
        vc = mom * vc + (lr / batch) * (v - pv1).sum(0)
        W += vW
        b += vb
        c += vc
        recon = ((v - pv1) ** 2).sum()
    seconds.append(time.perf_counter() - t0)
print(json.dumps(seconds))
