"""Filling a table whose sections size to their contents, measured once instead of once per cell.

A header in ResizeToContents mode measures every row again on each changed
cell: filling the inspector's 32 chain paths took ~100 ms of the GUI thread,
once a second while a run trains.  Inside :func:`sized_once` the sections stay
fixed; leaving it measures them once (about 2 ms).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtWidgets import QHeaderView, QTableWidget


@contextmanager
def sized_once(table: QTableWidget) -> Iterator[QTableWidget]:
    headers = (table.horizontalHeader(), table.verticalHeader())
    modes = [[header.sectionResizeMode(i) for i in range(header.count())] for header in headers]
    fixed = QHeaderView.ResizeMode.Fixed
    for header, kept in zip(headers, modes, strict=True):
        for i, mode in enumerate(kept):
            if mode == QHeaderView.ResizeMode.ResizeToContents:
                header.setSectionResizeMode(i, fixed)
    try:
        yield table
    finally:
        for header, kept in zip(headers, modes, strict=True):
            for i, mode in enumerate(kept):
                if mode == QHeaderView.ResizeMode.ResizeToContents and i < header.count():
                    header.setSectionResizeMode(i, mode)
