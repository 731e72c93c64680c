"""What the studio knows about one optimizer, in one object: :class:`OptimizerRecord`.

Each optimizer's module ends with ``RECORD = OptimizerRecord(...)``; the package gathers them
(:func:`bpstudio.engine.registry.collect`).  Every place that shows, explains, exports or refuses
something about an optimizer reads its record, so a new optimizer is one new module (plus its
Chinese): the step (:class:`._base.Optimizer`), the hyper-parameters it uses and what each means to
it, the parts of one step (the chain JSON's ``optimizer_step``), the inspector's lines with their
numbers, the phase banner's update equation, the code of the NumPy and PyTorch exports, and the
words a menu and a legend show.  ``tests/test_optimizer_records.py`` fails on a missing facet.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from bpstudio.engine.messages import QT_TRANSLATE_NOOP
from bpstudio.engine.optimizers._base import Optimizer
from bpstudio.engine.optimizers._hyper import ALPHA, Hyper

# One line of the inspector's step block: (left side, rule with the numbers put in, value or None).
Line = tuple[str, str, "float | None"]
# How a number is written inside a formula (four digits, negatives in brackets): the control layer's.
Number = Callable[[float], str]


@dataclass(frozen=True)
class Setting:
    """A hyper-parameter as one optimizer uses it.

    ``meaning`` (marked ``QT_TRANSLATE_NOOP("Optimizers", ...)``) is the field's tooltip while this
    optimizer is chosen, and the comment beside the setting in an exported script.
    """

    hyper: Hyper
    meaning: str

    @property
    def key(self) -> str:
        return self.hyper.key


@dataclass(frozen=True)
class FirstStep:
    """A remark the inspector adds under the first step (t = 1): a formula and a sentence."""

    latex: str
    note: str  # QT_TRANSLATE_NOOP("Inspector", ...)


@dataclass(frozen=True)
class OptimizerRecord:
    """Every facet of one optimizer.  See the module's docstring, and docs/extending.md, "Adding an optimizer"."""

    name: str  # the CLI's --optimizer value, the session file's and the JSON's "optimizer"
    step: type[Optimizer]  # the step itself; its ``defaults`` are the hyper-parameters' defaults
    display: str  # QT_TRANSLATE_NOOP("Options", ...): the menu's word
    summary: str  # QT_TRANSLATE_NOOP("Optimizers", ...): one phrase, for the menu's tooltip and --help
    settings: tuple[Setting, ...]  # the hyper-parameters it uses, in the order a script lists them
    # ``optimizer_step`` in the chain JSON: (key in the JSON, key in the optimizer state), in the order
    # a reader follows the step; "gradient" first and "step" last.  The JSON adds t and the weights.
    parts: tuple[tuple[str, str], ...]
    # The inspector's lines between g and w_{t-1}: rule, numbers, value; from the JSON's parts.
    lines: Callable[[Mapping[str, float], Mapping[str, float], Number], list[Line]]
    update: str  # the phase banner's LaTeX for the update phase
    numpy_code: str  # section 5 of a NumPy export: class Optimizer with step(x, g, k)
    torch_code: str  # section 5 of a PyTorch export: make_optimizer(w) -> a torch.optim optimizer
    order: int = 100  # menus list optimizers by order, then name
    legend: str | None = None  # QT_TRANSLATE_NOOP("RunsPanel", ...): a shorter word for plot legends
    first_step: FirstStep | None = None

    def __post_init__(self) -> None:
        keys = tuple(s.key for s in self.settings)
        if self.step.name != self.name or set(self.step.defaults) != set(keys):
            raise ValueError(
                f"the {self.name!r} record's step is {self.step.name!r} with {sorted(self.step.defaults)}, its settings {sorted(keys)}"
            )

    @property
    def defaults(self) -> dict[str, float]:
        return dict(self.step.defaults)

    @property
    def hyper_keys(self) -> tuple[str, ...]:
        return tuple(s.key for s in self.settings)

    def setting(self, key: str) -> Setting | None:
        return next((s for s in self.settings if s.key == key), None)


# α means the same to every optimizer: each record lists this one Setting.
STEP_SIZE = Setting(ALPHA, QT_TRANSLATE_NOOP("Optimizers", "Step size: how far each iteration moves the weights (the article uses 0.001)."))
