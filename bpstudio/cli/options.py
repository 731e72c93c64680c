"""Argument parsing shared by the headless commands.

Every refused value ends as one line naming the option and exit status 2 —
never a traceback.  Values are checked by the same :class:`RunConfig` the
studio uses, so the CLI and the window refuse the same things for the same
reasons.
"""

from __future__ import annotations

import argparse
import errno
import os
import sys
from pathlib import Path
from typing import NoReturn

from bpstudio.control.files.safe_write import check_writable, resolve_target
from bpstudio.engine.activations import ACTIVATIONS
from bpstudio.engine.config import ConfigError, RunConfig
from bpstudio.engine.data import INITS, Problem
from bpstudio.engine.datasets import DATASETS
from bpstudio.engine.features import FEATURES
from bpstudio.engine.losses import LOSSES
from bpstudio.engine.optimizers import OPTIMIZERS, RECORDS

# RunConfig field -> the option that sets it, for error messages.
OPTION_OF_FIELD = {
    "hidden": "--hidden",
    "activation": "--activation",
    "optimizer": "--optimizer",
    "alpha": "--alpha",
    "beta1": "--beta1",
    "beta2": "--beta2",
    "epsilon": "--epsilon",
    "zeta": "--zeta",
    "max_iter": "--max-iter",
    "samples": "--samples",
    "seed": "--seed",
    "init": "--init",
    "formulas": "--formula",
    "data_file": "--data",
    "inputs": "--inputs",
    "targets": "--targets",
    "test_fraction": "--test-fraction",
    "dataset": "--dataset",
    "classes": "--classes",
    "noise": "--noise",
    "features": "--features",
    "loss": "--loss",
    "output": "--output",
    "l1": "--l1",
    "l2": "--l2",
    "batch_size": "--batch-size",
}


def _users(key: str) -> str:
    """Which optimizers use a hyper-parameter, for its --help: "used by adam, momentum"."""
    return "used by " + ", ".join(name for name, record in RECORDS.items() if key in record.hyper_keys)


class UsageError(Exception):
    """A bad command line; printed as one line, exit status 2."""


class Parser(argparse.ArgumentParser):
    """argparse with one-line errors instead of usage + message."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def hidden_sizes(text: str) -> tuple[int, ...]:
    """``"5"`` -> (5,), ``"8,6"`` -> (8, 6); ``"0"`` or ``""`` -> no hidden layer is refused."""
    try:
        sizes = tuple(int(part) for part in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected sizes like 5 or 8,6 (whole numbers separated by commas), got {text!r}") from None
    if not sizes or any(s < 1 for s in sizes):
        raise argparse.ArgumentTypeError(f"hidden sizes must be 1 or more, got {text!r}")
    return sizes


def column_names(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


def whole_number(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    return value


def number(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None


def add_model_options(parser: argparse.ArgumentParser, with_training: bool = True) -> None:
    """The options that define a run; defaults are the article's."""
    d = RunConfig()
    model = parser.add_argument_group("model and data (defaults: the article's run)")
    model.add_argument(
        "--hidden",
        type=hidden_sizes,
        default=d.hidden,
        metavar="N[,N...]",
        help="hidden layer sizes, e.g. 5 (the article) or 8,6 for two layers",
    )
    model.add_argument(
        "--activation",
        choices=list(ACTIVATIONS),
        default=d.activation,
        help="hidden activation (default: tanh); the output layer is linear",
    )
    model.add_argument(
        "--samples", type=whole_number, default=d.samples, metavar="N", help="number of training samples r, g, b ~ U(-1, 1) (default: 1000)"
    )
    model.add_argument(
        "--seed", type=whole_number, default=d.seed, metavar="S", help="random seed for the data and the start weights (default: 1)"
    )
    model.add_argument("--init", choices=list(INITS), default=d.init, help="start weights: uniform in (-1, 1) as the article, or all zeros")
    data = parser.add_argument_group("your own data (default: the article's x, y, lv from r, g, b)")
    data.add_argument(
        "--formula",
        dest="formulas",
        action="append",
        default=[],
        metavar="'x=...'",
        help="a target formula over r, g, b, e.g. 'x = r + 2*g + 3*b'; repeat for more "
        "targets. Allowed: numbers, r g b, + - * / **, sin cos exp tanh abs sqrt",
    )
    data.add_argument(
        "--data",
        dest="data_file",
        default="",
        metavar="FILE.csv",
        help="train on a CSV file with a header row instead (choose columns below)",
    )
    data.add_argument("--inputs", type=column_names, default=(), metavar="A,B,...", help="the CSV columns fed to the network")
    data.add_argument("--targets", type=column_names, default=(), metavar="X,Y,...", help="the CSV columns the network learns to predict")
    data.add_argument(
        "--test-fraction",
        type=number,
        default=0.0,
        metavar="F",
        help="hold out this share of the samples as a test set, e.g. 0.2 (default: 0)",
    )
    task = parser.add_argument_group("2-D data sets, classification, penalties (defaults: the article's)")
    task.add_argument(
        "--dataset",
        choices=list(DATASETS),
        default=d.dataset,
        help="article (r, g, b -> x, y, lv); TensorFlow Playground's 2-D sets: circle, xor, "
        "gauss, spiral, moons (classes) or plane, multi-gauss (regression); "
        "--samples sets their size",
    )
    task.add_argument("--classes", type=whole_number, choices=(2, 3), default=d.classes, help="classes of gauss and spiral (default: 2)")
    task.add_argument("--noise", type=number, default=d.noise, metavar="P", help="noise of a 2-D data set, from 0 to 0.5 (default: 0)")
    task.add_argument(
        "--features",
        type=column_names,
        default=d.features,
        metavar="F,F,...",
        help="inputs made from a 2-D point, any of " + ",".join(FEATURES) + " (default: x1,x2)",
    )
    task.add_argument(
        "--loss",
        choices=list(LOSSES),
        default=d.loss,
        help="mse: the article's JVal, sum of 1/2 ||y_hat - y||^2; cross-entropy: summed "
        "over samples, for classes (with --data, the one --targets column holds labels)",
    )
    task.add_argument(
        "--output",
        choices=["linear", "softmax", "sigmoid"],
        default=None,
        help="the output layer (default: linear; softmax with --loss cross-entropy; sigmoid means one output for 2 classes)",
    )
    task.add_argument(
        "--l1",
        type=number,
        default=d.l1,
        metavar="R",
        help="L1 penalty rate: adds R * sum |w| over the non-bias weights to JVal (default: 0)",
    )
    task.add_argument(
        "--l2",
        type=number,
        default=d.l2,
        metavar="R",
        help="L2 penalty rate: adds R/2 * sum w^2 over the non-bias weights to JVal (default: 0)",
    )
    task.add_argument(
        "--batch-size",
        dest="batch_size",
        type=whole_number,
        default=d.batch_size,
        metavar="N",
        help="samples per gradient step, in a seeded shuffled order; 0 = the whole set, as the article (default: 0)",
    )
    if not with_training:
        return
    opt = parser.add_argument_group("optimizer (defaults: the article's Adam)")
    opt.add_argument(
        "--optimizer",
        choices=list(OPTIMIZERS),
        default=d.optimizer,
        help="; ".join(f"{name}: {record.summary}" for name, record in RECORDS.items()),
    )
    opt.add_argument("--alpha", type=number, default=d.alpha, metavar="A", help=f"step size ({_users('alpha')}; default: 0.001)")
    opt.add_argument(
        "--beta1",
        type=number,
        default=d.beta1,
        metavar="B",
        help=f"decay of the first moment or velocity ({_users('beta1')}; default: 0.9)",
    )
    opt.add_argument(
        "--beta2",
        type=number,
        default=d.beta2,
        metavar="B",
        help=f"decay of the squared gradients' average ({_users('beta2')}; default: 0.999)",
    )
    opt.add_argument(
        "--epsilon",
        type=number,
        default=d.epsilon,
        metavar="E",
        help=f"small constant against division by zero ({_users('epsilon')}; default: 1e-8)",
    )
    opt.add_argument(
        "--zeta",
        type=number,
        default=d.zeta,
        metavar="Z",
        help="stop when ||gradient|| < Z, or a step or JVal change < Z^2 (default: 1e-6)",
    )
    opt.add_argument(
        "--max-iter",
        type=whole_number,
        default=d.max_iter,
        metavar="N",
        help="at most N iterations; 0 only evaluates the start point (default: 50000)",
    )


