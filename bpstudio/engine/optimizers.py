"""Optimizers behind one small interface: Adam as the article writes it, GD, momentum.

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

from .messages import QT_TRANSLATE_NOOP, Refusal


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


class Adam(Optimizer):
    """Adam with bias correction, exactly as the article's ``get_solu``."""

    name = "adam"
    defaults = {"alpha": 0.001, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8}

    def _initial_state(self, n_params: int) -> dict[str, np.ndarray]:
        zeros = np.zeros(n_params)
        return {
            "m": zeros,
            "v": zeros.copy(),
            "m_hat": zeros.copy(),
            "v_hat": zeros.copy(),
            "step": zeros.copy(),
            "m_prev": zeros.copy(),
            "v_prev": zeros.copy(),
            "gradient": zeros.copy(),
            "weight_before": zeros.copy(),
        }

    def step(self, x: NDArray[np.float64], grad: NDArray[np.float64], k: int) -> NDArray[np.float64]:
        alpha, beta1 = self.hyper["alpha"], self.hyper["beta1"]
        beta2, epsilon = self.hyper["beta2"], self.hyper["epsilon"]
        s = self._state
        m = beta1 * s["m"] + (1 - beta1) * grad
        v = beta2 * s["v"] + (1 - beta2) * grad * grad
        m_ = m / (1 - beta1**k)
        v_ = v / (1 - beta2**k)
        alpha_ = alpha / (np.sqrt(v_) + epsilon)
        d = -m_
        step = alpha_ * d
        self._record(
            {
                "m": m,
                "v": v,
                "m_hat": m_,
                "v_hat": v_,
                "step": step,
                "m_prev": s["m"],
                "v_prev": s["v"],
                "gradient": grad,
                "weight_before": x,
            }
        )
        return x + step


class GradientDescent(Optimizer):
    """Plain gradient descent: ``x - alpha * g``."""

    name = "gd"
    defaults = {"alpha": 0.001}

    def _initial_state(self, n_params: int) -> dict[str, np.ndarray]:
        zeros = np.zeros(n_params)
        return {"step": zeros, "gradient": zeros.copy(), "weight_before": zeros.copy()}

    def step(self, x: NDArray[np.float64], grad: NDArray[np.float64], k: int) -> NDArray[np.float64]:
        step = -self.hyper["alpha"] * grad
        self._record({"step": step, "gradient": grad, "weight_before": x})
        return x + step


class Momentum(Optimizer):
    """Heavy-ball momentum: ``u = beta * u + g``, ``x - alpha * u``."""

    name = "momentum"
    defaults = {"alpha": 0.001, "beta1": 0.9}

    def _initial_state(self, n_params: int) -> dict[str, np.ndarray]:
        zeros = np.zeros(n_params)
        return {
            "velocity": zeros,
            "step": zeros.copy(),
            "velocity_prev": zeros.copy(),
            "gradient": zeros.copy(),
            "weight_before": zeros.copy(),
        }

    def step(self, x: NDArray[np.float64], grad: NDArray[np.float64], k: int) -> NDArray[np.float64]:
        previous = self._state["velocity"]
        velocity = self.hyper["beta1"] * previous + grad
        step = -self.hyper["alpha"] * velocity
        self._record({"velocity": velocity, "step": step, "velocity_prev": previous, "gradient": grad, "weight_before": x})
        return x + step


OPTIMIZERS: dict[str, type[Optimizer]] = {cls.name: cls for cls in (Adam, GradientDescent, Momentum)}

# What each hyperparameter may be, with the reason a refused value is given.
_RULES = {
    "alpha": (lambda v: v > 0, QT_TRANSLATE_NOOP("Engine", "{key} must be greater than 0")),
    "beta1": (lambda v: 0 <= v < 1, QT_TRANSLATE_NOOP("Engine", "{key} must be in [0, 1)")),
    "beta2": (lambda v: 0 <= v < 1, QT_TRANSLATE_NOOP("Engine", "{key} must be in [0, 1)")),
    "epsilon": (lambda v: v > 0, QT_TRANSLATE_NOOP("Engine", "{key} must be greater than 0")),
    "zeta": (lambda v: v >= 0, QT_TRANSLATE_NOOP("Engine", "{key} must be 0 or greater")),
}


def validate_hyperparameter(key: str, value: float) -> None:
    """Raise ``Refusal("alpha must be greater than 0")`` and the like (a ValueError)."""
    try:
        value = float(value)
    except (TypeError, ValueError):
        raise Refusal(QT_TRANSLATE_NOOP("Engine", "{key} must be a number"), key=key) from None
    if not np.isfinite(value):
        raise Refusal(QT_TRANSLATE_NOOP("Engine", "{key} must be a finite number"), key=key)
    rule = _RULES.get(key)
    if rule and not rule[0](value):
        raise Refusal(rule[1], key=key)


def make_optimizer(name: str, **hyper: float) -> Optimizer:
    """Build an optimizer by name, ignoring hyperparameters it does not use."""
    try:
        cls = OPTIMIZERS[name]
    except KeyError:
        raise ValueError(f"unknown optimizer {name!r} (choose from {', '.join(OPTIMIZERS)})") from None
    return cls(**{k: v for k, v in hyper.items() if k in cls.defaults})
