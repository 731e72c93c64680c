"""``bpstudio gradcheck``: backprop against finite differences, layer by layer."""

from __future__ import annotations

from bpstudio.cli.options import Parser, UsageError, add_model_options, config_from_args, run_inputs, writable_path
from bpstudio.cli.run_budget import check_gradcheck_size
from bpstudio.cli.strict_json import strict_dumps
from bpstudio.control.files.safe_write import write_text
from bpstudio.engine.data import Dataset
from bpstudio.engine.gradcheck import check_gradient


def build_parser(prog: str = "bpstudio gradcheck") -> Parser:
    parser = Parser(
        prog=prog,
        description=(
            "Compare the backprop gradient at the start point with central finite "
            "differences, parameter by parameter, and print the largest relative "
            "error in each layer. Small numbers (below 1e-6) mean backprop is right."
        ),
    )
    add_model_options(parser, with_training=False)
    parser.add_argument("--json", metavar="FILE.json", help="also write the result as JSON")
    return parser


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    config = config_from_args(args)
    json_path = writable_path("--json", args.json, run_inputs(args))
    try:
        problem = config.problem()
    except ValueError as err:
        raise UsageError(f"argument --data: {err}") from None
    check_gradcheck_size(problem)
    net = problem.network
    data, scale = problem.dataset, 1.0
    batches = config.trainer(problem).batches
    if batches is not None:  # the first step's gradient: batch 0, scaled to stand for the whole set
        rows = batches.rows(0)
        data = Dataset(data.inputs[rows], data.targets[rows], data.input_names, data.target_names, data.classes)
        scale = batches.scale(rows)
        print(f"mini-batch 0: {len(rows)} of {problem.dataset.n_samples} samples, scaled by {scale:g}")
    result = check_gradient(net, problem.start, data, scale=scale)
    for layer, error in enumerate(result.layer_errors):
        n_rows, n_cols = net.shapes[layer]
        print(f"W{layer} ({n_rows}x{n_cols}): max relative error {error:.3e}")
    print(f"overall: {result.max_error:.3e}")
    if json_path is not None:
        write_text(
            json_path,
            strict_dumps(
                {
                    "sizes": list(net.sizes),
                    "layers": [
                        {"layer": layer, "shape": list(net.shapes[layer]), "max_relative_error": e}
                        for layer, e in enumerate(result.layer_errors)
                    ],
                    "max_relative_error": result.max_error,
                    "backprop": result.backprop.tolist(),
                    "numeric": result.numeric.tolist(),
                }
            ),
            encoding="utf-8",
        )
    return 0
