"""The one way BP Studio writes a file: beside the target, then an atomic rename.

Every writer (session files, ``--json``, ``--history``, ``--plot``, ``--save``,
``--out``, every studio export) goes through :func:`replacing_path` or
:func:`replacing_file`, so that

* a crash, a full disk or ``kill -9`` mid-write never leaves a half-written
  file in place of a good one: the bytes go to a temporary file in the
  target's own folder (same file system, so the rename is atomic) and only a
  complete, flushed file replaces the target;
* only a regular file or a new path is ever replaced.  A symlink is written
  *through*: its target (resolved first, links of links too) is replaced and
  the link stays a link.  A device node, FIFO, socket or folder is refused
  with :class:`UnsafeTargetError`, so ``--save /dev/null`` never turns
  /dev/null into a regular file;
* a read-only file is refused, not replaced: renaming over it would succeed
  (the folder is writable), but its owner said it must not change;
* the kernel's protected-symlinks rule is kept by the writer itself: because
  it resolves a link and renames over the link's *target*, the kernel never
  sees the link followed.  So in a sticky, world-writable folder (/tmp) a
  link owned by someone other than the writer and the folder's owner is
  refused — otherwise another user could plant ``/tmp/lesson.bpstudio`` →
  ``~victim/notes.txt`` and the victim's save would replace their own file;
* an existing file keeps its permission bits (and, for root, its owner); a
  new file gets the usual mode from the umask (0666 minus the umask), because
  the temporary file is created with that mode, not mkstemp's 0600;
* temporary files are recognisable — ``.NAME.bpstudio-tmp-PID-RANDOM.SUFFIX``
  — and the next write to the same target removes those whose process is
  gone (on systems without process ids, those older than a day);
* every error names the target file, not the temporary one.

Writers that open files themselves (QImage.save, QSvgGenerator) use
:func:`replacing_path`, which hands them the temporary path; the temporary
name keeps the target's suffix so they pick the same format.
"""

from __future__ import annotations

import contextlib
import os
import stat
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

TEMP_MARK = ".bpstudio-tmp-"
STALE_AGE_S = 24 * 3600  # where process ids cannot be checked


