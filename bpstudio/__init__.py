"""BP Studio: a desktop laboratory for backpropagation."""
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("bpstudio")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+source"
