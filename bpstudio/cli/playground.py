"""``bpstudio train --playground LINK``: a TensorFlow Playground link's own run, headless (issue 29).

The link is read as Playground reads it (a refusal names the key; ``cosX``/``cosY`` and keys
Playground does not know are warnings on stderr), its data, split and start weights are drawn
from its seed, and exactly ``--epochs`` of Playground's epochs run — no stop tests, as
Playground trains until paused. The JSON keeps the keys of every ``bpstudio train`` run, read
the Playground way (``jval`` is the training loss after each epoch, the mean of
½(output − label)²; ``iterations`` counts epochs), and adds ``playground``: the points after
the shuffle and split, both losses per epoch and the link's canonical hash.
"""

from __future__ import annotations

import sys
import time
from typing import Any

import numpy as np

from bpstudio.cli.options import Parser, UsageError, config_from_args, whole_number
from bpstudio.engine.config import RunConfig
from bpstudio.engine.messages import Refusal
from bpstudio.engine.playground.link import PlaygroundState, ReadLink, canonical_hash, read_link
from bpstudio.engine.playground.run import PlaygroundRun, start_run
from bpstudio.engine.playground.trainer import PlaygroundTrainer

DEFAULT_EPOCHS = 100
PLAYGROUND_URL = "https://playground.tensorflow.org/"
NO_LINK = (
    "this run uses the studio's own conventions (a summed loss, its start weights, data and optimizer), "
    "which Playground cannot express; only a run under Playground's conventions (--playground URL) has a link"
)


def link_of(state: PlaygroundState) -> str:
    """The URL Playground itself would show for this state."""
    return PLAYGROUND_URL + "#" + canonical_hash(state)


def read(text: str) -> ReadLink:
    """The link, or a UsageError (exit 2) whose message names the key at fault."""
    try:
        return read_link(text)
    except Refusal as err:
        raise UsageError(f"argument --playground: {err}") from None


def warn(link: ReadLink, prog: str = "bpstudio train") -> None:
    for note in link.notes:
        print(f"{prog}: warning: {note}", file=sys.stderr)


def run_epochs(state: PlaygroundState, epochs: int) -> tuple[PlaygroundRun, float]:
    run = start_run(state)
    started = time.perf_counter()
    for _ in range(epochs):
        run.epoch()
    return run, time.perf_counter() - started


def _augmented(run: PlaygroundRun, per_layer: list[tuple[np.ndarray, np.ndarray]]) -> list[Any]:
    """Each layer as the studio writes it: (n_in + 1, n_out), the bias the last row."""
    return [np.vstack([weights.T, biases[None, :]]).tolist() for weights, biases in per_layer]


def mean_loss_gradient(run: PlaygroundRun) -> list[Any]:
    """d(mean training loss)/d(every weight and bias) at the run's weights, by Playground's backprop."""
    return _augmented(run, run.network.mean_gradient(run.train_inputs, run.train_targets))


def summary(run: PlaygroundRun, elapsed: float) -> dict[str, Any]:
    state = run.state
    network = run.network
    sizes = [len(state.features), *state.network_shape, 1]
    return {
        "config": {
            "conventions": "playground",
            "link": "#" + canonical_hash(state),
            "features": list(state.features),
            "activation": state.activation,
            "output": "linear" if state.problem == "regression" else "tanh",
            "loss": "mean of 1/2 (output - label)^2",
            "learning_rate": state.learning_rate,
            "batch_size": state.batch_size,
            "regularization": state.regularization,
            "regularization_rate": state.regularization_rate,
        },
        "sizes": sizes,
        "iterations": run.epochs,
        "stop_reason": "max_iter",
        "final_jval": run.train_loss[-1] if run.train_loss else None,
        "jval": list(run.train_loss),
        "weights": _augmented(run, [(layer.weights, layer.biases) for layer in network.layers]),
        "gradient": mean_loss_gradient(run),
        "elapsed_s": elapsed,
        "test_jval": list(run.test_loss),
        "test_samples": len(run.test_points),
        "playground": {
            "train_points": [list(p) for p in run.train_points],
            "test_points": [list(p) for p in run.test_points],
            "train_loss": list(run.train_loss),
            "test_loss": list(run.test_loss),
            "hash": canonical_hash(state),
        },
    }


def report(run: PlaygroundRun, elapsed: float) -> None:
    last = f"{run.train_loss[-1]:.10g} (test {run.test_loss[-1]:.10g})" if run.train_loss else "no epoch run"
    print("conventions: Playground")
    print(f"final loss:  {last}")
    print(f"epochs:      {run.epochs}")
    rate = run.epochs / elapsed if elapsed > 0 and run.epochs else 0.0
    print(f"time:        {elapsed:.2f} s ({rate:,.0f} epochs/s)")


def add_playground_options(parser: Parser, trained: bool = True) -> None:
    """``--playground URL`` (and ``--epochs N`` where a run is trained first) for chain, landscape, export-script."""
    group = parser.add_argument_group("TensorFlow Playground")
    group.add_argument(
        "--playground",
        metavar="URL",
        help="a Playground link's own run instead (its data, split, start weights, loss and epochs); the model options are then the link's",
    )
    if trained:
        group.add_argument(
            "--epochs", type=whole_number, default=None, metavar="N", help="with --playground: train exactly N of Playground's epochs first"
        )


def config_or_link(args: Any, prog: str) -> tuple[RunConfig, int | None]:
    """The run the options describe: a Playground link's (with the epochs asked for) or the model options'."""
    epochs = getattr(args, "epochs", None)
    if args.playground is None:
        if epochs is not None:
            raise UsageError("argument --epochs: only with --playground (the studio's own runs take --iterations)")
        return config_from_args(args), None
    link = read(args.playground)
    if epochs is not None and epochs < 0:
        raise UsageError(f"argument --epochs: must be 0 or more, got {epochs}")
    warn(link, prog)
    return RunConfig.from_playground(args.playground), epochs


def save_epochs(text: str, epochs: int, path: Any) -> tuple[PlaygroundRun, float]:
    """Train the link's run in the studio's trainer (Playground's epochs) and save it as a session."""
    from bpstudio.control import Step, TrainingSession
    from bpstudio.control.files.session_file import save_session

    session = TrainingSession(RunConfig.from_playground(text, max_iter=max(epochs, 50000)))
    started = time.perf_counter()
    session.execute(Step(epochs))
    elapsed = time.perf_counter() - started
    save_session(path, session)
    trainer = session.trainer
    assert isinstance(trainer, PlaygroundTrainer)
    return trainer.playground_run, elapsed
