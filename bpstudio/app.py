"""The one command a user remembers: ``bpstudio`` opens the studio,
``bpstudio train|gradcheck|chain|landscape|info|export-script|exercises|lecture ...`` run without a window.

Kept free of NumPy and Qt imports at module level so that ``--help`` and the
headless commands start fast and never load a GUI they do not need.
"""

from __future__ import annotations

import os
import sys

COMMANDS = ("train", "gradcheck", "chain", "landscape", "info", "export-script", "exercises", "lecture")

USAGE = """\
usage: bpstudio [FILE] [--smoke-test]      open the studio window
       bpstudio train [options]            train the article's network headlessly
       bpstudio gradcheck [options]        check backprop against finite differences
       bpstudio chain --param 'W0[0,0]'    show the loss-influence chain of one weight
       bpstudio landscape [options]        JVal along one weight, or across two, with the step
       bpstudio info FILE.bpstudio         summarise a saved session
       bpstudio export-script --framework pytorch|numpy --out F.py
                                           write the run as a standalone script
       bpstudio exercises --sheet S --count N --json F.json|--pdf F.pdf
                                           a worksheet of exercises on the run, with answers
       bpstudio lecture build|info|export ...
                                           prepare a lecture of scenes from saved sessions

BP Studio: a desktop laboratory for backpropagation, after the article
"Back Propagation - Python实现". Run 'bpstudio COMMAND --help' for a command's options.
"""


def _limit_blas_threads() -> None:
    # The article's matrices are tiny: BLAS worker threads cost more time in
    # hand-offs than they save, and they would compete with the GUI thread.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def run_command(command: str, argv: list[str]) -> int:
    from bpstudio.cli.options import UsageError, fail

    _limit_blas_threads()
    if command == "train":
        from bpstudio.cli.train import main
    elif command == "gradcheck":
        from bpstudio.cli.gradcheck import main
    elif command == "info":
        from bpstudio.cli.info import main
    elif command == "export-script":
        from bpstudio.cli.export_script import main
    elif command == "landscape":
        from bpstudio.cli.landscape import main
    elif command == "exercises":
        from bpstudio.cli.exercises import main
    elif command == "lecture":
        from bpstudio.cli.lecture import main
    else:
        from bpstudio.cli.chain import main
    try:
        return main(argv)
    except UsageError as err:
        return fail(f"bpstudio {command}", str(err))
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except OSError as err:
        return fail(f"bpstudio {command}", f"{err.strerror or err}: {err.filename or ''}".rstrip(": "))


def main(argv: list[str] | None = None) -> int:
    from bpstudio.console_streams import never_fail_on_encoding

    never_fail_on_encoding()
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in COMMANDS:
        return run_command(argv[0], argv[1:])
    if argv and argv[0] in ("-h", "--help", "help"):
        print(USAGE, end="")
        return 0
    if argv and argv[0] in ("-V", "--version"):
        from bpstudio import __version__

        print(f"bpstudio {__version__}")
        return 0
    _limit_blas_threads()
    from bpstudio.qt.shell.launch import launch

    return launch(argv)


if __name__ == "__main__":
    sys.exit(main())
