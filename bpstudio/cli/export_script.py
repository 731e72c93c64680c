"""``bpstudio export-script``: the run that ``train`` would make, as a standalone Python script."""

from __future__ import annotations

from bpstudio.cli.options import Parser, UsageError, add_model_options, problem_from_config, run_inputs, writable_path
from bpstudio.cli.playground import add_playground_options, config_or_link
from bpstudio.control.export.script_export import FRAMEWORKS, check_script_name, script_text
from bpstudio.control.files.safe_write import write_text


def build_parser(prog: str = "bpstudio export-script") -> Parser:
    parser = Parser(
        prog=prog,
        description=(
            "Write the run that 'bpstudio train' makes with the same options as one readable "
            "Python script: the same data, start weights, optimizer and stop tests, with PyTorch "
            "(torch and numpy) or NumPy alone. The script prints JVal as it trains and takes "
            "--max-iter N, --print-every N and --json FILE on its own command line."
        ),
        epilog="Example: bpstudio export-script --framework pytorch --out article_torch.py",
    )
    parser.add_argument(
        "--framework", required=True, choices=list(FRAMEWORKS), help="pytorch (autograd and torch.optim) or numpy (backprop written out)"
    )
    parser.add_argument("--out", required=True, metavar="FILE.py", help="the script to write")
    add_model_options(parser)
    add_playground_options(parser, trained=False)
    return parser


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    config = config_or_link(args, "bpstudio export-script")[0]
    out = writable_path("--out", args.out, run_inputs(args))
    assert out is not None  # --out is required
    try:
        check_script_name(out)
    except ValueError as err:
        raise UsageError(f"argument --out: {err}") from None
    problem_from_config(config)  # the same checks as train: the CSV is readable, the formulas finite
    try:
        text = script_text(config, args.framework)
    except ValueError as err:  # data too large to write into the script
        raise UsageError(str(err)) from None
    write_text(out, text)
    length = "--epochs N" if config.is_playground else "--max-iter N"
    print(f"wrote {out}: run it with python3 {out.name} [{length}] [--json FILE]")
    return 0
