"""``bpstudio info FILE``: what a session file holds, or why it cannot be read."""

from __future__ import annotations

from bpstudio.cli.options import Parser, UsageError
from bpstudio.control.files.session_file import SessionFileError, load_session
from bpstudio.control.files.session_summary import describe


def build_parser(prog: str = "bpstudio info") -> Parser:
    parser = Parser(prog=prog, description="Summarise a .bpstudio session file.")
    parser.add_argument("file", help="the .bpstudio file")
    return parser


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    try:
        saved = load_session(args.file)
    except SessionFileError as err:
        raise UsageError(f"{args.file}: {err}") from None
    print(describe(saved), end="")
    return 0
