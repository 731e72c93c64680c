"""One run's settings in one validated object, shared by the CLI and the studio.

Defaults are the article's run.  Every refused value raises
:class:`ConfigError` naming the setting, so that the CLI can print
``--alpha must be greater than 0`` and the studio can show the same sentence
next to the field.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

import numpy as np

from bpstudio.engine.activations import ACTIVATIONS
from bpstudio.engine.classes import uses_one_column
from bpstudio.engine.csv_data import class_dataset_from_csv, dataset_from_csv
from bpstudio.engine.data import ARTICLE_INPUTS, INITS, Dataset, Problem, draw_article_data, split_dataset, start_weights
from bpstudio.engine.datasets import CLASSIFICATION, DATASETS, MAX_NOISE, POINT_NAMES, THREE_CLASS, draw_points, points_dataset
from bpstudio.engine.features import FEATURES, check_features
from bpstudio.engine.formula import FormulaError, parse_formulas
from bpstudio.engine.losses import LOSSES, get_loss
from bpstudio.engine.messages import QT_TRANSLATE_NOOP, Refusal
from bpstudio.engine.network import Network
from bpstudio.engine.optimizers import OPTIMIZERS, Optimizer, make_optimizer, validate_hyperparameter
from bpstudio.engine.playground.conventions import network_of, playground_settings, problem_of, state_of, studio_fields
from bpstudio.engine.playground.trainer import PlaygroundTrainer
from bpstudio.engine.trainer import Trainer

MAX_SAMPLES = 1_000_000
MAX_UNITS = 4096


class ConfigError(ValueError):
    """A refused setting; ``field`` names it, ``str(err)`` says why.

    Built from a :class:`Refusal`, it keeps the translatable template and its
    parameters, so the studio can say it in the user's language.
    """

    def __init__(self, field: str, message: str | Refusal) -> None:
        super().__init__(str(message))
        self.field = field
        self.template = getattr(message, "template", None)
        self.params = getattr(message, "params", {})

    def __reduce__(self) -> tuple[object, ...]:
        """Pickled with its field and reason (a refusal crosses to the studio from the trainer's process)."""
        reason = Refusal(self.template, **self.params) if self.template is not None else str(self)
        return ConfigError, (self.field, reason)


# Settings that can change while a run goes on; the others define a new run.
LIVE_FIELDS = ("optimizer", "alpha", "beta1", "beta2", "epsilon", "zeta", "max_iter")
MODEL_FIELDS = (
    "hidden",
    "activation",
    "samples",
    "seed",
    "init",
    "formulas",
    "data_file",
    "inputs",
    "targets",
    "test_fraction",
    "dataset",
    "classes",
    "noise",
    "features",
    "loss",
    "output",
    "l1",
    "l2",
    "batch_size",
    "playground",
)
_TEXT_TUPLES = ("formulas", "inputs", "targets", "features")
# --output names -> the output layer's activation; "auto" follows the loss
OUTPUTS = {"auto": None, "linear": "identity", "softmax": "softmax", "sigmoid": "sigmoid"}


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
    formulas: tuple[str, ...] = ()  # target formulas over r, g, b; () is the article's x, y, lv
    data_file: str = ""  # a CSV file instead of generated data
    inputs: tuple[str, ...] = ()  # its input columns
    targets: tuple[str, ...] = ()  # its target columns
    test_fraction: float = 0.0  # share of samples held out as a test set
    dataset: str = "article"  # or one of Playground's 2-D sets (see .datasets)
    classes: int = 2  # gauss and spiral also come with 3
    noise: float = 0.0  # 0 .. 0.5, for the 2-D sets
    features: tuple[str, ...] = ()  # inputs made from x1, x2 (see .features); () = x1, x2
    loss: str = "mse"  # JVal = sum 1/2 ||y_hat - y||^2 (the article), or "cross-entropy"
    output: str = "auto"  # the output layer: linear, softmax, sigmoid; auto = linear for mse, softmax for CE
    l1: float = 0.0  # penalty rates on the non-bias weights (part of JVal)
    l2: float = 0.0
    batch_size: int = 0  # samples per step; 0 = the whole set (the article)
    # the conventions: "" = the studio's own; else a Playground link's canonical hash, which
    # fixes the data, network, loss and step (see engine.playground.conventions)
    playground: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "hidden", tuple(self.hidden))
        for name in _TEXT_TUPLES:
            object.__setattr__(self, name, tuple(getattr(self, name)))
        self.validate()

    def validate(self) -> None:
        if not all(isinstance(h, int) and 1 <= h <= MAX_UNITS for h in self.hidden):
            raise ConfigError(
                "hidden", Refusal(QT_TRANSLATE_NOOP("Engine", "hidden sizes must be whole numbers from 1 to {n}"), n=MAX_UNITS)
            )
        if self.activation not in ACTIVATIONS:
            raise ConfigError(
                "activation", Refusal(QT_TRANSLATE_NOOP("Engine", "activation must be one of {names}"), names=", ".join(ACTIVATIONS))
            )
        if self.optimizer not in OPTIMIZERS:
            raise ConfigError(
                "optimizer", Refusal(QT_TRANSLATE_NOOP("Engine", "optimizer must be one of {names}"), names=", ".join(OPTIMIZERS))
            )
        for key in ("alpha", "beta1", "beta2", "epsilon", "zeta"):
            try:
                validate_hyperparameter(key, getattr(self, key))
            except Refusal as err:
                raise ConfigError(key, err) from None
        if not isinstance(self.max_iter, int) or self.max_iter < 0:
            raise ConfigError("max_iter", Refusal(QT_TRANSLATE_NOOP("Engine", "max_iter must be a whole number, 0 or greater")))
        if not isinstance(self.samples, int) or not 1 <= self.samples <= MAX_SAMPLES:
            raise ConfigError(
                "samples", Refusal(QT_TRANSLATE_NOOP("Engine", "samples must be a whole number from 1 to {n}"), n=MAX_SAMPLES)
            )
        if not isinstance(self.seed, int) or not 0 <= self.seed < 2**32:
            raise ConfigError("seed", Refusal(QT_TRANSLATE_NOOP("Engine", "seed must be a whole number from 0 to 4294967295")))
        if self.init not in INITS:
            raise ConfigError("init", Refusal(QT_TRANSLATE_NOOP("Engine", "init must be one of {names}"), names=", ".join(INITS)))
        if not isinstance(self.test_fraction, (int, float)) or not 0 <= self.test_fraction <= 0.9:
            raise ConfigError("test_fraction", Refusal(QT_TRANSLATE_NOOP("Engine", "test_fraction must be from 0 to 0.9")))
        if self.formulas:
            if self.data_file:
                raise ConfigError("formulas", Refusal(QT_TRANSLATE_NOOP("Engine", "use either target formulas or a data file, not both")))
            try:
                parse_formulas(self.formulas)
            except FormulaError as err:
                raise ConfigError("formulas", err) from None
        if self.data_file:
            if not self.inputs or not self.targets:
                raise ConfigError("data_file", Refusal(QT_TRANSLATE_NOOP("Engine", "a data file needs its input and target columns named")))
        elif self.inputs or self.targets:
            raise ConfigError("inputs", Refusal(QT_TRANSLATE_NOOP("Engine", "input and target columns need a data file")))
        self._validate_task()

    def _validate_task(self) -> None:
        """The settings beyond the article: data set, features, loss, output, penalty, batches."""
        if self.dataset not in DATASETS:
            raise ConfigError("dataset", Refusal(QT_TRANSLATE_NOOP("Engine", "dataset must be one of {names}"), names=", ".join(DATASETS)))
        generated = self.dataset != "article"
        if generated and (self.formulas or self.data_file):
            raise ConfigError(
                "dataset", Refusal(QT_TRANSLATE_NOOP("Engine", "a 2-D data set takes neither target formulas nor a data file"))
            )
        if not isinstance(self.classes, int) or isinstance(self.classes, bool) or self.classes not in (2, 3):
            raise ConfigError("classes", Refusal(QT_TRANSLATE_NOOP("Engine", "classes must be 2 or 3")))
        if self.classes == 3 and self.dataset not in THREE_CLASS:
            raise ConfigError("classes", Refusal(QT_TRANSLATE_NOOP("Engine", "3 classes exist for the gauss and spiral data sets only")))
        if not isinstance(self.noise, (int, float)) or isinstance(self.noise, bool) or not 0 <= self.noise <= MAX_NOISE:
            raise ConfigError("noise", Refusal(QT_TRANSLATE_NOOP("Engine", "noise must be from 0 to 0.5")))
        if self.features:
            if not generated:
                raise ConfigError("features", Refusal(QT_TRANSLATE_NOOP("Engine", "input features need a 2-D data set (x1, x2)")))
            try:
                check_features(self.features)
            except ValueError:
                raise ConfigError(
                    "features",
                    Refusal(QT_TRANSLATE_NOOP("Engine", "features must be distinct names from {names}"), names=", ".join(FEATURES)),
                ) from None
        if self.playground:
            self._validate_playground()
            return
        if self.loss not in LOSSES:
            raise ConfigError("loss", Refusal(QT_TRANSLATE_NOOP("Engine", "loss must be one of {names}"), names=", ".join(LOSSES)))
        if self.output not in OUTPUTS:
            raise ConfigError("output", Refusal(QT_TRANSLATE_NOOP("Engine", "output must be one of {names}"), names=", ".join(OUTPUTS)))
        if self.loss == "cross-entropy":
            if self.output == "linear":
                raise ConfigError("output", Refusal(QT_TRANSLATE_NOOP("Engine", "cross-entropy needs softmax or sigmoid outputs")))
            if not self.is_classification:
                raise ConfigError(
                    "loss", Refusal(QT_TRANSLATE_NOOP("Engine", "cross-entropy needs classes: a classification data set or a class column"))
                )
            if self.data_file and len(self.targets) != 1:
                raise ConfigError(
                    "targets", Refusal(QT_TRANSLATE_NOOP("Engine", "with cross-entropy the target is one column of class labels"))
                )
        if self.output == "sigmoid" and self.is_classification and self.dataset in THREE_CLASS and self.classes == 3:
            raise ConfigError("output", Refusal(QT_TRANSLATE_NOOP("Engine", "a sigmoid output tells 2 classes apart; use softmax for 3")))
        for key in ("l1", "l2"):
            value = getattr(self, key)
            if not isinstance(value, (int, float)) or isinstance(value, bool) or not (0 <= value < float("inf")):
                raise ConfigError(key, Refusal(QT_TRANSLATE_NOOP("Engine", "{key} must be a number, 0 or greater"), key=key))
        if not isinstance(self.batch_size, int) or isinstance(self.batch_size, bool) or self.batch_size < 0:
            raise ConfigError(
                "batch_size", Refusal(QT_TRANSLATE_NOOP("Engine", "batch_size must be a whole number, 0 (the whole set) or greater"))
            )

    def _validate_playground(self) -> None:
        """A Playground run: the link must read as Playground reads it and fix every setting it sets."""
        if not isinstance(self.playground, str):
            raise ConfigError("playground", Refusal(QT_TRANSLATE_NOOP("Engine", "playground must be a link's '#key=value&…' text")))
        try:
            fixed = studio_fields(state_of(self.playground))
        except Refusal as err:
            raise ConfigError("playground", err) from None
        for key, value in fixed.items():
            if getattr(self, key) != value:
                raise ConfigError(
                    key,
                    Refusal(
                        QT_TRANSLATE_NOOP("Engine", "under Playground conventions {key} is set by the link: {value}"),
                        key=key,
                        value=", ".join(map(str, value)) if isinstance(value, tuple) else value,
                    ),
                )

    # -- derived ---------------------------------------------------------------
    @property
    def hyper(self) -> dict[str, float]:
        return {"alpha": self.alpha, "beta1": self.beta1, "beta2": self.beta2, "epsilon": self.epsilon}

    @property
    def is_playground(self) -> bool:
        """True under Playground's conventions (its data, network, loss and epochs)."""
        return bool(self.playground)

    @classmethod
    def from_playground(cls, link: str, **free: Any) -> RunConfig:
        """The run of a Playground link (a URL or its ``#…`` part); ``free`` sets max_iter or zeta.

        Raises Refusal naming the key for a link Playground's own controls could not make.
        """
        return cls(**{**playground_settings(link), **free})

    @property
    def is_classification(self) -> bool:
        """Targets are classes: a classification data set, or a CSV class column under cross-entropy."""
        return self.dataset in CLASSIFICATION or bool(self.data_file and self.loss == "cross-entropy")

    @property
    def output_activation(self) -> str:
        """The output layer's activation: ``output``, or what the loss goes with."""
        chosen = OUTPUTS.get(self.output)
        if chosen is not None:
            return chosen
        return get_loss(self.loss).outputs[0]  # the output the loss usually goes with: softmax, or linear

    @property
    def input_features(self) -> tuple[str, ...]:
        """The 2-D sets' inputs: the chosen features, or x1, x2."""
        return self.features or POINT_NAMES

    def with_changes(self, **changes: Any) -> RunConfig:
        """A validated copy; raises ConfigError naming the first refused setting."""
        unknown = set(changes) - {f.name for f in fields(self)}
        if unknown:
            raise ConfigError(sorted(unknown)[0], f"unknown setting {sorted(unknown)[0]!r}")
        return replace(self, **changes)

    def needs_new_run(self, other: RunConfig) -> bool:
        """True when going from self to other changes the model or the data."""
        return any(getattr(self, f) != getattr(other, f) for f in MODEL_FIELDS)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for name in ("hidden", *_TEXT_TUPLES):
            data[name] = list(getattr(self, name))
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RunConfig:
        known = {f.name for f in fields(cls)}
        clean = {k: v for k, v in data.items() if k in known}
        for name in ("hidden", *_TEXT_TUPLES):
            if name in clean:
                clean[name] = tuple(clean[name])
        return cls(**clean)

    # -- building ----------------------------------------------------------------
    def problem(self, dataset: Dataset | None = None) -> Problem:
        """Network, data (split when test_fraction > 0) and start point.

        ``dataset`` replaces reading the data file (a saved session carries
        its data). Raises CsvDataError for a bad file, ValueError for a split
        that leaves one side empty.
        """
        if self.playground:
            return problem_of(state_of(self.playground))[0]
        whole = self._unsplit_problem(dataset)
        if not self.test_fraction:
            return whole
        train, test = split_dataset(whole.dataset, self.test_fraction, self.seed)
        return Problem(whole.network, train, whole.start, test, source=whole.dataset)

    def _unsplit_problem(self, dataset: Dataset | None) -> Problem:
        if self.data_file or dataset is not None:
            if dataset is None:
                dataset = self._class_csv() if self.is_classification else dataset_from_csv(self.data_file, self.inputs, self.targets)
            net = self.problem_network(dataset)
            return Problem(net, dataset, start_weights(net, np.random.RandomState(self.seed), self.init))
        net = self.problem_network()
        if self.dataset != "article":
            rng = np.random.RandomState(self.seed)
            data = self._points_dataset(rng)
            return Problem(net, data, start_weights(net, rng, self.init))
        if self.formulas:
            formulas = parse_formulas(self.formulas)
            rng = np.random.RandomState(self.seed)
            columns = draw_article_data(rng, self.samples).inputs  # r, g, b as the article draws them
            values = dict(zip(ARTICLE_INPUTS, columns.T, strict=True))
            targets = np.column_stack([f.evaluate(values) for f in formulas])
            data = Dataset(columns, targets, ARTICLE_INPUTS, tuple(f.name for f in formulas))
            return Problem(net, data, start_weights(net, rng, self.init))
        rng = np.random.RandomState(self.seed)  # the article's stream: data first, then the start
        data = draw_article_data(rng, self.samples)
        return Problem(net, data, start_weights(net, rng, self.init))

    def _points_dataset(self, rng: np.random.RandomState) -> Dataset:
        """A 2-D data set drawn from ``rng``, its points turned into the chosen features."""
        points = draw_points(self.dataset, rng, self.samples, self.noise, self.classes)
        return points_dataset(points, self.input_features, self.output_activation)

    def _class_csv(self) -> Dataset:
        return class_dataset_from_csv(self.data_file, self.inputs, self.targets[0], self.output_activation)

    def problem_network(self, dataset: Dataset | None = None) -> Network:
        """The network this config trains.

        Its shape needs no data, except for a CSV class column, whose number
        of classes is read from ``dataset`` or, without one, from the file.
        """
        if self.playground:
            state = state_of(self.playground)
            return network_of(state, int(self.samples * (1 - self.test_fraction) + 1e-9))
        if dataset is not None:
            sizes = (dataset.inputs.shape[1], *self.hidden, dataset.targets.shape[1])
        elif self.data_file and self.is_classification:
            return self.problem_network(self._class_csv())
        elif self.data_file:
            sizes = (len(self.inputs), *self.hidden, len(self.targets))
        elif self.dataset != "article":
            k = self.classes if self.dataset in THREE_CLASS else 2
            outputs = (1 if uses_one_column(self.output_activation, k) else k) if self.is_classification else 1
            sizes = (len(self.input_features), *self.hidden, outputs)
        else:
            sizes = (3, *self.hidden, len(self.formulas) or 3)
        return Network(sizes, self.activation, self.output_activation, self.loss, float(self.l1), float(self.l2))

    def make_optimizer(self) -> Optimizer:
        return make_optimizer(self.optimizer, **self.hyper)

    def trainer(self, problem: Problem | None = None) -> Trainer:
        if self.playground:
            return PlaygroundTrainer(problem or self.problem(), self.make_optimizer(), state_of(self.playground), self.zeta, self.max_iter)
        return Trainer(
            problem or self.problem(), self.make_optimizer(), self.zeta, self.max_iter, batch_size=self.batch_size, shuffle_seed=self.seed
        )


