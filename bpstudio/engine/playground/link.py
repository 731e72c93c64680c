"""A Playground link: its ``#key=value&…`` state read, checked and written back (state.ts).

Playground reads a link leniently — an unknown value keeps the default, ``+"abc"`` is NaN — and
a run made from a misread link would not be the run its author shared. Here every value is
checked against what Playground's own controls can set, and a refusal names the key. Keys
Playground reads but does not use (``cosX``, ``cosY``: its cos features are commented out) are
kept and reported as notes, as are keys it does not know. :func:`canonical_hash` writes the
state back exactly as Playground's ``serialize`` does, so a link survives a round trip.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from urllib.parse import quote, unquote

from bpstudio.engine.messages import QT_TRANSLATE_NOOP, Notice, Refusal
from bpstudio.engine.text_safety import plain, shorten

ACTIVATIONS = ("relu", "tanh", "sigmoid", "linear")
REGULARIZATIONS = ("none", "L1", "L2")
DATASETS = ("circle", "xor", "gauss", "spiral")
REGRESSION_DATASETS = ("reg-plane", "reg-gauss")
PROBLEMS = ("classification", "regression")
LEARNING_RATES = (0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10)  # Playground's menu
REGULARIZATION_RATES = (0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10)
FEATURES = ("x", "y", "xSquared", "ySquared", "xTimesY", "sinX", "sinY")  # playground.ts's INPUTS, in order
IGNORED_FEATURES = ("cosX", "cosY")  # in the state, never fed to the network
MAX_HIDDEN_LAYERS = 6
MAX_NEURONS = 8
LISTED_KEYS = 5  # unknown keys a note names: a link of 2 000 keys gives one line, not a wall

# state.ts's PROPS, in its order: the order serialize() writes them.
_ORDER = [
    "activation",
    "regularization",
    "batchSize",
    "dataset",
    "regDataset",
    "learningRate",
    "regularizationRate",
    "noise",
    "networkShape",
    "seed",
    "showTestData",
    "discretize",
    "percTrainData",
    "x",
    "y",
    "xTimesY",
    "xSquared",
    "ySquared",
    "cosX",
    "sinX",
    "cosY",
    "sinY",
    "collectStats",
    "tutorial",
    "problem",
    "initZero",
    "hideText",
]
_BOOLEANS = {
    "showTestData",
    "discretize",
    "x",
    "y",
    "xTimesY",
    "xSquared",
    "ySquared",
    "cosX",
    "sinX",
    "cosY",
    "sinY",
    "collectStats",
    "initZero",
    "hideText",
}


@dataclass(frozen=True)
class PlaygroundState:
    """Everything a Playground link says, with Playground's defaults for what it leaves out."""

    seed: str
    activation: str = "tanh"
    regularization: str = "none"
    batch_size: int = 10
    dataset: str = "circle"
    reg_dataset: str = "reg-plane"
    learning_rate: float = 0.03
    regularization_rate: float = 0.0
    noise: float = 0.0
    network_shape: tuple[int, ...] = (4, 2)
    perc_train_data: float = 50.0
    problem: str = "classification"
    init_zero: bool = False
    flags: dict[str, bool] = field(default_factory=lambda: {name: name in ("x", "y") for name in _BOOLEANS})
    tutorial: str | None = None
    hidden: tuple[tuple[str, bool], ...] = ()  # the "…_hide" keys that hide Playground's controls

    @property
    def features(self) -> tuple[str, ...]:
        """The inputs fed to the network, in Playground's order."""
        return tuple(name for name in FEATURES if self.flags[name])


@dataclass(frozen=True)
class ReadLink:
    state: PlaygroundState
    notes: tuple[Notice, ...]  # what was accepted but has no effect (cosX, unknown keys), for a warning


def _js_number(value: float) -> str:
    """JavaScript's ``String(number)`` for the values a Playground state holds."""
    if value == int(value) and abs(value) < 1e21:
        return str(int(value))
    text = repr(float(value))
    if "e" not in text:
        return text
    mantissa, exponent = text.split("e")
    power = int(exponent)
    if -7 < power < 21:  # JavaScript writes these in full: 1e-05 -> 0.00001
        digits = mantissa.replace(".", "").lstrip("-")
        sign = "-" if value < 0 else ""
        return f"{sign}0.{'0' * (-power - 1)}{digits}" if power < 0 else f"{sign}{digits}{'0' * (power - len(digits) + 1)}"
    return f"{mantissa}e{'+' if power > 0 else '-'}{abs(power)}"


