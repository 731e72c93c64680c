"""The size budget: refuse a run that would not fit in memory or time *before* building it.

Every setting alone has a sane range (config.py), but their product does not:
``--hidden 4096 --samples 1000000`` asks for about 130 GB of activations.  So
before a run is built (CLI, studio, session load) :func:`check_budget`
estimates, from the sizes alone,

* memory: the data, the per-sample activations the forward and backward
  passes keep (about six float64 arrays per unit and sample: I, O, f',
  deltas, augmented copies), the parameters with gradient, optimizer state
  and a few snapshots, and the JVal history up to ``max_iter``;
* time per iteration: the element-wise work per unit and sample plus the
  matrix products (6 flops per weight and sample, forward and backward),
  at rates measured on a small shared machine (benchmarks/budget.py prints
  the estimate beside the measured time);

and refuses, with a sentence that says what to reduce, when the estimate is
over :data:`MAX_BYTES` (2 GiB) or :data:`MAX_SECONDS_PER_ITERATION` (2 s).

The studio also draws every weight as a link of the diagram, which costs
about 0.2 ms per link; :data:`STUDIO_MAX_PARAMS` (5 000 weights) and
:data:`STUDIO_MAX_HIDDEN_UNITS` (256) keep that under about a second.
``gradcheck`` evaluates JVal twice per parameter; it is held to
:data:`MAX_GRADCHECK_SECONDS` (60 s).
"""

from __future__ import annotations

from dataclasses import dataclass

from .messages import QT_TRANSLATE_NOOP, Refusal

MAX_BYTES = 2 * 1024**3
MAX_SECONDS_PER_ITERATION = 2.0
MAX_GRADCHECK_SECONDS = 60.0
STUDIO_MAX_PARAMS = 5_000
STUDIO_MAX_HIDDEN_UNITS = 256

SECONDS_PER_UNIT_SAMPLE = 1e-7  # activations and derivatives: measured 5e-8 idle, 1.5e-7 under load
FLOPS = 1e10  # matrix products, measured 1e10-2e10 flop/s single-threaded
ACTIVATION_ARRAYS = 6  # float64 arrays kept per unit and sample
PARAM_ARRAYS = 12  # weights, gradient, optimizer state, a few snapshots and steps
FLOAT = 8


OUT_OF_MEMORY = QT_TRANSLATE_NOOP("Engine", "there was not enough memory for this run: reduce the samples or the hidden sizes")


class BudgetError(Refusal):
    """A run over the budget; ``str(err)`` says what is too big and what to reduce."""


@dataclass(frozen=True)
class Estimate:
    bytes: int
    seconds_per_iteration: float
    params: int
    hidden_units: int


def estimate(sizes: tuple[int, ...], rows: int, max_iter: int, test: bool = False) -> Estimate:
    """Memory and time of a run of a network with layer ``sizes`` on ``rows`` samples."""
    params = sum((a + 1) * b for a, b in zip(sizes, sizes[1:]))
    units = sum(sizes[1:])
    data = rows * (sizes[0] + sizes[-1]) * FLOAT * 3  # raw, augmented, transposed
    activations = rows * (sum(sizes) + len(sizes)) * FLOAT * ACTIVATION_ARRAYS
    history = (max_iter + 1) * FLOAT * 2 * (2 if test else 1)  # a growing buffer doubles
    memory = data + activations + params * FLOAT * PARAM_ARRAYS + history
    seconds = rows * units * SECONDS_PER_UNIT_SAMPLE + 6 * rows * params / FLOPS
    return Estimate(int(memory), seconds, params, sum(sizes[1:-1]))


def _gib(n: int) -> str:
    return f"{n / 1024**3:.1f}"


def check_budget(sizes: tuple[int, ...], rows: int, max_iter: int, test: bool = False, studio: bool = False) -> Estimate:
    """The estimate, or :class:`BudgetError` saying what to reduce."""
    e = estimate(tuple(sizes), rows, max_iter, test)
    if studio and e.params > STUDIO_MAX_PARAMS:
        raise BudgetError(
            QT_TRANSLATE_NOOP("Engine", "this network has {n} weights; the studio draws at most {cap}: reduce the hidden sizes"),
            n=e.params,
            cap=STUDIO_MAX_PARAMS,
        )
    if studio and e.hidden_units > STUDIO_MAX_HIDDEN_UNITS:
        raise BudgetError(
            QT_TRANSLATE_NOOP("Engine", "this network has {n} hidden units; the studio draws at most {cap}: reduce the hidden sizes"),
            n=e.hidden_units,
            cap=STUDIO_MAX_HIDDEN_UNITS,
        )
    if e.bytes > MAX_BYTES:
        raise BudgetError(
            QT_TRANSLATE_NOOP(
                "Engine",
                "this run would need about {need} GB of memory (the budget is {cap} GB): reduce the samples, the hidden sizes or max_iter",
            ),
            need=_gib(e.bytes),
            cap=_gib(MAX_BYTES),
        )
    if e.seconds_per_iteration > MAX_SECONDS_PER_ITERATION:
        raise BudgetError(
            QT_TRANSLATE_NOOP(
                "Engine", "one iteration would take about {need} s (the budget is {cap} s): reduce the samples or the hidden sizes"
            ),
            need=f"{e.seconds_per_iteration:.0f}",
            cap=f"{MAX_SECONDS_PER_ITERATION:g}",
        )
    return e


def check_gradcheck_budget(sizes: tuple[int, ...], rows: int) -> None:
    """Finite differences take two JVal evaluations per parameter."""
    e = check_budget(sizes, rows, 0)
    # two JVal evaluations per parameter, each about half an iteration's work
    seconds = e.params * e.seconds_per_iteration
    if seconds > MAX_GRADCHECK_SECONDS:
        raise BudgetError(
            QT_TRANSLATE_NOOP(
                "Engine",
                "checking {n} weights by finite differences would take about {need} s "
                "(the budget is {cap} s): reduce the hidden sizes or the samples",
            ),
            n=e.params,
            need=f"{seconds:.0f}",
            cap=f"{MAX_GRADCHECK_SECONDS:g}",
        )
