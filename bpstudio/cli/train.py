"""``bpstudio train``: the article's run (or a variation) without a window."""

from __future__ import annotations

import time
from typing import Any

import numpy as np

from bpstudio.cli.options import (
    Parser,
    UsageError,
    add_model_options,
    config_from_args,
    problem_from_config,
    run_inputs,
    whole_number,
    writable_path,
)
from bpstudio.cli.playground import DEFAULT_EPOCHS
from bpstudio.cli.progress import ProgressBar
from bpstudio.cli.run_budget import check_run_budget
from bpstudio.cli.strict_json import strict_dumps
from bpstudio.control.files.safe_write import write_text
from bpstudio.control.files.tables import write_history_csv
from bpstudio.engine.classes import accuracy
from bpstudio.engine.config import RunConfig
from bpstudio.engine.data import Problem
from bpstudio.engine.trainer import Trainer

CHUNK = 250  # iterations between progress updates


def build_parser(prog: str = "bpstudio train") -> Parser:
    parser = Parser(
        prog=prog,
        description=(
            "Train the network of the seed article headlessly: 3 inputs r, g, b -> "
            "hidden tanh layer(s) -> 3 linear outputs x, y, lv, with Adam. "
            "Without options this is exactly the article's run; --dataset trains on "
            "TensorFlow Playground's 2-D sets instead (e.g. --dataset spiral --loss cross-entropy)."
        ),
        epilog="Example: bpstudio train --max-iter 2000 --plot jval.png --json run.json",
    )
    add_model_options(parser)
    out = parser.add_argument_group("outputs")
    out.add_argument("--plot", metavar="FILE.png", help="write the article's figure (PNG or SVG)")
    out.add_argument("--history", metavar="FILE.csv", help="write iteration,jval per line")
    out.add_argument("--json", metavar="FILE.json", help="write the run: config, JVal history, weights, gradient")
    out.add_argument("--save", metavar="FILE.bpstudio", help="save the finished run as a session the studio opens (bpstudio FILE.bpstudio)")
    out.add_argument("--quiet", action="store_true", help="no progress bar and no summary")
    pg = parser.add_argument_group("TensorFlow Playground")
    pg.add_argument(
        "--playground",
        metavar="URL",
        help="train a Playground link's own run instead (its data, split, start weights and epochs, number for number); "
        "the model options above are then the link's",
    )
    pg.add_argument(
        "--epochs",
        type=whole_number,
        default=None,
        metavar="N",
        help=f"with --playground: run exactly N of Playground's epochs (default: {DEFAULT_EPOCHS}); no stop tests",
    )
    pg.add_argument(
        "--to-playground",
        action="store_true",
        help="print the run's Playground link (https://playground.tensorflow.org/#...) and stop; "
        "only a run under Playground's conventions has one",
    )
    return parser


def layer_lists(trainer: Trainer, flat: np.ndarray) -> list[Any]:
    """Flat vector -> one nested list per layer, shape (n_in + 1, n_out)."""
    return [m.tolist() for m in trainer.network.layers(flat)]


def class_scores(trainer: Trainer) -> dict[str, Any]:
    """``classes`` (output order), ``accuracy`` and, with a test share, ``test_accuracy``."""
    data, test, net = trainer.dataset, trainer.test, trainer.network
    if not data.classes:
        return {}
    out: dict[str, Any] = {"classes": list(data.classes), "accuracy": accuracy(net, trainer.weights, data.inputs, data.targets)}
    if test is not None:
        out["test_accuracy"] = accuracy(net, trainer.weights, test.inputs, test.targets)
    return out


def run_summary(config: RunConfig, trainer: Trainer, elapsed: float) -> dict[str, Any]:
    # d(JVal)/dW of the whole set, also after mini-batch steps (whose own gradient is a batch's)
    gradient = trainer.gradient if trainer.batches is None else trainer.evaluate(trainer.weights)[1]
    return {
        "config": config.to_dict(),
        "sizes": list(trainer.network.sizes),
        "iterations": trainer.iteration,
        "stop_reason": trainer.stop_reason.value if trainer.stop_reason else None,
        "final_jval": trainer.jval,
        "jval": trainer.history.view().tolist(),
        "weights": layer_lists(trainer, trainer.weights),
        "gradient": layer_lists(trainer, gradient),
        "elapsed_s": elapsed,
        **(
            {"test_jval": trainer.test_history.view().tolist(), "test_samples": trainer.test.n_samples}
            if trainer.test_history is not None and trainer.test is not None
            else {}
        ),
        **class_scores(trainer),
    }


def train(config: RunConfig, progress: ProgressBar | None = None, problem: Problem | None = None) -> tuple[Trainer, float]:
    """Run to a stop; ``max_iter=0`` only evaluates the start point."""
    trainer = config.trainer(problem)
    started = time.perf_counter()
    while trainer.stop_reason is None:
        trainer.run(CHUNK)
        if progress:
            progress.update(trainer.iteration, trainer.jval)
    if progress:
        progress.update(trainer.iteration, trainer.jval, force=True)
        progress.close()
    return trainer, time.perf_counter() - started


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    if args.playground is not None:
        return main_playground(args)
    if args.to_playground:
        from bpstudio.cli.playground import NO_LINK

        raise UsageError(f"argument --to-playground: {NO_LINK}")
    if args.epochs is not None:
        raise UsageError("argument --epochs: only with --playground (the studio's own runs take --max-iter)")
    config = config_from_args(args)
    plot = writable_path("--plot", args.plot, run_inputs(args))
    if plot is not None and plot.suffix.lower() not in (".png", ".svg"):
        raise UsageError("argument --plot: the file name must end in .png or .svg")
    history = writable_path("--history", args.history, run_inputs(args))
    json_path = writable_path("--json", args.json, run_inputs(args))
    save_path = writable_path("--save", args.save, run_inputs(args))

    problem = problem_from_config(config)
    check_run_budget(config, problem)
    progress = ProgressBar(config.max_iter, enabled=None if not args.quiet else False)
    trainer, elapsed = train(config, progress, problem)

    if history is not None:
        write_history_csv(history, trainer.history.view())
    if json_path is not None:
        write_text(json_path, strict_dumps(run_summary(config, trainer, elapsed)))
    if save_path is not None:
        from bpstudio.control.files.session_file import save_state

        save_state(
            save_path,
            config,
            trainer.snapshot(),
            trainer.history.view(),
            (),
            dataset=trainer.problem.all_data,
            test_history=None if trainer.test_history is None else trainer.test_history.view(),
        )
    if plot is not None:
        from bpstudio.figures.article_figure import save_article_figure

        save_article_figure(plot, trainer.history.view())
    if not args.quiet:
        rate = trainer.iteration / elapsed if elapsed > 0 and trainer.iteration else 0.0
        print(f"final JVal:  {trainer.jval:.10g}")
        print(f"iterations:  {trainer.iteration}")
        assert trainer.stop_reason is not None  # train() runs to a stop
        print(f"stopped by:  {trainer.stop_reason.value}")
        scores = class_scores(trainer)
        if scores:
            test = f", test {scores['test_accuracy']:.1%}" if "test_accuracy" in scores else ""
            print(f"accuracy:    {scores['accuracy']:.1%}{test} (classes {', '.join(scores['classes'])})")
        print(f"time:        {elapsed:.2f} s ({rate:,.0f} iterations/s)")
    return 0


def main_playground(args: Any) -> int:
    """``--playground URL``: the link's run for exactly ``--epochs`` epochs."""
    from bpstudio.cli import playground

    link = playground.read(args.playground)
    if args.to_playground:
        playground.warn(link)
        print(playground.link_of(link.state))
        return 0
    epochs = DEFAULT_EPOCHS if args.epochs is None else args.epochs
    if epochs < 0:
        raise UsageError(f"argument --epochs: must be 0 or more, got {epochs}")
    for option in ("plot", "history"):
        if getattr(args, option) is not None:
            raise UsageError(f"argument --{option}: not available with --playground yet (use --json)")
    json_path = writable_path("--json", args.json, run_inputs(args))
    save_path = writable_path("--save", args.save, run_inputs(args))
    playground.warn(link)
    if save_path is None:
        run, elapsed = playground.run_epochs(link.state, epochs)
    else:  # through the studio's trainer, whose session the studio opens and continues bit for bit
        run, elapsed = playground.save_epochs(args.playground, epochs, save_path)
    if json_path is not None:
        write_text(json_path, strict_dumps(playground.summary(run, elapsed)))
    if not args.quiet:
        playground.report(run, elapsed)
    return 0
