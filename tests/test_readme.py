"""The README's two quick-start commands stay true: CI runs exactly the test one."""

import re

from conftest import REPO


def quick_start_commands():
    text = (REPO / "README.md").read_text()
    section = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_two_quick_start_commands():
    commands = quick_start_commands()
    assert len(commands) == 2
    start, tests = commands
    assert "pip install ." in start and start.rstrip().endswith("bpstudio")
    assert "pytest" in tests


def test_ci_runs_the_readme_test_command_verbatim():
    ci = (REPO / ".ci" / "run").read_text().splitlines()
    assert quick_start_commands()[1] in ci
