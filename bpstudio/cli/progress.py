"""A one-line progress bar on stderr: iterations, JVal, iterations per second.

Shown only on a terminal (a log file or a pipe gets no carriage-return
clutter) and redrawn at most ten times a second.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO


class ProgressBar:
    def __init__(self, total: int, enabled: bool | None = None, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.total = max(int(total), 0)
        if enabled is None:
            enabled = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.enabled = enabled
        self.started = time.perf_counter()
        self._last_draw = 0.0

    def update(self, iteration: int, jval: float, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.perf_counter()
        if not force and now - self._last_draw < 0.1:
            return
        self._last_draw = now
        elapsed = max(now - self.started, 1e-9)
        rate = iteration / elapsed
        width = 28
        filled = int(width * iteration / self.total) if self.total else width
        bar = "#" * filled + "-" * (width - filled)
        self.stream.write(f"\r[{bar}] {iteration}/{self.total}  JVal {jval:.6g}  {rate:,.0f} it/s ")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\n")
            self.stream.flush()
