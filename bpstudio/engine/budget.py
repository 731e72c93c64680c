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

In the studio the same run costs more: the studio's process keeps its own
copies (the views' forward passes over every sample, the chain of the
selected weight, the plotted history) beside the trainer's process.
benchmarks/studio_memory.py measures both processes; at the spiral with 256
hidden units the pair grew by about 3.3 times the estimate's per-sample bytes,
on top of about 220 MB of program, and a session's history costs about 9
copies of itself (1.8 GB + 0.65 GB for 33.5 M points).  So with ``studio``
the per-sample bytes count :data:`STUDIO_SAMPLE_COPIES` times, each history
point :data:`STUDIO_HISTORY_COPIES` times, plus :data:`STUDIO_BASE_BYTES`.

The loss-influence chain of one weight keeps one per-sample array per link
and two per node; under softmax every output depends on every output unit,
so its links grow as the square of the outputs (and as the product of two
hidden sizes).  :func:`chain_size` counts them from the sizes alone, before a
link is built; :func:`check_chain_budget` refuses a chain over the memory
budget, and the studio's estimate counts the chain of a first-layer weight
(the longest) because it shows the selected weight's chain over every sample.

The studio also draws every weight as a link of the diagram, which costs
about 0.2 ms per link; :data:`STUDIO_MAX_PARAMS` (5 000 weights) and
:data:`STUDIO_MAX_HIDDEN_UNITS` (256) keep that under about a second.
``gradcheck`` evaluates JVal twice per parameter; it is held to
:data:`MAX_GRADCHECK_SECONDS` (60 s).
"""

from __future__ import annotations

from dataclasses import dataclass

from bpstudio.engine.messages import QT_TRANSLATE_NOOP, Refusal

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
STUDIO_SAMPLE_COPIES = 3.5
STUDIO_HISTORY_COPIES = 10
STUDIO_BASE_BYTES = 300 * 1024**2


OUT_OF_MEMORY = QT_TRANSLATE_NOOP("Engine", "there was not enough memory for this run: reduce the samples or the hidden sizes")


class BudgetError(Refusal):
    """A run over the budget; ``str(err)`` says what is too big and what to reduce."""


@dataclass(frozen=True)
class Estimate:
    bytes: int
    seconds_per_iteration: float
    params: int
    hidden_units: int


def estimate(sizes: tuple[int, ...], rows: int, max_iter: int, test: bool = False, studio: bool = False) -> Estimate:
    """Memory and time of a run of a network with layer ``sizes`` on ``rows`` samples.

    ``max_iter`` is the number of history points the run can hold (a session
    file's stored points when they are more); ``studio`` counts the studio's
    process and the trainer's together.
    """
    params = sum((a + 1) * b for a, b in zip(sizes, sizes[1:], strict=False))
    units = sum(sizes[1:])
    data = rows * (sizes[0] + sizes[-1]) * FLOAT * 3  # raw, augmented, transposed
    activations = rows * (sum(sizes) + len(sizes)) * FLOAT * ACTIVATION_ARRAYS
    history = (max_iter + 1) * FLOAT * (2 if test else 1)
    if studio:
        memory = STUDIO_BASE_BYTES + (data + activations) * STUDIO_SAMPLE_COPIES + history * STUDIO_HISTORY_COPIES
        memory += chain_bytes(sizes, rows)  # the selected weight's chain, over every sample
    else:
        memory = data + activations + history * 2  # a growing buffer doubles
    memory += params * FLOAT * PARAM_ARRAYS
    seconds = rows * units * SECONDS_PER_UNIT_SAMPLE + 6 * rows * params / FLOPS
    return Estimate(int(memory), seconds, params, sum(sizes[1:-1]))


LINK_OBJECT_BYTES = 400  # a link of the chain and its two nodes as Python objects


def chain_size(sizes: tuple[int, ...], layer: int = 0, coupled: bool = True) -> tuple[int, int]:
    """Links and nodes of the chain of a weight of matrix ``layer`` (an upper bound).

    The weight feeds one unit of layer ``layer + 1``; every unit of the later
    layers is on the chain.  Each unit has its activation link (one per output
    under softmax, ``coupled``, in the output layer) and a link to every unit
    of the next layer; each output has its link to L; a penalty adds w → R → L.
    """
    last = len(sizes) - 1
    links, nodes = 3, 4  # the parameter's link, the penalty's two; the parameter, L, R, one spare
    for m in range(layer + 1, last + 1):
        on = 1 if m == layer + 1 else sizes[m]
        if m < last:
            nodes += 2 * on  # I and O
            links += on + on * sizes[m + 1]
        else:
            nodes += on + (sizes[last] if coupled else on)  # I and y
            outputs = sizes[last] if coupled else on
            links += on * (sizes[last] if coupled else 1) + outputs  # activation links, then y -> L
    return links, nodes


def chain_bytes(sizes: tuple[int, ...], rows: int, layer: int = 0, coupled: bool = True) -> int:
    """Memory of evaluating one chain on ``rows`` samples: per-sample values of every link and node."""
    links, nodes = chain_size(sizes, layer, coupled)
    return links * (LINK_OBJECT_BYTES + rows * FLOAT) + 2 * nodes * rows * FLOAT


def check_chain_budget(sizes: tuple[int, ...], rows: int, layer: int = 0, coupled: bool = True) -> None:
    """:class:`BudgetError` when one weight's chain on ``rows`` samples is over the memory budget."""
    need = chain_bytes(tuple(sizes), rows, layer, coupled)
    if need > MAX_BYTES:
        raise BudgetError(
            QT_TRANSLATE_NOOP(
                "Engine",
                "the chain of this weight has {links} links and would need about {need} GB for {rows} samples "
                "(the budget is {cap} GB): reduce the hidden sizes, the classes or the samples",
            ),
            links=chain_size(tuple(sizes), layer, coupled)[0],
            need=_gib(need),
            rows=rows,
            cap=_gib(MAX_BYTES),
        )


def _gib(n: int) -> str:
    return f"{n / 1024**3:.1f}"


def check_budget(sizes: tuple[int, ...], rows: int, max_iter: int, test: bool = False, studio: bool = False) -> Estimate:
    """The estimate, or :class:`BudgetError` saying what to reduce."""
    e = estimate(tuple(sizes), rows, max_iter, test, studio)
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
