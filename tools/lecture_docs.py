"""Rebuild the lecture examples in docs/: a phase-walk GIF, the spiral's decision map training, a handout and a worksheet.

    python tools/lecture_docs.py [OUT_DIR]        (default: docs/)

It saves three paused sessions (the article at iterations 0 and 1, the
two-arm spiral at its start), builds ``lecture-example.bplecture`` from them with
``bpstudio lecture build``, and exports with ``bpstudio lecture export``
exactly as a teacher would; the commands it runs are printed.  Every export
is deterministic, so running it again gives the same files.
"""

from __future__ import annotations

import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bpstudio.control.files.session_file import save_session  # noqa: E402
from bpstudio.control.runtime.session import TrainingSession  # noqa: E402
from bpstudio.engine.config import RunConfig  # noqa: E402

# Two tanh layers of eight sort Playground's spiral within some 250 iterations: the map visibly sorts the arms.
SPIRAL = RunConfig(dataset="spiral", samples=300, hidden=(8, 8), loss="cross-entropy", alpha=0.03, max_iter=20000)


def bpstudio(*args: str) -> None:
    print("bpstudio " + " ".join(shlex.quote(a) for a in args), flush=True)
    subprocess.run([sys.executable, "-m", "bpstudio", *args], check=True, cwd=REPO)


def sessions(folder: Path) -> dict[str, Path]:
    """The article paused at iterations 0 and 1, and a two-arm spiral at its start, saved as the studio saves them."""
    paths = {}
    for name, steps in (("start", 0), ("one", 1)):
        session = TrainingSession(RunConfig())
        for _ in range(steps):
            session.trainer.step()
        paths[name] = folder / f"article-{steps}.bpstudio"
        save_session(paths[name], session)
    paths["spiral"] = folder / "spiral.bpstudio"
    save_session(paths["spiral"], TrainingSession(SPIRAL))
    return paths


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else REPO / "docs"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        s = sessions(Path(work))
        lecture = str(out / "lecture-example.bplecture")
        bpstudio(
            "lecture", "build", lecture,
            "--scene", str(s["start"]), "--select", "W0[0,0]", "--title", "The chain of w₁₁⁽⁰⁾",
            "--note", "Ask: through which nodes does w₁₁⁽⁰⁾ reach the loss? Then read each factor off the diagram.",
            "--scene", str(s["one"]), "--select", "W0[0,0]", "--phase", "3", "--title", "One iteration, phase by phase",
            "--note", "Phase 3: the loss is known; now ∂L/∂node flows back through layer 2.",
            "--scene", str(s["spiral"]), "--view", "map", "--select", "W2[0,0]", "--title", "The spiral",
            "--note", "Two arms, two tanh layers of eight: watch the decision map sort the arms as the run trains.",
        )  # fmt: skip
        bpstudio("lecture", "export", lecture, "--gif", str(out / "lecture-phases.gif"), "--scene", "2", "--phases", "--size", "800x450")
        bpstudio(
            "lecture", "export", lecture, "--gif", str(out / "lecture-spiral.gif"), "--scene", "3",
            "--from", "0", "--to", "300", "--every", "15", "--fps", "5", "--size", "800x450",
        )  # fmt: skip
        bpstudio("lecture", "export", lecture, "--pdf", str(out / "lecture-handout.pdf"))
        bpstudio("lecture", "export", lecture, "--pdf", str(out / "lecture-worksheet-zh.pdf"), "--worksheet", "--lang", "zh_CN")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
