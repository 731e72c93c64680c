"""The article's approach, written by us: one sample at a time in a Python loop.

For each sample the forward pass caches the basic links' derivatives, the
backward pass chains them, and the per-sample gradients are summed — exactly
the algorithm of the seed article's ``BPEx``, for any layer sizes.  It exists
only to measure how much the vectorised engine gains over it.
"""

from __future__ import annotations

import numpy as np


def jval_and_gradient_per_sample(sizes, weights, inputs, targets):
    shapes = [(a + 1, b) for a, b in zip(sizes[:-1], sizes[1:], strict=True)]
    mats, offset = [], 0
    for rows, cols in shapes:
        mats.append(weights[offset : offset + rows * cols].reshape(rows, cols))
        offset += rows * cols
    grads = [np.zeros(s) for s in shapes]
    jval = 0.0
    for x, y in zip(inputs, targets, strict=True):
        outs = [np.append(x, 1.0)]
        for layer, w in enumerate(mats):
            pre = outs[-1] @ w
            last = layer == len(mats) - 1
            outs.append(pre if last else np.append(np.tanh(pre), 1.0))
        err = outs[-1] - y
        jval += 0.5 * float(err @ err)
        delta = err
        for layer in reversed(range(len(mats))):
            grads[layer] += np.outer(outs[layer], delta)
            if layer:
                o = outs[layer][:-1]
                delta = (mats[layer][:-1] @ delta) * (1.0 - o * o)
    return jval, np.concatenate([g.ravel() for g in grads])


def adam_per_sample(sizes, start, inputs, targets, iterations, alpha=0.001, beta1=0.9, beta2=0.999, epsilon=1e-8):
    """The article's Adam over the per-sample gradient; returns the JVal path."""
    x = np.array(start, dtype=float)
    m, v = np.zeros_like(x), np.zeros_like(x)
    jval, grad = jval_and_gradient_per_sample(sizes, x, inputs, targets)
    path = [jval]
    for k in range(1, iterations + 1):
        m = beta1 * m + (1 - beta1) * grad
        v = beta2 * v + (1 - beta2) * grad * grad
        x = x - alpha / (np.sqrt(v / (1 - beta2**k)) + epsilon) * (m / (1 - beta1**k))
        jval, grad = jval_and_gradient_per_sample(sizes, x, inputs, targets)
        path.append(jval)
    return np.array(path)