ARTICLE = RunConfig()


_INT_FIELDS = ("max_iter", "samples", "seed", "classes", "batch_size")
_FLOAT_FIELDS = ("alpha", "beta1", "beta2", "epsilon", "zeta", "test_fraction", "noise", "l1", "l2")


# What parse_setting makes of a typed text: names or formulas, hidden sizes, a whole number, a number, a word.
SettingValue = tuple[str, ...] | tuple[int, ...] | int | float | str


def parse_setting(field: str, text: str) -> SettingValue:
    """Turn what a user typed into a setting's value; ConfigError says what is wrong."""
    text = str(text).strip()
    if field in _TEXT_TUPLES:
        # formulas are separated by ';' or new lines (a formula has no commas); names also by ','
        separators = r"[;\n]" if field == "formulas" else r"[,;\n]"
        return tuple(part.strip() for part in re.split(separators, text) if part.strip())
    if field == "hidden":
        try:
            sizes = tuple(int(part) for part in text.replace(" ", "").split(","))
        except ValueError:
            raise ConfigError(field, Refusal(QT_TRANSLATE_NOOP("Engine", "hidden sizes look like 5 or 8,6"))) from None
        return sizes
    if field in _INT_FIELDS:
        try:
            value = float(text)
        except ValueError:
            raise ConfigError(field, Refusal(QT_TRANSLATE_NOOP("Engine", "{key} must be a whole number"), key=field)) from None
        if not value.is_integer():
            raise ConfigError(field, Refusal(QT_TRANSLATE_NOOP("Engine", "{key} must be a whole number"), key=field))
        return int(value)
    if field in _FLOAT_FIELDS:
        try:
            return float(text)
        except ValueError:
            raise ConfigError(field, Refusal(QT_TRANSLATE_NOOP("Engine", "{key} must be a number"), key=field)) from None
    return text
