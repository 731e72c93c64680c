"""Choosing a file to write: the extension first, then the question about an existing file.

The file dialog asks before replacing the name the user typed, but BP Studio
appends the extension afterwards: typing ``lesson`` where ``lesson.bpstudio``
exists replaced it with no question.  So the dialog's own question is turned
off, the extension is appended first, and the studio asks about the *final*
name — every time that name exists (a link or a file).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


def with_extension(path: str, extension: str) -> str:
    """``path`` ending in ``extension`` (``".png"``): appended unless it already ends so (any case)."""
    return path if path.lower().endswith(extension.lower()) else path + extension


def filter_extension(chosen_filter: str) -> str:
    """The extension of a filter such as ``"PNG image (*.png)"``: ``".png"``."""
    return chosen_filter.split("*")[-1].rstrip(")").strip()


def confirm_replace(parent: QWidget | None, path: str) -> bool:
    """True when ``path`` is new, or the user agrees to replace the existing file."""
    if not os.path.lexists(path):
        return True
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("SaveNames", "Replace the file?"),
        QCoreApplication.translate("SaveNames", "{name} already exists in {folder}.\nDo you want to replace it?").format(
            name=Path(path).name, folder=Path(path).parent
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def ask_save_path(parent: QWidget | None, title: str, start: str, filters: str, extension: str | None = None) -> str:
    """The final file name to write, or "" when the user cancels (the dialog or the question).

    ``extension`` is appended when the name lacks it; without one, the chosen
    filter's is appended to a name that has no extension at all.
    """
    path, chosen = QFileDialog.getSaveFileName(parent, title, start, filters, options=QFileDialog.Option.DontConfirmOverwrite)
    if not path:
        return ""
    if extension is not None:
        path = with_extension(path, extension)
    elif "." not in Path(path).name and chosen:
        path += filter_extension(chosen)
    return path if confirm_replace(parent, path) else ""
