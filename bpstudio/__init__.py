"""BP Studio: a desktop laboratory for backpropagation."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    """``__version__``, read from the installed metadata when first asked for.

    Looking it up scans the installed distributions (about 60 ms); start-up
    does not need it, only About, session files and ``--version`` do.
    """
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        value = version("bpstudio")
    except PackageNotFoundError:  # running from a source tree that is not installed
        value = "0.0.0+source"
    globals()["__version__"] = value
    return value
