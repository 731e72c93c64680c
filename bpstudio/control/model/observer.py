"""A plain event: the studio model's way to tell views that something changed, without Qt.

One adapter in ``bpstudio/qt`` connects these events to widgets; the model's
unit tests connect plain functions.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class Event:
    """Callbacks called in the order they connected, with the arguments of :meth:`emit`."""

    def __init__(self, name: str = "") -> None:
        self.name = name
        self._callbacks: list[Callable[..., Any]] = []

    def connect(self, callback: Callable[..., Any]) -> None:
        self._callbacks.append(callback)

    def disconnect(self, callback: Callable[..., Any]) -> None:
        self._callbacks.remove(callback)

    def emit(self, *args: Any) -> None:
        for callback in list(self._callbacks):
            callback(*args)

    def __repr__(self) -> str:
        return f"Event({self.name!r}, {len(self._callbacks)} connected)"


class Executor:
    """Where the model's costly questions are answered.

    ``submit(key, work, done)`` runs ``work()`` and later calls ``done(result)``
    on the model's own thread; a newer submission with the same ``key``
    supersedes an older one that has not started.  This one runs at once, on
    the caller's thread (tests, the CLI); the studio passes one backed by a
    background thread.
    """

    def submit(self, key: str, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        done(work())
