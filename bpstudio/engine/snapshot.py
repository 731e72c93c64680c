"""Immutable copies of a run's state, safe to hand from one thread to another.

The GUI never reads arrays that the training thread writes; it reads
snapshots.  A snapshot is also what rewind goes back to.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

import numpy as np


def frozen_array(values: np.ndarray) -> np.ndarray:
    """A read-only copy."""
    out = np.array(values, dtype=float, copy=True)
    out.flags.writeable = False
    return out


@dataclass(frozen=True, eq=False)
class Snapshot:
    """Weights, gradient, optimizer state and JVal at one iteration."""

    iteration: int
    jval: float
    weights: np.ndarray = field(repr=False)
    gradient: np.ndarray = field(repr=False)
    optimizer: str
    hyper: Mapping[str, float]
    optimizer_state: Mapping[str, np.ndarray] = field(repr=False)
    stop_reason: str | None = None

    @staticmethod
    def capture(
        iteration: int,
        jval: float,
        weights: np.ndarray,
        gradient: np.ndarray,
        optimizer: str,
        hyper: Mapping[str, float],
        optimizer_state: Mapping[str, np.ndarray],
        stop_reason: str | None,
    ) -> Snapshot:
        return Snapshot(
            iteration=int(iteration),
            jval=float(jval),
            weights=frozen_array(weights),
            gradient=frozen_array(gradient),
            optimizer=optimizer,
            hyper=MappingProxyType(dict(hyper)),
            optimizer_state=MappingProxyType({k: frozen_array(v) for k, v in optimizer_state.items()}),
            stop_reason=stop_reason,
        )

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        """Pickled through :meth:`capture`: the read-only mappings and arrays come back read-only.

        Updates cross from the trainer's process to the studio's in pickles.
        """
        fields = (self.iteration, self.jval, self.weights, self.gradient, self.optimizer)
        return Snapshot.capture, (*fields, dict(self.hyper), dict(self.optimizer_state), self.stop_reason)

    @property
    def grad_inf_norm(self) -> float:
        return float(np.max(np.abs(self.gradient))) if self.gradient.size else 0.0
