"""Reading a session archive without trusting it: bounded bytes, bounded JSON depth.

A zip's headers may lie about sizes (a 2 MB file that declares small members
and inflates to 2 GB), so the declared sizes are only a first, cheap refusal;
what counts is the bytes actually decompressed, read in chunks and counted
against :data:`MAX_MEMBER_BYTES` per member and :data:`MAX_TOTAL_BYTES` for
the whole file.  The archive itself must be a regular file (never a device
such as /dev/urandom, which would be read without end) of at most
:data:`MAX_FILE_BYTES`.  JSON nesting deeper than :data:`MAX_JSON_DEPTH` is
refused (the format needs 4 levels) instead of ending in a RecursionError.
"""

from __future__ import annotations

import json
import os
import re
import stat
import zipfile
from typing import Any

MAX_MEMBER_BYTES = 256 * 1024 * 1024  # one decompressed array
MAX_TOTAL_BYTES = 512 * 1024 * 1024  # everything decompressed
MAX_FILE_BYTES = 512 * 1024 * 1024  # the archive on disk
MAX_JSON_BYTES = 4 * 1024 * 1024
MAX_JSON_DEPTH = 16
MAX_MEMBERS = 64
CHUNK = 1024 * 1024


class ArchiveError(Exception):
    """The archive cannot be read safely; ``str(err)`` is the reason, for the user."""


def open_archive(path: str | os.PathLike[str], kind: str = "session", max_members: int = MAX_MEMBERS) -> zipfile.ZipFile:
    """The zip at ``path``, after checking it is a regular file of a sane size.

    ``kind`` names the file in the messages (a lecture holds sessions, so it may hold more members).
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise ArchiveError("the file does not exist") from None
    except OSError as err:
        raise ArchiveError(f"the file cannot be read ({err.strerror or err})") from None
    if stat.S_ISDIR(info.st_mode):
        raise ArchiveError(f"this is a folder, not a {kind} file")
    if not stat.S_ISREG(info.st_mode):
        raise ArchiveError(f"this is not a regular file (a device, FIFO or socket), not a {kind} file")
    if info.st_size > MAX_FILE_BYTES:
        raise ArchiveError(f"the file is larger than BP Studio accepts ({MAX_FILE_BYTES // 2**20} MB)")
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as err:
        raise ArchiveError(f"this is not a BP Studio {kind} file ({err})") from None
    if len(archive.infolist()) > max_members:
        archive.close()
        raise ArchiveError(f"the file holds more than {max_members} parts: it is not a BP Studio {kind}")
    declared = [i.file_size for i in archive.infolist()]
    if sum(declared) > MAX_TOTAL_BYTES or any(size > MAX_MEMBER_BYTES for size in declared):
        archive.close()
        raise ArchiveError(f"the file would unpack to more than BP Studio accepts ({MAX_TOTAL_BYTES // 2**20} MB)")
    return archive


class BoundedReader:
    """Reads members of one archive, counting the bytes actually decompressed."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        self.total = 0

    def read(self, name: str, cap: int = MAX_MEMBER_BYTES) -> bytes:
        parts = []
        size = 0
        try:
            with self.archive.open(name) as member:
                while True:
                    chunk = member.read(CHUNK)
                    if not chunk:
                        break
                    size += len(chunk)
                    self.total += len(chunk)
                    if size > cap:
                        raise ArchiveError(f"{name} unpacks to more than BP Studio accepts ({cap // 2**20} MB)")
                    if self.total > MAX_TOTAL_BYTES:
                        raise ArchiveError(f"the file unpacks to more than BP Studio accepts ({MAX_TOTAL_BYTES // 2**20} MB)")
                    parts.append(chunk)
        except ArchiveError:
            raise
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError) as err:
            raise ArchiveError(f"{name} cannot be read ({err})") from None
        return b"".join(parts)


class PartsReader(BoundedReader):
    """Members already read (and counted) from an archive, handed to a validator that reads by name.

    A lecture reads each scene's members once, against its own budget; the
    session's validator and the scene's kept runs and redo branch then read
    them from here, each member still held to its cap.
    """

    def __init__(self, parts: dict[str, bytes]) -> None:
        self.parts = parts
        self.total = 0

    def read(self, name: str, cap: int = MAX_MEMBER_BYTES) -> bytes:
        data = self.parts.get(name)
        if data is None:
            raise ArchiveError(f"the scene has no {name}")
        if len(data) > cap:
            raise ArchiveError(f"{name} unpacks to more than BP Studio accepts ({cap // 2**20} MB)")
        return data


def parse_json(data: bytes, name: str = "session.json") -> Any:
    """Decode and parse, refusing nesting deeper than :data:`MAX_JSON_DEPTH`."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise ArchiveError(f"{name} cannot be read ({err})") from None
    if _bracket_depth(text) > MAX_JSON_DEPTH:
        raise ArchiveError(f"{name} is nested more than {MAX_JSON_DEPTH} levels deep")
    try:
        return json.loads(text)
    except (json.JSONDecodeError, RecursionError, ValueError) as err:
        raise ArchiveError(f"{name} cannot be read ({err})") from None


_STRING = re.compile(r'"(?:\\.|[^"\\])*"')
_BRACKET = re.compile(r"[\[\]{}]")


def _bracket_depth(text: str) -> int:
    """Deepest nesting of [ and { outside strings, without parsing (so without recursion)."""
    depth = deepest = 0
    for match in _BRACKET.finditer(_STRING.sub("", text)):
        if match.group() in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest
