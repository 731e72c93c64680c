"""``bpstudio landscape``: JVal along one weight, or across two, at a point of a run."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from bpstudio.cli.options import (
    Parser,
    UsageError,
    add_model_options,
    number,
    problem_from_config,
    run_inputs,
    whole_number,
    writable_path,
)
from bpstudio.cli.playground import add_playground_options, config_or_link
from bpstudio.cli.progress import ProgressBar
from bpstudio.cli.strict_json import strict_dumps
from bpstudio.control.files.safe_write import write_text
from bpstudio.control.files.tables import write_map_csv, write_slice_csv
from bpstudio.engine.landscape import MAP_POINTS, SLICE_POINTS, LandscapeMap, MapTask, SliceTask, WeightSlice
from bpstudio.engine.trainer import Trainer

PATH_POINTS = 2000  # at most this many weight vectors of the run are kept for the trajectory
MAX_POINTS = 1001
MAX_SPAN = np.finfo(float).max / 2  # offsets from -S to S: the width 2S must be a float


def build_parser(prog: str = "bpstudio landscape") -> Parser:
    parser = Parser(
        prog=prog,
        description=(
            "Show what a derivative is: JVal as one weight moves (everything else held), with "
            "the gradient (the tangent's slope), the curvature and where the optimizer's next "
            "step and a plain gradient step would put the weight; or JVal across two weights, "
            "or across two random filter-normalised directions (Li et al. 2018), with the "
            "run's path projected on the map."
        ),
        epilog="Example: bpstudio landscape --param 'W0[0,0]' --param2 'W1[5,0]' --iterations 500 --plot map.png --json map.json",
    )
    parser.add_argument(
        "--param",
        metavar="NAME",
        help="the parameter, e.g. W0[0,0]; the last row of each matrix is the bias "
        "(not needed with --directions random, which moves every weight)",
    )
    second = parser.add_mutually_exclusive_group()
    second.add_argument("--param2", metavar="NAME", help="a second parameter: a map across the two")
    second.add_argument(
        "--directions",
        choices=("random",),
        help="a map across two random filter-normalised directions through all weights; param and param2 in the JSON are then d1 and d2",
    )
    parser.add_argument(
        "--span",
        type=number,
        default=None,
        metavar="S",
        help="offsets from -S to S (default: from the weight's scale, its next step and the path; 1 for random directions)",
    )
    parser.add_argument(
        "--points",
        type=whole_number,
        default=None,
        metavar="N",
        help=f"points per axis (default: {SLICE_POINTS} along one weight, {MAP_POINTS} for a map)",
    )
    parser.add_argument(
        "--iterations", type=whole_number, default=0, metavar="K", help="train K iterations first (default: 0, the start point)"
    )
    parser.add_argument("--direction-seed", type=whole_number, default=0, metavar="S", help="seed of the random directions (default: 0)")
    add_model_options(parser)
    add_playground_options(parser)
    out = parser.add_argument_group("outputs")
    out.add_argument("--json", metavar="FILE.json", help="write offsets, JVal values, gradient (and trajectory)")
    out.add_argument("--plot", metavar="FILE.png", help="draw the slice or the contour map (PNG or SVG)")
    out.add_argument("--csv", metavar="FILE.csv", help="write the values as CSV rows")
    out.add_argument("--quiet", action="store_true", help="print nothing")
    return parser


def parse_param(trainer: Trainer, option: str, name: str) -> int:
    try:
        return trainer.network.param_index(*trainer.network.parse_param(name))
    except ValueError as err:
        raise UsageError(f"argument {option}: {err}") from None


def train_with_path(trainer: Trainer, iterations: int, progress: ProgressBar | None = None) -> np.ndarray:
    """Train up to ``iterations`` steps; return the weights before each step (thinned), oldest first."""
    stride = max(1, math.ceil(iterations / PATH_POINTS))
    path = []
    while trainer.iteration < iterations and trainer.stop_reason is None:
        if trainer.iteration % stride == 0:
            path.append(trainer.weights.copy())
        trainer.step()
        if progress is not None:
            progress.update(trainer.iteration, trainer.jval)
    if progress is not None and iterations:
        progress.update(trainer.iteration, trainer.jval, force=True)
        progress.close()
    if path and np.array_equal(path[-1], trainer.weights):
        path.pop()  # a stop that took no step: the path ends where the map's point is
    return np.array(path).reshape(-1, trainer.network.n_params)


def run_state(trainer: Trainer) -> dict[str, Any]:
    """Where the run stands: a landscape after a divergence or convergence says so."""
    return {"iterations": trainer.iteration, "stop_reason": trainer.stop_reason.value if trainer.stop_reason else None}


def slice_json(cut: WeightSlice, trainer: Trainer) -> dict[str, Any]:
    return {
        "param": cut.name,
        "offsets": cut.offsets.tolist(),
        "jval": cut.jval.tolist(),
        "jval_at_point": cut.jval_at_point,
        "gradient": cut.gradient,
        "weight": cut.weight,
        "curvature": cut.curvature,
        "optimizer": cut.optimizer,
        "optimizer_offset": cut.optimizer_offset,
        "optimizer_jval": cut.optimizer_jval,
        "gradient_step_offset": cut.gradient_step_offset,
        "gradient_step_jval": cut.gradient_step_jval,
        "step_gradient": cut.step_gradient,
        "step_gradient_of": "whole set" if trainer.batches is None else "mini-batch",
        **run_state(trainer),
    }


def map_json(grid: LandscapeMap, trainer: Trainer, seed: int | None) -> dict[str, Any]:
    data = {
        "param": grid.names[0],
        "param2": grid.names[1],
        "offsets1": grid.offsets1.tolist(),
        "offsets2": grid.offsets2.tolist(),
        "jval": grid.jval.tolist(),
        "jval_at_point": grid.jval_at_point,
        "gradient": grid.gradient.tolist(),
        "trajectory": grid.trajectory.tolist(),
        "optimizer_point": grid.optimizer_point.tolist(),
        **run_state(trainer),
    }
    if grid.params is None:
        data["directions"] = "random"
        data["direction_seed"] = seed
        data["direction_vectors"] = grid.directions.tolist()
    else:
        data["centre"] = grid.centre.tolist()
    return data


def summary(result: WeightSlice | LandscapeMap, trainer: Trainer) -> str:
    if isinstance(result, WeightSlice):
        best = int(np.nanargmin(result.jval))
        return "\n".join(
            [
                f"{result.name} = {result.weight:.10g} at iteration {trainer.iteration}, JVal = {result.jval_at_point:.10g}",
                f"gradient dJ/dw:     {result.gradient:.10g}" + ("" if trainer.batches is None else " (whole set: the curve's slope)"),
                *(
                    []
                    if trainer.batches is None
                    else [f"batch's gradient:   {result.step_gradient:.10g} (what the {result.optimizer} step used)"]
                ),
                f"curvature d2J/dw2:  {result.curvature:.10g}",
                f"{result.optimizer + ' next step:':<20}{result.optimizer_offset:+.6g} (JVal along the slice {result.optimizer_jval:.10g})",
                f"gradient step:      {result.gradient_step_offset:+.6g} (JVal along the slice {result.gradient_step_jval:.10g})",
                f"lowest of the {result.offsets.size} points: JVal {result.jval[best]:.10g} at offset {result.offsets[best]:+.6g}",
            ]
        )
    i, j = np.unravel_index(int(np.nanargmin(result.jval)), result.jval.shape)
    return "\n".join(
        [
            f"map across {result.names[0]} and {result.names[1]} at iteration {trainer.iteration}, JVal = {result.jval_at_point:.10g}",
            f"gradient along them: {result.gradient[0]:.10g}, {result.gradient[1]:.10g}",
            f"lowest of the {result.jval.size} points: JVal {result.jval[i, j]:.10g} at offsets "
            f"{result.offsets1[i]:+.6g}, {result.offsets2[j]:+.6g}",
        ]
    )


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    random_map = args.directions == "random"
    if args.param is None and not random_map:
        raise UsageError("argument --param: required (or give --directions random)")
    if args.span is not None and not (math.isfinite(args.span) and args.span > 0):
        raise UsageError("argument --span: must be a number greater than 0")
    if args.span is not None and not math.isfinite(2 * args.span):  # the window's width itself overflows
        raise UsageError(f"argument --span: must be at most {MAX_SPAN:g}")
    points = args.points if args.points is not None else (MAP_POINTS if random_map or args.param2 else SLICE_POINTS)
    if not 3 <= points <= MAX_POINTS:
        raise UsageError(f"argument --points: must be from 3 to {MAX_POINTS}")
    if args.iterations < 0:
        raise UsageError("argument --iterations: must be 0 or greater")
    if args.direction_seed < 0:
        raise UsageError("argument --direction-seed: must be 0 or greater")
    config, epochs = config_or_link(args, "bpstudio landscape")
    if epochs is not None:
        args.iterations = epochs  # a Playground run's iteration is its epoch
    json_path = writable_path("--json", args.json, run_inputs(args))
    csv_path = writable_path("--csv", args.csv, run_inputs(args))
    plot = writable_path("--plot", args.plot, run_inputs(args))
    if plot is not None and plot.suffix.lower() not in (".png", ".svg"):
        raise UsageError("argument --plot: the file name must end in .png or .svg")
    config = config.with_changes(max_iter=args.iterations)
    trainer = config.trainer(problem_from_config(config))
    param = parse_param(trainer, "--param", args.param) if args.param is not None else None
    param2 = parse_param(trainer, "--param2", args.param2) if args.param2 is not None else None
    if param2 is not None and param2 == param:
        raise UsageError("argument --param2: must differ from --param")

    path = train_with_path(trainer, args.iterations, ProgressBar(args.iterations, enabled=None if not args.quiet else False))
    snapshot = trainer.snapshot()
    result: WeightSlice | LandscapeMap
    if random_map or param2 is not None:
        # not random: --param is required, and --param2 was given
        params = None if random_map or param is None or param2 is None else (param, param2)
        result = MapTask(
            trainer.network, trainer.dataset, snapshot, params=params, span=args.span, points=points, path=path, seed=args.direction_seed
        ).run()
        data = map_json(result, trainer, args.direction_seed if random_map else None)
    else:
        assert param is not None  # required unless the map is random
        result = SliceTask(trainer.network, trainer.dataset, snapshot, param, span=args.span, points=points, recent=path[-50:, param]).run()
        data = slice_json(result, trainer)

    if args.span is not None and np.count_nonzero(np.isfinite(result.jval)) < 2:
        # nothing to draw or read: every point of the window asked for but (at most) the current one
        # overflowed (a window of its own choosing after a divergence is written, nulls explained)
        raise UsageError(
            "argument --span: JVal is beyond the largest float at every point of this window but the current one; choose a smaller --span"
        )
    if json_path is not None:
        write_text(json_path, strict_dumps(data))
    if csv_path is not None:
        if isinstance(result, WeightSlice):
            write_slice_csv(csv_path, result)
        else:
            write_map_csv(csv_path, result)
    if plot is not None:
        from bpstudio.figures.landscape_figure import save_map_figure, save_slice_figure

        if isinstance(result, WeightSlice):
            save_slice_figure(plot, result)
        else:
            save_map_figure(plot, result)
    if not args.quiet:
        if trainer.stop_reason is not None and trainer.stop_reason.value != "max_iter":
            print(f"the run stopped at iteration {trainer.iteration} ({trainer.stop_reason.value})")
        print(summary(result, trainer))
    return 0
