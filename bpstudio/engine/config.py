"""One run's settings in one validated object, shared by the CLI and the studio.

Defaults are the article's run.  Every refused value raises
:class:`ConfigError` naming the setting, so that the CLI can print
``--alpha must be greater than 0`` and the studio can show the same sentence
next to the field.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace

from .activations import ACTIVATIONS
from .data import INITS, Problem, article_problem
from .network import Network
from .optimizers import OPTIMIZERS, make_optimizer, validate_hyperparameter
from .trainer import Trainer

MAX_SAMPLES = 1_000_000
MAX_UNITS = 4096


class ConfigError(ValueError):
    """A refused setting; ``field`` names it, ``str(err)`` says why."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


# Settings that can change while a run goes on; the others define a new run.
LIVE_FIELDS = ("optimizer", "alpha", "beta1", "beta2", "epsilon", "zeta", "max_iter")
MODEL_FIELDS = ("hidden", "activation", "samples", "seed", "init")


@dataclass(frozen=True)
class RunConfig:
    hidden: tuple[int, ...] = (5,)
    activation: str = "tanh"
    optimizer: str = "adam"
    alpha: float = 0.001
    beta1: float = 0.9
    beta2: float = 0.999
    epsilon: float = 1e-8
    zeta: float = 1e-6
    max_iter: int = 50000
    samples: int = 1000
    seed: int = 1
    init: str = "uniform"

    def __post_init__(self) -> None:
        object.__setattr__(self, "hidden", tuple(self.hidden))
        self.validate()

    def validate(self) -> None:
        if not all(isinstance(h, int) and 1 <= h <= MAX_UNITS for h in self.hidden):
            raise ConfigError("hidden", f"hidden sizes must be whole numbers from 1 to {MAX_UNITS}")
        if self.activation not in ACTIVATIONS:
            raise ConfigError("activation", f"activation must be one of {', '.join(ACTIVATIONS)}")
        if self.optimizer not in OPTIMIZERS:
            raise ConfigError("optimizer", f"optimizer must be one of {', '.join(OPTIMIZERS)}")
        for key in ("alpha", "beta1", "beta2", "epsilon", "zeta"):
            try:
                validate_hyperparameter(key, getattr(self, key))
            except ValueError as err:
                raise ConfigError(key, str(err)) from None
        if not isinstance(self.max_iter, int) or self.max_iter < 0:
            raise ConfigError("max_iter", "max_iter must be a whole number, 0 or greater")
        if not isinstance(self.samples, int) or not 1 <= self.samples <= MAX_SAMPLES:
            raise ConfigError("samples", f"samples must be a whole number from 1 to {MAX_SAMPLES}")
        if not isinstance(self.seed, int) or not 0 <= self.seed < 2**32:
            raise ConfigError("seed", "seed must be a whole number from 0 to 4294967295")
        if self.init not in INITS:
            raise ConfigError("init", f"init must be one of {', '.join(INITS)}")

    # -- derived ---------------------------------------------------------------
    @property
    def hyper(self) -> dict[str, float]:
        return {"alpha": self.alpha, "beta1": self.beta1, "beta2": self.beta2, "epsilon": self.epsilon}

    def with_changes(self, **changes) -> "RunConfig":
        """A validated copy; raises ConfigError naming the first refused setting."""
        unknown = set(changes) - {f.name for f in fields(self)}
        if unknown:
            raise ConfigError(sorted(unknown)[0], f"unknown setting {sorted(unknown)[0]!r}")
        return replace(self, **changes)

    def needs_new_run(self, other: "RunConfig") -> bool:
        """True when going from self to other changes the model or the data."""
        return any(getattr(self, f) != getattr(other, f) for f in MODEL_FIELDS)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["hidden"] = list(self.hidden)
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "RunConfig":
        known = {f.name for f in fields(cls)}
        clean = {k: v for k, v in data.items() if k in known}
        if "hidden" in clean:
            clean["hidden"] = tuple(clean["hidden"])
        return cls(**clean)

    # -- building ----------------------------------------------------------------
    def problem(self) -> Problem:
        return article_problem(self.samples, self.seed, self.hidden, self.activation, self.init)

    def problem_network(self) -> Network:
        """The network this config trains, without drawing any data."""
        return Network((3, *self.hidden, 3), self.activation)

    def make_optimizer(self):
        return make_optimizer(self.optimizer, **self.hyper)

    def trainer(self, problem: Problem | None = None) -> Trainer:
        return Trainer(problem or self.problem(), self.make_optimizer(), self.zeta, self.max_iter)


ARTICLE = RunConfig()


_INT_FIELDS = ("max_iter", "samples", "seed")
_FLOAT_FIELDS = ("alpha", "beta1", "beta2", "epsilon", "zeta")


def parse_setting(field: str, text: str):
    """Turn what a user typed into a setting's value; ConfigError says what is wrong."""
    text = str(text).strip()
    if field == "hidden":
        try:
            sizes = tuple(int(part) for part in text.replace(" ", "").split(","))
        except ValueError:
            raise ConfigError(field, "hidden sizes look like 5 or 8,6") from None
        return sizes
    if field in _INT_FIELDS:
        try:
            value = float(text)
        except ValueError:
            raise ConfigError(field, f"{field} must be a whole number") from None
        if not value.is_integer():
            raise ConfigError(field, f"{field} must be a whole number")
        return int(value)
    if field in _FLOAT_FIELDS:
        try:
            return float(text)
        except ValueError:
            raise ConfigError(field, f"{field} must be a number") from None
    return text
