"""The optimizers' hyper-parameters: each one's bounds, the sentence that refuses a value, its symbol.

One :class:`Hyper` per key, shared by every optimizer that uses the key (α is α for all of them):
the controls, the CLI, session files and the trainer refuse a value with the same words.  An
optimizer says which keys it uses and what each means *to it* in its record
(:class:`._record.Setting`).  A new key is a new ``Hyper`` in the optimizer's own module; it is known
to :func:`validate_hyperparameter` from the moment it is made.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from bpstudio.engine.messages import QT_TRANSLATE_NOOP, Refusal

_KNOWN: dict[str, Hyper] = {}


@dataclass(frozen=True)
class Hyper:
    """A hyper-parameter: ``low < value`` (or ``<=`` when ``low_closed``), ``value < high`` likewise."""

    key: str
    symbol: str  # as a label writes it: α, β₁
    latex: str  # as a formula writes it: \alpha, \beta_1
    low: float
    high: float = math.inf
    low_closed: bool = False
    high_closed: bool = False
    refusal: str = ""  # QT_TRANSLATE_NOOP("Engine", "{key} must be ...")

    def __post_init__(self) -> None:
        known = _KNOWN.setdefault(self.key, self)
        if known != self:
            raise ValueError(f"two hyper-parameters are called {self.key!r} with different bounds")

    def allows(self, value: float) -> bool:
        above = value >= self.low if self.low_closed else value > self.low
        below = value <= self.high if self.high_closed else value < self.high
        return above and below


ALPHA = Hyper("alpha", "α", r"\alpha", 0.0, refusal=QT_TRANSLATE_NOOP("Engine", "{key} must be greater than 0"))
BETA1 = Hyper("beta1", "β₁", r"\beta_1", 0.0, 1.0, low_closed=True, refusal=QT_TRANSLATE_NOOP("Engine", "{key} must be in [0, 1)"))
BETA2 = Hyper("beta2", "β₂", r"\beta_2", 0.0, 1.0, low_closed=True, refusal=QT_TRANSLATE_NOOP("Engine", "{key} must be in [0, 1)"))
EPSILON = Hyper("epsilon", "ε", r"\epsilon", 0.0, refusal=QT_TRANSLATE_NOOP("Engine", "{key} must be greater than 0"))
# not an optimizer's, but refused by the same rules: the stop tests' threshold
ZETA = Hyper("zeta", "ζ", r"\zeta", 0.0, low_closed=True, refusal=QT_TRANSLATE_NOOP("Engine", "{key} must be 0 or greater"))


def hyper(key: str) -> Hyper | None:
    """The hyper-parameter called ``key``, if any optimizer (or the stop test) has one."""
    return _KNOWN.get(key)


def validate_hyperparameter(key: str, value: float) -> None:
    """Raise ``Refusal("alpha must be greater than 0")`` and the like (a ValueError)."""
    try:
        value = float(value)
    except (TypeError, ValueError):
        raise Refusal(QT_TRANSLATE_NOOP("Engine", "{key} must be a number"), key=key) from None
    if not math.isfinite(value):
        raise Refusal(QT_TRANSLATE_NOOP("Engine", "{key} must be a finite number"), key=key)
    rule = _KNOWN.get(key)
    if rule is not None and not rule.allows(value):
        raise Refusal(rule.refusal, key=key)