class UnsafeTargetError(OSError):
    """A path BP Studio will not replace (device, FIFO, socket, folder, missing folder)."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        message = f"{os.fspath(path)} {reason}"
        super().__init__(message)
        self.strerror = message
        self.filename = None

    def __str__(self) -> str:
        return self.strerror or ""


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "is a FIFO (named pipe), not a regular file; BP Studio writes only regular files"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a regular file; BP Studio writes only regular files"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a regular file; BP Studio writes only regular files"
    return "is not a regular file; BP Studio writes only regular files"


def resolve_target(path: str | os.PathLike[str]) -> Path:
    """The real file a write to ``path`` replaces; refuses what must not be replaced.

    A symlink resolves to its final target (which may not exist yet).  Raises
    :class:`UnsafeTargetError` for a folder, device, FIFO or socket, or when
    the folder the file would go in does not exist.
    """
    given = Path(path)
    if str(given) == "":
        raise UnsafeTargetError("''", "is not a file name")
    _check_links(given)
    target = Path(os.path.realpath(given))
    try:
        info = os.stat(target)
    except FileNotFoundError:
        info = None
    except OSError as err:  # a symlink loop, a path through a file, no permission
        raise OSError(err.errno, err.strerror, os.fspath(given)) from None
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise UnsafeTargetError(given, _kind(info.st_mode))
    if info is not None and (not info.st_mode & stat.S_IWUSR or not os.access(target, os.W_OK)):
        raise UnsafeTargetError(given, "is read-only; BP Studio does not replace it: choose another name, or make it writable first")
    if not target.parent.is_dir():
        raise UnsafeTargetError(given, f"cannot be written: the folder {target.parent} does not exist")
    return target


MAX_LINK_HOPS = 40  # as the kernel's limit on links followed in one lookup


def _check_links(given: Path) -> None:
    """Follow the links of ``given`` one by one, refusing one the kernel would not follow.

    Under Linux's protected_symlinks rule a symlink in a sticky, world-writable
    folder is followed only when its owner is the follower or the folder's
    owner.  The writer resolves links itself (see :func:`resolve_target`), so
    it applies the same rule to every link it is about to follow.
    """
    if not hasattr(os, "geteuid"):
        return  # no owners to compare (Windows)
    current = Path(os.path.abspath(given))
    for _ in range(MAX_LINK_HOPS):
        try:
            link = os.lstat(current)
        except OSError:
            return  # a new name, or a path resolve_target will refuse with its own reason
        if not stat.S_ISLNK(link.st_mode):
            return
        folder_path = Path(os.path.realpath(current.parent))
        try:
            folder = os.stat(folder_path)
        except OSError:
            return
        shared = folder.st_mode & stat.S_ISVTX and folder.st_mode & stat.S_IWOTH
        if shared and link.st_uid not in (os.geteuid(), folder.st_uid):
            raise UnsafeTargetError(
                given,
                f"is a symbolic link owned by another user in the shared folder {folder_path}; "
                "BP Studio does not follow it (choose another name)",
            )
        current = Path(os.path.abspath(folder_path / os.readlink(current)))


def _temp_name(target: Path) -> Path:
    return target.with_name(f".{target.name}{TEMP_MARK}{os.getpid()}-{os.urandom(4).hex()}{target.suffix}")


def _is_stale(candidate: Path) -> bool:
    middle = candidate.name.split(TEMP_MARK, 1)[1]
    pid_text = middle.split("-", 1)[0]
    if os.name == "posix" and pid_text.isdigit():
        pid = int(pid_text)
        if pid == os.getpid():
            return False
        try:
            os.kill(pid, 0)  # signal 0 only asks whether the process exists
        except ProcessLookupError:
            return True
        except OSError:
            return False  # exists, but belongs to someone else
        return False
    try:
        return time.time() - candidate.stat().st_mtime > STALE_AGE_S
    except OSError:
        return False


def clean_stale_temporaries(target: Path) -> list[Path]:
    """Remove temporaries left by killed writes of ``target``; returns what was removed."""
    removed: list[Path] = []
    prefix = f".{target.name}{TEMP_MARK}"
    try:
        candidates = [p for p in target.parent.iterdir() if p.name.startswith(prefix)]
    except OSError:
        return removed
    for candidate in candidates:
        if _is_stale(candidate) and candidate.is_file() and not candidate.is_symlink():
            with contextlib.suppress(OSError):
                candidate.unlink()
                removed.append(candidate)
    return removed


def _create_temp(target: Path) -> Path:
    """An empty new file beside ``target``; mode 0666 minus the umask (the kernel applies it)."""
    for _ in range(100):
        temp = _temp_name(target)
        try:
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        except FileExistsError:
            continue
        os.close(fd)
        return temp
    raise FileExistsError(f"no free temporary name beside {target}")


def _finish(temp: Path, target: Path) -> None:
    """Flush ``temp`` to disk, give it the target's mode and owner, and rename it over the target."""
    with open(temp, "rb+") as handle:
        os.fsync(handle.fileno())
    try:
        old = os.stat(target)
    except FileNotFoundError:
        old = None
    if old is not None:
        os.chmod(temp, stat.S_IMODE(old.st_mode))
        if hasattr(os, "chown") and hasattr(os, "geteuid") and os.geteuid() == 0:
            with contextlib.suppress(OSError):
                os.chown(temp, old.st_uid, old.st_gid)
    os.replace(temp, target)
    if os.name == "posix":  # make the rename itself durable
        with contextlib.suppress(OSError):
            folder = os.open(target.parent, os.O_RDONLY)
            try:
                os.fsync(folder)
            finally:
                os.close(folder)


@contextlib.contextmanager
def replacing_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path to write; on success it atomically becomes ``path``.

    On any exception the temporary file is removed and ``path`` is untouched.
    OSErrors name ``path`` (the file the user chose), not the temporary file.
    """
    target = resolve_target(path)
    clean_stale_temporaries(target)
    try:
        temp = _create_temp(target)
    except OSError as err:
        raise _naming(err, path) from None
    try:
        yield temp
        _finish(temp, target)
    except BaseException as err:
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(err, OSError) and not isinstance(err, UnsafeTargetError):
            raise _naming(err, path) from None
        raise


@contextlib.contextmanager
def replacing_file(path: str | os.PathLike[str], mode: str = "w", **open_args: Any) -> Iterator[IO[Any]]:
    """``open(path, mode)`` for writing, but atomic: ``mode`` is "w" or "wb"."""
    if mode not in ("w", "wb"):
        raise ValueError(f"replacing_file writes whole files ('w' or 'wb'), not {mode!r}")
    with replacing_path(path) as temp, open(temp, mode, **open_args) as handle:
        yield handle


def write_text(path: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> None:
    with replacing_file(path, "w", encoding=encoding) as handle:
        handle.write(text)


def write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    with replacing_file(path, "wb") as handle:
        handle.write(data)


def _naming(err: OSError, path: str | os.PathLike[str]) -> OSError:
    """The same error, naming the file the user asked for."""
    if err.errno is None:
        return OSError(f"{os.fspath(path)}: {err}")
    return OSError(err.errno, err.strerror, os.fspath(path))


def check_writable(path: str | os.PathLike[str]) -> None:
    """Create and remove the temporary file a write to ``path`` would use, raising what that raises.

    A name too long once the temporary's mark is added, a folder that takes no
    new files (``/proc/self/fd``), a read-only disk: each fails here, before a
    long run, rather than after it.
    """
    target = resolve_target(path)
    try:
        _create_temp(target).unlink()
    except OSError as err:
        raise _naming(err, path) from None
