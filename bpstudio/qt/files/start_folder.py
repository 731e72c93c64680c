"""Where the Save, Open and Export dialogs start: where the user keeps files.

A bare name such as ``session.bpstudio`` makes a file dialog start in the
program's working directory: ``/`` when the studio is started from a desktop
entry or Finder, ``C:\\Program Files\\BP Studio`` from a Windows shortcut,
folders a student cannot write to.  Every dialog asks here instead: the
folder used last (remembered between starts), else the Documents folder,
else the home folder, each only while it exists, is writable and is not a
file system's root.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

from bpstudio.qt.shell.studio_settings import studio_settings_store

LAST_FOLDER_KEY = "last_folder"


def usable(folder: str | Path | None) -> bool:
    """True for an existing folder the user can write to that is not a root (``/``, ``C:\\``)."""
    if not folder:
        return False
    path = Path(folder)
    try:
        return path.is_dir() and path.parent != path and os.access(path, os.W_OK | os.X_OK)
    except OSError:  # an unreachable network drive
        return False


def users_folders() -> list[str]:
    """The Documents folder, then the home folder, as the system names them."""
    locations = (QStandardPaths.StandardLocation.DocumentsLocation, QStandardPaths.StandardLocation.HomeLocation)
    return [QStandardPaths.writableLocation(location) for location in locations]


def first_usable(candidates: Iterable[str | Path | None]) -> Path:
    """The first usable candidate; the home folder when none is (a dialog then shows where it is)."""
    for candidate in candidates:
        if usable(candidate):
            return Path(candidate)  # type: ignore[arg-type]  # usable() refused None
    return Path.home()


def start_folder(store: QSettings | None = None) -> Path:
    """The folder a dialog without a current file starts in."""
    store = store if store is not None else studio_settings_store()
    remembered = store.value(LAST_FOLDER_KEY, "")
    return first_usable([remembered if isinstance(remembered, str) else None, *users_folders()])


def start_path(name: str, store: QSettings | None = None) -> str:
    """``name`` in the start folder: what a Save or Export dialog is given to begin with."""
    return str(start_folder(store) / name)


def remember_folder(path: str | Path, store: QSettings | None = None) -> None:
    """Remember the folder of a file the user just chose, for the next dialog."""
    if not path:
        return
    store = store if store is not None else studio_settings_store()
    store.setValue(LAST_FOLDER_KEY, str(Path(path).resolve().parent))
