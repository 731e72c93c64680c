"""The ``.bplecture`` file: an ordered list of scenes in one zip (see docs/lecture-format.md).

Each scene is a whole session, stored as the session file stores it (the
same members, written by :func:`.session_file.session_members`, checked by
:func:`.session_file.read_session_members`) under ``scene-NNN/``, and its view
state in ``lecture.json``.  The lecture is read through the session's bounded
archive reader with the same byte budgets, so a lecture of many scenes may
not unpack to more than one session may.

Two kinds of trouble are kept apart: a lecture that is damaged, from a newer
BP Studio, or over the budget is refused whole (:class:`LectureFileError`,
nothing opens); a scene whose session cannot be rebuilt (a newer session
format, data that no longer builds, a parameter its network lacks) is kept,
with the reason in :attr:`.Scene.problem`, and the rest of the lecture opens.
Its stored bytes are kept too, so rewriting the lecture loses nothing.

Writing is deterministic — fixed member order, fixed timestamps and
attributes — so the same scenes give a byte-identical file, and goes through
the safe writer like every file BP Studio writes.
"""

from __future__ import annotations

import json
import os
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass

import bpstudio
from bpstudio.control.files.kept_runs import is_runs_member, read_runs, runs_members
from bpstudio.control.files.redo_members import MAX_BYTES as MAX_REDO_BYTES
from bpstudio.control.files.redo_members import MAX_POINTS as MAX_REDO_POINTS
from bpstudio.control.files.redo_members import is_redo_member, read_redo, redo_members
from bpstudio.control.files.safe_write import replacing_file
from bpstudio.control.files.scene import Scene, SceneError, ViewState, check_against, view_state_from_json
from bpstudio.control.files.session_archive import (
    MAX_JSON_BYTES,
    MAX_MEMBERS,
    ArchiveError,
    BoundedReader,
    PartsReader,
    open_archive,
    parse_json,
)
from bpstudio.control.files.session_file import SavedSession, SessionFileError, read_session_members, session_members
from bpstudio.control.model.finished_runs import MAX_RUNS, FinishedRun
from bpstudio.control.runtime.redo_branch import RedoBranch

FORMAT = "bpstudio-lecture"
# 2: a scene may keep its runs (runs.json, run-KK.npy); 3: and its redo branch (redo.json, redo-*.npy).
# An older lecture reads as one whose scenes have none.
VERSION = 3
MAX_SCENES = 200
MEMBER_TIME = (1980, 1, 1, 0, 0, 0)  # zip's earliest date: no clock in the file
_SCENE_MEMBER = re.compile(r"scene-(\d{3})/([A-Za-z0-9_.-]+)\Z")
SCENE_MEMBERS = MAX_MEMBERS + 1 + MAX_RUNS + 3 + MAX_REDO_POINTS  # a session's, the kept runs', the redo branch's
# Every scene's kept-run curves together (one is at most 2 × 10 000 numbers, 160 KB): 64 MB is 400
# full runs. Without it, 200 scenes of curves stayed inside the archive's budget and took 1 GB.
MAX_KEPT_RUN_BYTES = 64 * 1024 * 1024


class LectureFileError(Exception):
    """A lecture file that cannot be opened; ``str(err)`` is the reason, for the user."""


@dataclass(frozen=True, eq=False)
class Lecture:
    scenes: tuple[Scene, ...]
    app_version: str = ""


def scene_prefix(position: int) -> str:
    """The folder of the scene at ``position`` (from 0) inside the zip."""
    return f"scene-{position + 1:03d}/"


# -- writing -----------------------------------------------------------------------------
def scene_from_session(saved: SavedSession, view: ViewState) -> Scene:
    """A new scene of a checked session; the session's selected parameter becomes the view's."""
    check_against(view, saved)
    selected = None
    if view.selected is not None:
        problem = saved.problem
        assert problem is not None
        selected = problem.network.param_index(*problem.network.parse_param(view.selected))
    members = session_members(
        saved.config, saved.snapshot, saved.history, saved.changes, selected, saved.dataset, saved.test_history, saved.pace
    )
    return Scene(view, saved, tuple(members))


def captured_scene(
    view: ViewState, members: Sequence[tuple[str, bytes]], runs: Sequence[FinishedRun] = (), branch: RedoBranch | None = None
) -> Scene:
    """A scene of a session the studio has just written (``session_members``), read back as a file would be.

    Reading it back through the session validator is what makes "arriving
    restores it exactly" true: the window arrives at what the file holds,
    never at objects that only live in memory.
    """
    return _scene(view, dict(members) | dict(runs_members(runs)) | dict(redo_members(branch)), for_studio=True)


def lecture_members(scenes: Sequence[Scene]) -> list[tuple[str, bytes]]:
    document = {
        "format": FORMAT,
        "version": VERSION,
        "app_version": bpstudio.__version__,
        "scenes": [scene.view.to_json() for scene in scenes],
    }
    members = [("lecture.json", json.dumps(document, indent=1, ensure_ascii=False).encode("utf-8"))]
    for position, scene in enumerate(scenes):
        members += [(scene_prefix(position) + name, data) for name, data in scene.members + scene.run_members + scene.branch_members]
    return members


def save_lecture(path: str | os.PathLike[str], scenes: Sequence[Scene]) -> None:
    """Write ``scenes`` to ``path`` atomically and deterministically; raises OSError on failure."""
    if not 1 <= len(scenes) <= MAX_SCENES:
        raise ValueError(f"a lecture holds 1 to {MAX_SCENES} scenes")
    members = lecture_members(scenes)
    with replacing_file(path, "wb") as raw, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=MEMBER_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # the same bytes whichever system writes them
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)


