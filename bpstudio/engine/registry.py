"""Operators are found, not listed: each one lives in its own module and says ``RECORD = ...``.

Adding an activation, loss or optimizer should touch one file (plus its translations).  A
package of operators calls :func:`collect` in its ``__init__``: every module in it is imported
and its ``RECORD`` joins the registry under the record's ``name``.  Menus and option lists keep
a stable order through each record's ``order`` (ties by name), not the file system's.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Protocol, TypeVar


class Named(Protocol):
    """What the registry reads of a record: its name (an ``order`` is read if it has one)."""

    @property
    def name(self) -> str: ...


T = TypeVar("T", bound=Named)


def collect(package: str, path: list[str], kind: type[T]) -> dict[str, T]:
    """The ``RECORD`` of every module in ``package`` (whose ``__path__`` is ``path``), by name.

    A module without a ``RECORD`` (a helper shared by several operators) is skipped; a record of
    the wrong kind or a name used twice is a programming error and says which module made it.
    """
    found: dict[str, tuple[int, str, T]] = {}
    for info in pkgutil.iter_modules(path):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{package}.{info.name}")
        record = getattr(module, "RECORD", None)
        if record is None:
            continue
        if not isinstance(record, kind):
            raise TypeError(f"{module.__name__}.RECORD is a {type(record).__name__}, not a {kind.__name__}")
        name = str(record.name)
        if name in found:
            raise ValueError(f"two {kind.__name__} records are called {name!r} ({module.__name__} and another)")
        found[name] = (int(getattr(record, "order", 100)), name, record)
    return {name: record for _order, name, record in sorted(found.values(), key=lambda item: (item[0], item[1]))}
