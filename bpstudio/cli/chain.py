"""``bpstudio chain``: the loss-influence chain of one parameter, with numbers."""

from __future__ import annotations

import sys
from typing import Any

from bpstudio.cli.options import Parser, UsageError, add_model_options, run_inputs, whole_number, writable_path
from bpstudio.cli.playground import add_playground_options, config_or_link
from bpstudio.cli.run_budget import check_chain_size, check_run_budget
from bpstudio.cli.sample_index import check_sample_index
from bpstudio.cli.strict_json import strict_dumps
from bpstudio.control.files.safe_write import write_text
from bpstudio.control.files.sample_terms import csv_text, sample_terms, write_sample_terms_csv
from bpstudio.control.words.number_format import DEFAULT_DIGITS, DIGIT_SETTINGS, rounding
from bpstudio.control.words.written_formula import misses
from bpstudio.engine.chain import PATH_CAP, ChainNumbers, InfluenceChain
from bpstudio.engine.chain_board import board, factored_tree
from bpstudio.engine.chain_render import render_latex, render_markdown, render_text
from bpstudio.engine.graph import NodeNames
from bpstudio.engine.optimizer_step import optimizer_step


def build_parser(prog: str = "bpstudio chain") -> Parser:
    parser = Parser(
        prog=prog,
        description=(
            "Show the loss-influence chain of one parameter: every link from it to the "
            "loss L, the sources where branches are summed, the sinks, each path's "
            "value, and the chain-rule sum checked against backprop and finite "
            "differences."
        ),
        epilog="Example: bpstudio chain --param 'W0[0,0]' --iterations 100 --sample 0",
    )
    parser.add_argument(
        "--param", required=True, metavar="NAME", help="the parameter, e.g. W0[0,0]; the last row of each matrix is the bias"
    )
    add_model_options(parser)
    add_playground_options(parser)
    parser.add_argument(
        "--iterations", type=whole_number, default=0, metavar="K", help="train K iterations first (default: 0, the start point)"
    )
    parser.add_argument(
        "--sample",
        type=whole_number,
        default=None,
        metavar="I",
        help="numbers for training sample I alone, counted from 0 in the data's "
        "order among the samples kept for training (the held-out test rows are "
        "skipped); default: summed over the training samples",
    )
    parser.add_argument(
        "--paths", type=whole_number, default=PATH_CAP, metavar="N", help=f"list at most N paths (default: {PATH_CAP}); all are counted"
    )
    parser.add_argument(
        "--format",
        choices=("text", "latex", "markdown", "json", "svg", "png", "csv"),
        default="text",
        help="text, LaTeX, Markdown or JSON; svg and png draw the typeset formula with the numbers of --sample "
        "(default sample 0) and need --out; csv goes with --per-sample",
    )
    parser.add_argument(
        "--digits",
        choices=DIGIT_SETTINGS,
        default=DEFAULT_DIGITS,
        help=f"significant digits of the numbers in the formulas (text, latex, markdown, svg, png): 4, 6 or all "
        f"(enough to read each double back; default: {DEFAULT_DIGITS}), as View > Digits in the window",
    )
    parser.add_argument(
        "--per-sample",
        action="store_true",
        help="every training sample's term of the parameter's gradient, one row each (sample, inputs, predictions, "
        "targets, term; 17 significant digits; with a penalty each term carries dR/dw / n, so the terms sum to the "
        "gradient); needs --format csv",
    )
    parser.add_argument("--out", metavar="FILE", help="write to FILE instead of the screen")
    return parser