def config_from_args(args: argparse.Namespace) -> RunConfig:
    values = {f: getattr(args, f) for f in OPTION_OF_FIELD if hasattr(args, f)}
    if values.get("output") is None:
        values["output"] = "auto"
    try:
        return RunConfig(**values)
    except ConfigError as err:
        option = OPTION_OF_FIELD.get(err.field, err.field)
        message = str(err)
        if message.startswith(err.field):
            message = message[len(err.field) :].lstrip()
        raise UsageError(f"argument {option}: {message}") from None


def writable_path(option: str, path: str | None, inputs: tuple[str | None, ...] = ()) -> Path | None:
    """Refuse an output path that cannot be written *before* a long run starts.

    ``inputs`` are the files the run reads (its ``--data``): writing one of
    them would destroy the data the run was made from, so an output that is
    the same file (by any name or link) is refused.
    """
    if path is None:
        return None
    try:
        real = resolve_target(path)  # refuses folders, devices, FIFOs, read-only files; follows symlinks
    except OSError as err:
        raise UsageError(f"argument {option}: {err}") from None
    if not os.access(real.parent, os.W_OK) or (real.exists() and not os.access(real, os.W_OK)):
        raise UsageError(f"argument {option}: cannot write to {path}")
    for given in inputs:
        if given and _same_file(real, given):
            raise UsageError(f"argument {option}: {path} is one of the run's inputs ({given}); choose another file name")
    try:
        check_writable(path)  # the write itself, tried: a name too long, a folder that takes no files
    except OSError as err:
        if err.errno == errno.ENOENT:  # the folder exists (resolve_target checked) but takes no new files
            raise UsageError(f"argument {option}: cannot create a file in {real.parent} (given as {path})") from None
        raise UsageError(f"argument {option}: {err.strerror or err}: {path}") from None
    return Path(path)


def run_inputs(args: argparse.Namespace) -> tuple[str | None, ...]:
    """The files a command's run reads, which no output may replace."""
    return (getattr(args, "data_file", None),)


def _same_file(real: Path, other: str) -> bool:
    try:
        return real.exists() and os.path.samefile(real, other)
    except OSError:
        return Path(os.path.realpath(other)) == real


def fail(prog: str, message: str) -> int:
    print(f"{prog}: error: {message}", file=sys.stderr)
    return 2


def problem_from_config(config: RunConfig) -> Problem:
    """The run's problem, with a bad data file, formula or split said as the option at fault."""
    from bpstudio.engine.csv_data import CsvDataError
    from bpstudio.engine.formula import FormulaError

    try:
        return config.problem()
    except CsvDataError as err:
        raise UsageError(f"argument --data: {err}") from None
    except FormulaError as err:
        raise UsageError(f"argument --formula: {err}") from None
    except ValueError as err:  # a test split that leaves one side empty, a class column that does not fit
        option = "--test-fraction" if "test fraction" in str(err) else "--data"
        raise UsageError(f"argument {option}: {err}") from None
