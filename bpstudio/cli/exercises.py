"""``bpstudio exercises``: a worksheet of exercises on one run, as JSON or as a PDF with its answer key.

The run is built as ``train`` builds it (the same options, ``--seed`` the
run's own) and trained ``--iterations K`` first, as ``chain --iterations``
counts; ``--sheet S`` chooses the exercises, so the same S gives the same
sheet.  The PDF is drawn by Qt offscreen (:mod:`bpstudio.figures.worksheet`),
imported only when a PDF is asked for.
"""

from __future__ import annotations

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
from bpstudio.cli.run_budget import check_run_budget
from bpstudio.cli.strict_json import strict_dumps
from bpstudio.control.files.safe_write import write_text
from bpstudio.control.learning.exercises import KINDS, Situation, make_sheet, sheet_json, unavailable

MAX_COUNT = 200


def build_parser(prog: str = "bpstudio exercises") -> Parser:
    parser = Parser(
        prog=prog,
        description=(
            "Write a sheet of exercises on a run: a basic link's value, a path's product, a source's sum, "
            "dL/dw for one sample, the sum over samples (small data sets), one Adam, momentum or GD step, "
            "the nudge's predicted change of JVal, a softmax + cross-entropy dL/dI. Each gives its numbers, "
            "one numeric answer and a relative tolerance."
        ),
        epilog="Example: bpstudio exercises --samples 5 --iterations 3 --sheet 7 --count 12 --pdf sheet7.pdf",
    )
    add_model_options(parser)
    parser.add_argument(
        "--iterations", type=whole_number, default=0, metavar="K", help="train K iterations first (default: 0, the start point)"
    )
    parser.add_argument("--sheet", type=whole_number, required=True, metavar="S", help="the sheet number: the same S gives the same sheet")
    parser.add_argument("--count", type=whole_number, required=True, metavar="N", help=f"how many exercises (1 to {MAX_COUNT})")
    parser.add_argument(
        "--kinds",
        default="",
        metavar="K1,K2",
        help="only these kinds, from " + ", ".join(KINDS) + " (default: all that fit the run)",
    )
    out = parser.add_mutually_exclusive_group(required=True)
    out.add_argument("--json", metavar="FILE.json", help='write {"exercises": [...]} with prompts, given numbers and answers')
    out.add_argument("--pdf", metavar="FILE.pdf", help="write a worksheet with the answer key on its last page")
    return parser


def chosen_kinds(text: str) -> list[str] | None:
    kinds = [part.strip() for part in text.split(",") if part.strip()]
    for kind in kinds:
        if kind not in KINDS:
            raise UsageError(f"argument --kinds: unknown kind {kind!r} (choose from {', '.join(KINDS)})")
    return kinds or None


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    config = config_from_args(args)
    if args.iterations < 0:
        raise UsageError("argument --iterations: must be 0 or greater")
    if args.sheet < 0:
        raise UsageError("argument --sheet: must be 0 or greater")
    if not 1 <= args.count <= MAX_COUNT:
        raise UsageError(f"argument --count: must be from 1 to {MAX_COUNT}")
    kinds = chosen_kinds(args.kinds)
    json_path = writable_path("--json", args.json, run_inputs(args))
    pdf_path = writable_path("--pdf", args.pdf, run_inputs(args))
    problem = problem_from_config(config)
    check_run_budget(config, problem, max_iter=args.iterations)
    trainer = config.with_changes(max_iter=args.iterations).trainer(problem)
    trainer.run()
    snapshot = trainer.snapshot()
    situation = Situation(problem, snapshot, config)
    if kinds:
        refused = [why for why in (unavailable(situation, k) for k in kinds) if why]
        if len(refused) == len(kinds):
            raise UsageError(f"argument --kinds: {'; '.join(refused)}")
    try:
        sheet = make_sheet(problem, snapshot, config, args.sheet, args.count, kinds)
    except ValueError as err:
        raise UsageError(f"argument --kinds: {err}") from None
    if not sheet:
        raise UsageError("no exercise of these kinds can be posed on this run (every answer would be 0)")
    if json_path is not None:
        write_text(json_path, strict_dumps(sheet_json(sheet, config), indent=1, ensure_ascii=False) + "\n")
    if pdf_path is not None:
        from bpstudio.figures.worksheet import write_worksheet

        write_worksheet(pdf_path, sheet, config, args.sheet)
    if len(sheet) < args.count:
        print(f"bpstudio exercises: {len(sheet)} of {args.count} exercises could be posed on this run")
    return 0
