"""The plot's right-click Export… writes through the one safe writer too.

pyqtgraph's exporters (PNG, SVG, CSV) open the chosen file themselves and
write in place; wrapped here, they write a temporary file beside it that
replaces the target only when complete, refuse devices, FIFOs and folders,
and a failure is a message naming the file instead of a traceback on the
console.  (Copy to clipboard and export to bytes are left as they are.
pyqtgraph 0.13's SVG exporter raises ValueError on this plot's Qt 6 paths;
that is caught and said too — File > Export draws the SVG figure itself.)
"""

from __future__ import annotations

import functools

from pyqtgraph import exporters
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from bpstudio.control.files.safe_write import replacing_path
from bpstudio.qt.shell.safe_text import literal

_WRAPPED = "_bpstudio_safe"


def _safe(export):
    @functools.wraps(export)
    def wrapper(self, fileName=None, **options):
        if fileName is None or options.get("toBytes") or options.get("copy"):
            return export(self, fileName=fileName, **options)
        try:
            with replacing_path(fileName) as temp:
                return export(self, fileName=str(temp), **options)
        except (OSError, ValueError) as err:  # ValueError: pyqtgraph's SVG exporter fails on some paths
            QMessageBox.warning(
                None,
                QCoreApplication.translate("ExportMenu", "Export failed"),
                literal(
                    QCoreApplication.translate("ExportMenu", "{path} could not be written:\n{reason}").format(path=fileName, reason=err)
                ),
            )
            return None

    setattr(wrapper, _WRAPPED, True)
    return wrapper


def install_safe_plot_exports() -> None:
    """Wrap the file-writing exporters once (idempotent)."""
    for cls in (exporters.ImageExporter, exporters.SVGExporter, exporters.CSVExporter):
        if not getattr(cls.export, _WRAPPED, False):
            cls.export = _safe(cls.export)
