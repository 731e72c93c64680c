"""The step every optimizer takes, behind one small interface.

An optimizer turns (x, gradient, iteration k) into the next x and keeps its
own state (moments).  Hyperparameters live in a plain dict so that they can be
changed between two iterations without losing that state — the studio's live
controls rely on it.  The formulas keep the article's exact order of
operations so that our run reproduces its numbers bit for bit where the
arithmetic allows.
"""

from __future__ import annotations

from abc import ABC, abstractmethod

import numpy as np
from numpy.typing import NDArray

from bpstudio.engine.optimizers._hyper import validate_hyperparameter

STEP_RECORD = ("gradient", "weight_before", "m_prev", "v_prev", "velocity_prev")


class Optimizer(ABC):
    """Base class: ``step(x, grad, k)`` returns the new x; ``k`` counts from 1.

    Besides its moments, the state keeps what the last step started from
    (``gradient``, ``weight_before`` and the moments before it, ``m_prev`` …),
    so that one snapshot tells the whole step that produced its weights
    (:mod:`.optimizer_step`).  The arrays are references the step had anyway;
    keeping them costs no copy.
    """

    name: str = ""
    defaults: dict[str, float] = {}

    def __init__(self, **hyper: float) -> None:
        unknown = set(hyper) - set(self.defaults)
        if unknown:
            raise ValueError(f"{self.name} has no hyperparameter {sorted(unknown)[0]!r}")
        self.hyper: dict[str, float] = {**self.defaults, **hyper}
        for key, value in self.hyper.items():
            validate_hyperparameter(key, value)
        self._state: dict[str, np.ndarray] = {}
        self._before: dict[str, np.ndarray] = {}

    def reset(self, n_params: int) -> None:
        """Forget all state; the next step is the first."""
        self._state = self._initial_state(n_params)
        self._before = self._state

    def undo_last_step(self) -> None:
        """Back to the state before the last step (a step the trainer refused as a divergence)."""
        self._state = self._before

    def _record(self, state: dict[str, np.ndarray]) -> None:
        self._before, self._state = self._state, state

    def set(self, key: str, value: float) -> None:
        """Change one hyperparameter; takes effect at the next step."""
        if key not in self.defaults:
            raise ValueError(f"{self.name} has no hyperparameter {key!r}")
        validate_hyperparameter(key, value)
        self.hyper[key] = float(value)

    def state(self) -> dict[str, np.ndarray]:
        """Copies of the internal arrays (moments and the last step's details)."""
        return {k: np.array(v, copy=True) for k, v in self._state.items()}

    @classmethod
    def state_keys(cls) -> tuple[str, ...]:
        """The names of every state array: the moments and the last step's record."""
        return tuple(cls()._initial_state(0))

    @classmethod
    def moment_keys(cls) -> tuple[str, ...]:
        """The arrays the next step needs; the record of the last step (STEP_RECORD) is extra.

        Session files made before the record existed hold only these, and still resume.
        """
        return tuple(k for k in cls.state_keys() if k not in STEP_RECORD)

    def load_state(self, state: dict[str, np.ndarray]) -> None:
        self._state = {k: np.array(v, dtype=float, copy=True) for k, v in state.items()}
        self._before = self._state

    @abstractmethod
    def _initial_state(self, n_params: int) -> dict[str, np.ndarray]: ...

    @abstractmethod
    def step(self, x: NDArray[np.float64], grad: NDArray[np.float64], k: int) -> NDArray[np.float64]: ...

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v:g}" for k, v in self.hyper.items())
        return f"{type(self).__name__}({args})"
