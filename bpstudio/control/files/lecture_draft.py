"""The lecture the studio has open: its scenes in order, its file, and whether it has unsaved edits.

Scenes are immutable (:class:`.scene.Scene`): an edit — rename, a note,
reorder, duplicate, delete, Update scene — replaces the list, never a scene
in it, so presenting (arriving, training, stepping) cannot change one, and
the list before an edit is all an undo needs.  "Unsaved" compares the list
with the one last opened or saved, scene by scene, by identity.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from bpstudio.control.files.lecture_file import Lecture, load_lecture, save_lecture
from bpstudio.control.files.scene import Scene


class LectureDraft:
    def __init__(self) -> None:
        self.scenes: tuple[Scene, ...] = ()
        self.path: Path | None = None
        self._saved: tuple[Scene, ...] = ()

    @property
    def is_open(self) -> bool:
        return bool(self.scenes) or self.path is not None

    @property
    def unsaved(self) -> bool:
        return len(self.scenes) != len(self._saved) or any(a is not b for a, b in zip(self.scenes, self._saved, strict=True))

    def open(self, path: str | os.PathLike[str]) -> Lecture:
        """Read ``path`` (LectureFileError when it cannot be opened); the draft changes only when it can."""
        lecture = load_lecture(path, for_studio=True)
        self.scenes = self._saved = lecture.scenes
        self.path = Path(path)
        return lecture

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the scenes to ``path`` (OSError, ValueError for an empty lecture); then it is the draft's file."""
        save_lecture(path, self.scenes)
        self.path = Path(path)
        self._saved = self.scenes

    def close(self) -> None:
        self.scenes = self._saved = ()
        self.path = None

    # -- edits: each gives the new list ------------------------------------------------------------------
    def with_view(self, position: int, **changes: object) -> tuple[Scene, ...]:
        scene = self.scenes[position]
        return self._put(position, replace(scene, view=scene.view.with_changes(**changes)))

    def with_scene(self, position: int, scene: Scene) -> tuple[Scene, ...]:
        return self._put(position, scene)

    def inserted(self, position: int, scene: Scene) -> tuple[Scene, ...]:
        return self.scenes[:position] + (scene,) + self.scenes[position:]

    def without(self, position: int) -> tuple[Scene, ...]:
        return self.scenes[:position] + self.scenes[position + 1 :]

    def reordered(self, order: list[int]) -> tuple[Scene, ...]:
        assert sorted(order) == list(range(len(self.scenes))), "a reorder keeps every scene once"
        return tuple(self.scenes[i] for i in order)

    def _put(self, position: int, scene: Scene) -> tuple[Scene, ...]:
        return self.scenes[:position] + (scene,) + self.scenes[position + 1 :]

    # -- presenting ------------------------------------------------------------------------------------
    def playable(self, start: int, step: int) -> int | None:
        """The first scene from ``start`` going by ``step`` (±1) whose data can be rebuilt; None past either end."""
        position = start
        while 0 <= position < len(self.scenes):
            if self.scenes[position].problem is None:
                return position
            position += step
        return None
