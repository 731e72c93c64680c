"""Garbage is collected on the GUI thread only.

Python runs its cycle collector in whichever thread happens to allocate when a
threshold is crossed — often the training thread or the background worker.
A collection there can free a closed window's Qt objects on the wrong thread,
and Qt crashes later, somewhere unrelated.  pyqtgraph's GarbageCollector turns
automatic collection off and collects from a timer on the GUI thread instead;
the studio installs it once, before its first window.
"""

from __future__ import annotations

from pyqtgraph.util.garbage_collector import GarbageCollector

_collector: GarbageCollector | None = None


def collect_on_the_gui_thread(interval: float = 0.25) -> GarbageCollector:
    global _collector
    if _collector is None:
        _collector = GarbageCollector(interval=interval)
    return _collector
