"""Mini-batches: which samples each iteration's gradient is taken on.

Batch size 0 (or the whole set) is the article's full-batch descent and
takes no part here.  Otherwise the samples are dealt out in a seeded random
order, a new order each epoch; iteration k's gradient uses batch k of that
sequence (the last batch of an epoch may be smaller).  Batch k depends on k
and the seed alone, so rewinding to a snapshot and stepping on gives the
same batches again.
"""

from __future__ import annotations

import numpy as np

_SHUFFLE_SALT = 104729  # keeps the shuffle's stream apart from the data's and the split's


class MiniBatches:
    """The rows of batch k for ``n`` samples in batches of ``size``."""

    def __init__(self, n: int, size: int, seed: int) -> None:
        if not 0 < size < n:
            raise ValueError("a mini-batch holds from 1 to n - 1 samples")
        self.n, self.size, self.seed = n, size, seed
        self.per_epoch = -(-n // size)
        self._epoch, self._order = -1, np.arange(n)

    def rows(self, k: int) -> np.ndarray:
        """Sample indices of batch ``k`` (k = 0, 1, ...), sorted."""
        epoch, position = divmod(k, self.per_epoch)
        if epoch != self._epoch:
            rng = np.random.RandomState((self.seed * 31 + epoch + _SHUFFLE_SALT) % 2**32)
            self._epoch, self._order = epoch, rng.permutation(self.n)
        return np.sort(self._order[position * self.size : (position + 1) * self.size])

    def scale(self, rows: np.ndarray) -> float:
        """n / batch length: the batch's data term then estimates the whole set's sum."""
        return self.n / len(rows)

    def __repr__(self) -> str:
        return f"MiniBatches({self.n} samples, size {self.size}, seed {self.seed})"
