"""The GUI's own copy of the JVal history, kept in step by Updates.

One rule — truncate to ``history_start``, then append ``jvals`` — covers a
running batch, a rewind, a reset and a new run; the copy lives in a growing
NumPy buffer so the plot can draw it without conversions.
"""

from __future__ import annotations

import numpy as np

from bpstudio.control.runtime.session import Update
from bpstudio.engine.history import GrowingBuffer


class HistoryMirror:
    def __init__(self) -> None:
        self.buffer = GrowingBuffer(4096)
        self.test = GrowingBuffer(4096)  # held-out JVal, when the run has a test set
        self.iteration = 0

    def apply(self, update: Update) -> bool:
        """Apply an update; return True when earlier points were dropped (rewind/new run)."""
        dropped = update.history_start < len(self.buffer)
        self.buffer.truncate(min(update.history_start, len(self.buffer)))
        self.buffer.extend(update.jvals)
        if update.test_jvals is None:
            self.test.truncate(0)
        else:
            self.test.truncate(min(update.history_start, len(self.test)))
            self.test.extend(update.test_jvals)
        self.iteration = update.iteration
        return dropped

    def __len__(self) -> int:
        return len(self.buffer)

    def values(self) -> np.ndarray:
        return self.buffer.view()

    def test_values(self) -> np.ndarray:
        return self.test.view()
