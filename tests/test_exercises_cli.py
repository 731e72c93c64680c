"""``bpstudio exercises``: the JSON's keys, the same sheet for the same number, the PDF with its key, refusals."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from conftest import run_bpstudio

from bpstudio.app import main
from bpstudio.control.learning.exercises import KINDS

KEYS = {"id", "kind", "prompt", "given", "parameter", "sample", "iteration", "answer", "tolerance", "config"}


def sheet(tmp_path, *args, name="sheet.json"):
    path = tmp_path / name
    assert main(["exercises", *args, "--json", str(path)]) == 0
    return json.loads(path.read_text(encoding="utf-8"))


def test_the_json_has_the_issues_keys_and_rebuilds_the_run(tmp_path):
    data = sheet(tmp_path, "--samples", "5", "--iterations", "3", "--sheet", "7", "--count", "12")
    assert set(data) == {"exercises"}
    exercises = data["exercises"]
    assert len(exercises) == 12 and len({e["kind"] for e in exercises}) >= 5
    train = tmp_path / "train.json"
    assert main(["train", "--samples", "5", "--max-iter", "3", "--quiet", "--json", str(train)]) == 0
    config_keys = set(json.loads(train.read_text())["config"])
    for e in exercises:
        assert set(e) == KEYS
        assert e["kind"] in KINDS and set(e["prompt"]) == {"en", "zh_CN"}
        assert isinstance(e["given"], dict) and all(isinstance(v, float | int) for v in e["given"].values())
        assert e["parameter"] is None or e["parameter"].startswith("W")
        assert e["sample"] is None or 0 <= e["sample"] < 5
        assert e["iteration"] == 3 and isinstance(e["answer"], float) and 0 < e["tolerance"] <= 0.05
        assert set(e["config"]) == config_keys and e["config"]["samples"] == 5


def test_the_same_sheet_number_gives_the_same_file_and_the_seed_stays_the_runs(tmp_path):
    args = ("--samples", "5", "--iterations", "2", "--count", "12")
    a = sheet(tmp_path, *args, "--sheet", "3", name="a.json")
    b = sheet(tmp_path, *args, "--sheet", "3", name="b.json")
    c = sheet(tmp_path, *args, "--sheet", "4", name="c.json")
    d = sheet(tmp_path, *args, "--sheet", "3", "--seed", "2", name="d.json")
    assert a == b and a != c
    assert {e["config"]["seed"] for e in d["exercises"]} == {2} and a != d


def test_kinds_chooses_the_kinds(tmp_path):
    data = sheet(tmp_path, "--sheet", "1", "--count", "6", "--kinds", "adam-step,nudge")
    assert {e["kind"] for e in data["exercises"]} == {"adam-step", "nudge"}


@pytest.mark.parametrize(
    "args, words",
    [
        (["--sheet", "1", "--count", "3", "--kinds", "nope", "--json", "x.json"], "unknown kind"),
        (["--sheet", "1", "--count", "3", "--kinds", "sample-sum", "--json", "x.json"], "at most 10 training samples"),
        (["--sheet", "1", "--count", "0", "--json", "x.json"], "--count"),
        (["--sheet", "-1", "--count", "3", "--json", "x.json"], "--sheet"),
        (["--sheet", "1", "--count", "3"], "--json --pdf"),
        (["--sheet", "1", "--count", "3", "--json", "x.json", "--pdf", "x.pdf"], "not allowed"),
        (["--count", "3", "--json", "x.json"], "--sheet"),
        (
            [
                "--dataset",
                "circle",
                "--loss",
                "cross-entropy",
                "--output",
                "sigmoid",
                "--sheet",
                "1",
                "--count",
                "3",
                "--kinds",
                "source",
                "--json",
                "x.json",
            ],
            "source needs a chain with a source",
        ),
        (["--sheet", "1", "--count", "3", "--alpha", "-1", "--json", "x.json"], "--alpha"),
    ],
)
def test_bad_options_are_one_line_and_exit_2(args, words, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["exercises", *args]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("bpstudio exercises: error:") and words in err and "\n" not in err
    assert not (tmp_path / "x.json").exists()


def test_the_command_imports_no_qt_until_a_pdf_is_asked_for():
    check = "import sys, bpstudio.cli.exercises; print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'bpstudio.qt'))))"
    out = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_pdf_worksheet_opens_and_ends_with_the_answer_key(tmp_path):
    pdf = tmp_path / "sheet.pdf"
    done = run_bpstudio(
        "exercises",
        "--samples",
        "5",
        "--iterations",
        "3",
        "--sheet",
        "7",
        "--count",
        "12",
        "--pdf",
        str(pdf),
        env={"DISPLAY": "", "WAYLAND_DISPLAY": ""},
    )
    assert done.returncode == 0, done.stderr
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    pages = data.count(b"/Type /Page\n") + data.count(b"/Type /Page ") + data.count(b"/Type /Page/")
    assert pages >= 2
    from bpstudio.control.learning.exercises import make_sheet
    from bpstudio.engine.config import RunConfig
    from bpstudio.figures.worksheet import KEY_HEADING, worksheet_html

    config = RunConfig(samples=5)
    trainer = config.with_changes(max_iter=3).trainer()
    trainer.run()
    page = worksheet_html(make_sheet(trainer.problem, trainer.snapshot(), config, 7, 12), config, 7)
    assert page.index("page-break-before:always") < page.index(KEY_HEADING) and "答案" in KEY_HEADING and "Answers" in KEY_HEADING
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed: the key's text in the PDF itself is not read")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    count = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    last = subprocess.run(["pdftotext", "-f", str(count), "-l", str(count), str(pdf), "-"], capture_output=True, text=True).stdout
    before = subprocess.run(["pdftotext", "-l", str(count - 1), str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Answers / 答案" in last and "Answers / 答案" not in before
    assert "7.12" in last and "Worksheet 7" in before and "练习 7" in before