def chain_json(chain: InfluenceChain, numbers: ChainNumbers) -> dict[str, Any]:
    return {
        "param": chain.name,
        "display": chain.display(chain.param, "latex"),
        "nodes": [n.name for n in chain.nodes],
        "edges": [[e.source.name, e.target.name, e.kind] for e in chain.edges],
        "sources": [n.name for n in chain.sources],
        "sinks": [n.name for n in chain.sinks],
        "paths": [{"nodes": [n.name for n in p.nodes], "factors": list(p.factors), "value": p.value} for p in numbers.paths],
        "paths_total": numbers.paths_total,
        "per_output": numbers.per_output,
        "sample": numbers.sample,
        "chain_gradient": numbers.chain_gradient,
        "backprop_gradient": numbers.backprop_gradient,
        "numeric_gradient": numbers.numeric_gradient,
        "factored": factored_tree(chain, numbers),
    }


def formula_svg(chain: InfluenceChain, numbers: ChainNumbers, digits: str = DEFAULT_DIGITS) -> str:
    """The typeset blackboard and the basic links below it, for --format svg/png."""
    from bpstudio.control.export.typeset import board_svg

    blocks = board(chain, numbers)
    tags = {"source": "source Σ: branches summed", "sink": "below a sink: defined once"}
    return board_svg(blocks, tags=tags, background="#ffffff", digits=digits)


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    config, epochs = config_or_link(args, "bpstudio chain")
    if epochs is not None:
        args.iterations = epochs  # a Playground run's iteration is its epoch
    out = writable_path("--out", args.out, run_inputs(args))
    if args.iterations < 0 or (args.sample is not None and args.sample < 0):
        raise UsageError("argument --iterations/--sample: must be 0 or greater")
    if args.paths < 0:
        raise UsageError("argument --paths: must be 0 or greater")
    drawn = args.format in ("svg", "png")
    if drawn and out is None:
        raise UsageError(f"argument --format: {args.format} needs --out FILE")
    if args.per_sample != (args.format == "csv"):
        raise UsageError("argument --per-sample: goes with --format csv (and csv with --per-sample)")
    if args.per_sample and args.sample is not None:
        raise UsageError("argument --per-sample: lists every sample; leave out --sample")
    try:
        problem = config.problem()
    except ValueError as err:
        raise UsageError(f"argument --data: {err}") from None
    check_run_budget(config, problem, max_iter=args.iterations)
    trainer = config.with_changes(max_iter=args.iterations).trainer(problem)
    check_sample_index(args.sample, trainer.dataset.n_samples, config.test_fraction)
    try:
        chain = InfluenceChain.of(trainer.network, args.param, NodeNames.of(trainer.dataset))
    except ValueError as err:
        raise UsageError(f"argument --param: {err}") from None
    sample = 0 if drawn and args.sample is None else args.sample
    check_chain_size(problem, chain.param.layer, trainer.dataset.n_samples if sample is None else 1)
    trainer.run()
    if args.per_sample:
        param = chain.param
        index = trainer.network.param_index(param.layer, param.index, param.col)
        table = sample_terms(trainer.network, trainer.weights, trainer.dataset, index)
        if out is None:
            csv_text(sys.stdout, table)
        else:
            write_sample_terms_csv(out, table)
        return 0
    numbers = chain.evaluate(trainer.weights, trainer.dataset, sample=sample, path_limit=args.paths)
    if args.format == "png":
        from bpstudio.figures.svg_image import svg_to_png

        svg_to_png(formula_svg(chain, numbers, args.digits), str(out))
        return 0
    rounded, approx = rounding(args.digits), misses(args.digits)
    if args.format == "svg":
        text = formula_svg(chain, numbers, args.digits)
    elif args.format == "json":
        param = chain.param
        index = trainer.network.param_index(param.layer, param.index, param.col)
        text = strict_dumps({**chain_json(chain, numbers), "optimizer_step": optimizer_step(trainer.snapshot(), index)}, indent=1)
    elif args.format == "latex":
        text = render_latex(chain, numbers, rounded, approx)
    elif args.format == "markdown":
        text = render_markdown(chain, numbers, rounded, approx)
    else:
        text = render_text(chain, numbers, rounded, approx)
    if out is None:
        print(text, end="" if text.endswith("\n") else "\n")
    else:
        write_text(out, text)
    return 0