def quoted(text: str) -> str:
    """A piece of the link inside a message: at most 40 characters, control characters escaped.

    Messages go to a terminal (the CLI's stderr) as well as dialogs: a pasted ``%1b]0;…`` must not retitle it.
    """
    return plain(shorten(text, 40))


_NOT_A_NUMBER = QT_TRANSLATE_NOOP("Engine", "Playground link: {key} must be a number, not '{value}'")


# A number as JavaScript's unary plus reads it (Playground's state.ts), in decimal: Python's float()
# would also take "5_0" (as 50) and non-ASCII digits ("５"), where JavaScript gives NaN.
_DECIMAL = re.compile(r"\s*[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?\s*", re.ASCII)


def _number(key: str, text: str) -> float:
    if _DECIMAL.fullmatch(text) is None:
        raise Refusal(_NOT_A_NUMBER, key=key, value=quoted(text))
    value = float(text)
    if not math.isfinite(value):  # 1e999
        raise Refusal(_NOT_A_NUMBER, key=key, value=quoted(text))
    return value


def _choice(key: str, text: str, allowed: tuple[str, ...]) -> str:
    if text not in allowed:
        raise Refusal(
            QT_TRANSLATE_NOOP("Engine", "Playground link: {key} cannot be '{value}' (Playground has {allowed})"),
            key=key,
            value=quoted(text),
            allowed=", ".join(allowed),
        )
    return text


def _in_steps(key: str, value: float, low: float, high: float, step: float) -> float:
    if not (low <= value <= high) or abs(value / step - round(value / step)) > 1e-9:
        raise Refusal(
            QT_TRANSLATE_NOOP("Engine", "Playground link: {key} must be from {low} to {high} in steps of {step}, not {value}"),
            key=key,
            low=_js_number(low),
            high=_js_number(high),
            step=_js_number(step),
            value=_js_number(value),
        )
    return value


def _menu(key: str, value: float, options: tuple[float, ...]) -> float:
    if not any(math.isclose(value, option, rel_tol=1e-12, abs_tol=0.0) or value == option for option in options):
        raise Refusal(
            QT_TRANSLATE_NOOP("Engine", "Playground link: {key} must be one of Playground's {options}, not {value}"),
            key=key,
            options=", ".join(_js_number(o) for o in options),
            value=_js_number(value),
        )
    return value


def fragment(text: str) -> str:
    """The ``key=value&…`` part of a pasted link: after its ``#``, or the text itself."""
    text = text.strip()
    if "#" in text:
        return text.split("#", 1)[1]
    if "://" in text or text.startswith("playground.tensorflow.org"):
        return ""  # an address without its state: nothing to read
    return text


