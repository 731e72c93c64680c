"""``bpstudio gradcheck``: backprop against finite differences, layer by layer."""
from __future__ import annotations

import json

from ..control.safe_write import write_text
from ..engine.gradcheck import check_gradient
from .run_budget import check_gradcheck_size
from .options import Parser, UsageError, add_model_options, config_from_args, writable_path


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
    json_path = writable_path("--json", args.json)
    try:
        problem = config.problem()
    except ValueError as err:
        raise UsageError(f"argument --data: {err}") from None
    check_gradcheck_size(problem)
    net = problem.network
    result = check_gradient(net, problem.start, problem.dataset)
    for layer, error in enumerate(result.layer_errors):
        rows, cols = net.shapes[layer]
        print(f"W{layer} ({rows}x{cols}): max relative error {error:.3e}")
    print(f"overall: {result.max_error:.3e}")
    if json_path is not None:
        write_text(json_path, json.dumps({
            "sizes": list(net.sizes),
            "layers": [
                {"layer": l, "shape": list(net.shapes[l]), "max_relative_error": e}
                for l, e in enumerate(result.layer_errors)
            ],
            "max_relative_error": result.max_error,
            "backprop": result.backprop.tolist(),
            "numeric": result.numeric.tolist(),
        }), encoding="utf-8")
    return 0
