"""Write bpstudio(1) from the program's own help: ``man bpstudio`` says what ``--help`` says.

The page is generated at build time from ``bpstudio --help`` and each
command's argparse parser, so it cannot drift from the options it documents.

    python make_manpage.py OUT.1      (bpstudio importable; writes roff)
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

COMMAND_MODULES = {
    "train": "train",
    "gradcheck": "gradcheck",
    "chain": "chain",
    "landscape": "landscape",
    "info": "info",
    "export-script": "export_script",
    "exercises": "exercises",
    "lecture": "lecture",
}


def roff_text(text: str) -> str:
    """Plain text made literal for roff: backslashes escaped, no line taken for a request."""
    lines = []
    for line in text.rstrip("\n").splitlines():
        line = line.replace("\\", "\\e").replace("-", "\\-")
        if line.startswith((".", "'")):
            line = "\\&" + line
        lines.append(line)
    return "\n".join(lines)


def preformatted(text: str) -> str:
    return ".nf\n" + roff_text(text) + "\n.fi"


def command_help(command: str) -> str:
    module = importlib.import_module(f"bpstudio.cli.{COMMAND_MODULES[command]}")
    return module.build_parser().format_help()


def manpage() -> str:
    os.environ["COLUMNS"] = "78"  # argparse wraps to the terminal: a fixed width makes the page reproducible
    from bpstudio import __version__
    from bpstudio.app import COMMANDS, USAGE

    assert set(COMMANDS) == set(COMMAND_MODULES), "a command was added: name its module in make_manpage.py"
    usage, _, about = USAGE.partition("\n\n")
    parts = [
        f'.TH BPSTUDIO 1 "" "bpstudio {__version__}" "User Commands"',
        ".SH NAME",
        "bpstudio \\- desktop laboratory for backpropagation",
        ".SH SYNOPSIS",
        preformatted("\n".join(line[7:] if line.startswith(" " * 7) else line for line in usage.replace("usage: ", "", 1).splitlines())),
        ".SH DESCRIPTION",
        roff_text(" ".join(about.split())),
        ".PP",
        "Without a command, bpstudio opens the studio window (with FILE, that saved session). "
        "The commands below run without a window; each refuses a bad option in one line "
        "with exit status 2.",
        ".SH COMMANDS",
    ]
    for command in COMMANDS:
        parts += [f'.SS "bpstudio {command}"', preformatted(command_help(command))]
    parts += [
        ".SH ENVIRONMENT",
        ".TP",
        ".B DISPLAY, WAYLAND_DISPLAY",
        "The display the window opens on. Without one, or when nobody answers there, bpstudio says so in one line and exits with status 2.",
        ".TP",
        ".B QT_QPA_PLATFORM",
        "Qt's platform; \\fBoffscreen\\fR runs the window without a display.",
        ".SH FILES",
        ".TP",
        ".I *.bpstudio",
        "a saved session (a ZIP archive; see the manual, F1 in the window).",
        ".SH SEE ALSO",
        "The manual in the window (Help \\(-> Manual, F1), in English and Chinese.",
    ]
    return "\n".join(parts) + "\n"


def main(out: str) -> int:
    Path(out).write_text(manpage(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
