"""A growing float buffer: amortised O(1) appends, a view of what is filled.

JVal histories reach hundreds of thousands of points; appending to a Python
list and converting for every plot refresh would cost more than training.
"""

from __future__ import annotations

import numpy as np


class GrowingBuffer:
    """Preallocated NumPy storage that doubles when full."""

    def __init__(self, capacity: int = 1024) -> None:
        self._data = np.empty(max(int(capacity), 1))
        self._size = 0

    def __len__(self) -> int:
        return self._size

    def append(self, value: float) -> None:
        if self._size == self._data.size:
            self._grow(self._size + 1)
        self._data[self._size] = value
        self._size += 1

    def extend(self, values: np.ndarray) -> None:
        values = np.asarray(values, dtype=float).reshape(-1)
        end = self._size + values.size
        if end > self._data.size:
            self._grow(end)
        self._data[self._size : end] = values
        self._size = end

    def truncate(self, size: int) -> None:
        """Keep the first ``size`` values (used when rewinding)."""
        if not 0 <= size <= self._size:
            raise ValueError(f"cannot truncate {self._size} values to {size}")
        self._size = size

    def view(self) -> np.ndarray:
        """The filled part, read-only; valid until the next append."""
        out = self._data[: self._size]
        out.flags.writeable = False
        return out

    def copy(self) -> np.ndarray:
        return self._data[: self._size].copy()

    def _grow(self, needed: int) -> None:
        capacity = self._data.size
        while capacity < needed:
            capacity *= 2
        data = np.empty(capacity)
        data[: self._size] = self._data[: self._size]
        self._data = data

    def __repr__(self) -> str:
        return f"GrowingBuffer(size={self._size}, capacity={self._data.size})"