def read_link(text: str, fresh_seed: str | None = None) -> ReadLink:
    """Read a Playground link (a whole URL, its ``#…`` part, or just ``key=value&…``).

    A link without a seed gets ``fresh_seed`` (Playground makes one at random); without either,
    it is refused, since the run could not be repeated.
    """
    body = fragment(text)
    if not body:
        raise Refusal(QT_TRANSLATE_NOOP("Engine", "Playground link: there is no '#key=value&…' part to read"))
    values: dict[str, str] = {}
    for item in body.split("&"):
        if not item:
            continue
        key, _, value = item.partition("=")
        values[unquote(key)] = unquote(value)
    notes: list[Notice] = []
    for key in IGNORED_FEATURES:
        if values.get(key, "false").strip() not in ("", "false"):
            notes.append(Notice(QT_TRANSLATE_NOOP("Engine", "{key}=true is accepted and ignored, as Playground ignores it"), key=key))
    unknown = [key for key in values if key not in _ORDER and not key.endswith("_hide")]
    if unknown:
        listed = [quoted(key) for key in sorted(unknown)[:LISTED_KEYS]] + (["…"] if len(unknown) > LISTED_KEYS else [])
        notes.append(Notice(QT_TRANSLATE_NOOP("Engine", "keys Playground does not know are ignored: {keys}"), keys=", ".join(listed)))

    def given(key: str) -> str | None:
        value = values.get(key)
        return value if value is not None and value.strip() != "" else None

    seed = given("seed") or fresh_seed
    if seed is None:
        raise Refusal(QT_TRANSLATE_NOOP("Engine", "Playground link: it has no seed, so its run cannot be repeated"))
    changes: dict[str, object] = {"seed": seed}
    if (v := given("activation")) is not None:
        changes["activation"] = _choice("activation", v, ACTIVATIONS)
    if (v := given("regularization")) is not None:
        changes["regularization"] = _choice("regularization", v, REGULARIZATIONS)
    if (v := given("dataset")) is not None:
        changes["dataset"] = _choice("dataset", v, DATASETS)
    if (v := given("regDataset")) is not None:
        changes["reg_dataset"] = _choice("regDataset", v, REGRESSION_DATASETS)
    if (v := given("problem")) is not None:
        changes["problem"] = _choice("problem", v, PROBLEMS)
    if (v := given("batchSize")) is not None:
        changes["batch_size"] = int(_in_steps("batchSize", _number("batchSize", v), 1, 30, 1))
    if (v := given("learningRate")) is not None:
        changes["learning_rate"] = _menu("learningRate", _number("learningRate", v), LEARNING_RATES)
    if (v := given("regularizationRate")) is not None:
        changes["regularization_rate"] = _menu("regularizationRate", _number("regularizationRate", v), REGULARIZATION_RATES)
    if (v := given("noise")) is not None:
        changes["noise"] = _in_steps("noise", _number("noise", v), 0, 50, 5)
    if (v := given("percTrainData")) is not None:
        changes["perc_train_data"] = _in_steps("percTrainData", _number("percTrainData", v), 10, 90, 10)
    if "networkShape" in values:
        raw = values["networkShape"].strip()
        sizes = [] if raw == "" else [_number("networkShape", part) for part in raw.split(",")]
        if len(sizes) > MAX_HIDDEN_LAYERS or any(size != int(size) or not 1 <= size <= MAX_NEURONS for size in sizes):
            raise Refusal(
                QT_TRANSLATE_NOOP(
                    "Engine", "Playground link: networkShape must be at most {layers} layers of 1 to {neurons} neurons, not '{value}'"
                ),
                layers=MAX_HIDDEN_LAYERS,
                neurons=MAX_NEURONS,
                value=quoted(raw),
            )
        changes["network_shape"] = tuple(int(size) for size in sizes)
    flags = {name: name in ("x", "y") for name in _BOOLEANS}
    for name in _BOOLEANS:
        if (v := given(name)) is not None:
            flags[name] = v != "false"  # state.ts: anything but "false" is true
    changes["init_zero"] = flags["initZero"]
    changes["flags"] = flags
    if (v := given("tutorial")) is not None:
        changes["tutorial"] = v
    changes["hidden"] = tuple((key, values[key] == "true") for key in values if key.endswith("_hide"))
    state = PlaygroundState(**changes)  # type: ignore[arg-type]
    if not state.features:
        raise Refusal(QT_TRANSLATE_NOOP("Engine", "Playground link: no input feature is on (x, y, xSquared, …)"))
    return ReadLink(state, tuple(notes))


def _written(text: str) -> str:
    """A seed, tutorial or key as the hash carries it: percent-encoded beyond letters, digits and ``-._~,``.

    Playground's own values never need it; a pasted seed ``a%26b`` does, or the written hash would
    split at its ``&`` and reopen as another run. It also keeps markup, quotes, NULs and line
    breaks out of every place the hash is shown or written (dialogs, exported scripts).
    """
    return quote(text, safe=",")


def canonical_hash(state: PlaygroundState) -> str:
    """The ``key=value&…`` Playground's ``serialize`` writes for this state (without the ``#``).

    Free text (seed, tutorial, ``…_hide`` keys) is percent-encoded (:func:`_written`), so that
    :func:`read_link` reads the hash back as the same state.
    """
    values: dict[str, str | None] = {
        "activation": state.activation,
        "regularization": None if state.regularization == "none" else state.regularization,  # null is left out
        "batchSize": _js_number(state.batch_size),
        "dataset": state.dataset,
        "regDataset": state.reg_dataset,
        "learningRate": _js_number(state.learning_rate),
        "regularizationRate": _js_number(state.regularization_rate),
        "noise": _js_number(state.noise),
        "networkShape": ",".join(str(size) for size in state.network_shape),
        "seed": _written(state.seed),
        "percTrainData": _js_number(state.perc_train_data),
        "tutorial": None if state.tutorial is None else _written(state.tutorial),
        "problem": state.problem,
    }
    parts = []
    for key in _ORDER:
        value = ("true" if state.flags[key] else "false") if key in _BOOLEANS else values[key]
        if value is not None:
            parts.append(f"{key}={value}")
    parts += [f"{_written(key)}={'true' if hidden else 'false'}" for key, hidden in state.hidden]
    return "&".join(parts)