# -- reading -----------------------------------------------------------------------------
def load_lecture(path: str | os.PathLike[str], for_studio: bool = False) -> Lecture:
    """Read and check a lecture; raises LectureFileError when it cannot be opened at all.

    A scene that cannot be rebuilt is returned with its reason (``Scene.problem``).
    """
    try:
        archive = open_archive(path, kind="lecture", max_members=1 + MAX_SCENES * SCENE_MEMBERS)
    except ArchiveError as err:
        raise LectureFileError(str(err)) from None
    with archive:
        try:
            return _read(archive, for_studio)
        except ArchiveError as err:
            raise LectureFileError(str(err)) from None


def _read(archive: zipfile.ZipFile, for_studio: bool) -> Lecture:
    names = [info.filename for info in archive.infolist()]
    if "lecture.json" not in names:
        raise LectureFileError("the file has no lecture.json: it is not a BP Studio lecture")
    if len(names) != len(set(names)):
        raise LectureFileError("the file names one part twice: it is damaged")
    reader = BoundedReader(archive)
    document = parse_json(reader.read("lecture.json", MAX_JSON_BYTES), "lecture.json")
    if not isinstance(document, dict):
        raise LectureFileError("lecture.json must hold an object")
    _check_header(document)
    raw_views = document.get("scenes")
    if not isinstance(raw_views, list) or not 1 <= len(raw_views) <= MAX_SCENES:
        raise LectureFileError(f"'scenes' must list 1 to {MAX_SCENES} scenes")
    try:
        views = [view_state_from_json(v) for v in raw_views]
    except SceneError as err:
        raise LectureFileError(str(err)) from None
    _check_declared_sizes(archive)
    grouped: list[list[str]] = [[] for _ in views]
    for name in names:
        if name == "lecture.json":
            continue
        match = _SCENE_MEMBER.match(name)
        position = int(match.group(1)) - 1 if match else -1
        if not 0 <= position < len(views):
            raise LectureFileError(f"the file holds a part {name[:60]!r} that belongs to no scene: it is damaged")
        grouped[position].append(name)
    scenes = []
    for position, (view, member_names) in enumerate(zip(views, grouped, strict=True)):
        if len(member_names) > SCENE_MEMBERS:
            raise LectureFileError(f"scene {position + 1} holds more than {SCENE_MEMBERS} parts: it is not a session")
        prefix = scene_prefix(position)
        parts = {name[len(prefix) :]: reader.read(name) for name in member_names}  # counted against the budget
        scenes.append(_scene(view, parts, for_studio))
    return Lecture(tuple(scenes), _plain(document.get("app_version", "")))


def _check_declared_sizes(archive: zipfile.ZipFile) -> None:
    """Budgets counted from the sizes the zip declares (an upper bound on what it unpacks to), before reading.

    A scene's JSON members get the session's JSON budget: a 242 KB lecture whose runs.json
    unpacked to 240 MB of ``0,0,…`` once took 1.5 GB and 8 s to be refused.
    """
    kept = 0
    redo: dict[str, int] = {}  # each scene's redo points, by scene
    for info in archive.infolist():
        match = _SCENE_MEMBER.match(info.filename)
        if match is None:
            continue
        name = match.group(2)
        if name.endswith(".json") and info.file_size > MAX_JSON_BYTES:
            raise LectureFileError(f"{info.filename} would unpack to more than {MAX_JSON_BYTES // 2**20} MB")
        if is_runs_member(name):
            kept += info.file_size
        elif is_redo_member(name) and name.endswith(".npy"):
            redo[match.group(1)] = redo.get(match.group(1), 0) + info.file_size
            if redo[match.group(1)] > MAX_REDO_BYTES:
                raise LectureFileError(f"scene {int(match.group(1))}'s redo branch would unpack to more than {MAX_REDO_BYTES // 2**20} MB")
    if kept > MAX_KEPT_RUN_BYTES:
        raise LectureFileError(f"the scenes' kept runs would unpack to more than {MAX_KEPT_RUN_BYTES // 2**20} MB")


def _scene(view: ViewState, parts: dict[str, bytes], for_studio: bool) -> Scene:
    kept = {name: data for name, data in parts.items() if is_runs_member(name)}
    redo = {name: data for name, data in parts.items() if is_redo_member(name)}
    session = {name: data for name, data in parts.items() if name not in kept and name not in redo}
    members, run_members, branch_members = tuple(session.items()), tuple(kept.items()), tuple(redo.items())
    try:
        saved = read_session_members(PartsReader(session), set(session), for_studio)
        check_against(view, saved)
        runs = read_runs(kept)
        branch = read_redo(redo, saved)
    except (SessionFileError, ArchiveError, SceneError) as err:
        return Scene(view, None, members, str(err), run_members=run_members, branch_members=branch_members)
    return Scene(view, saved, members, runs=runs, run_members=run_members, branch=branch, branch_members=branch_members)


def _check_header(document: dict[str, object]) -> None:
    if document.get("format") != FORMAT:
        raise LectureFileError("this is not a BP Studio lecture file")
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise LectureFileError("the file's format version is missing or not a positive whole number")
    if version > VERSION:
        raise LectureFileError(
            f"this lecture was made by a newer BP Studio (format {version}); this version reads format {VERSION}. Please update BP Studio."
        )


def _plain(value: object) -> str:
    return value if isinstance(value, str) else ""
