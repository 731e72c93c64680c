"""Studio figures, printed, never asserted: latency, full run, start-up.

    python benchmarks/gui.py          (offscreen unless a display is set)

* the article's 50 000-iteration run in the window, a weight chosen (its
  chain on screen), against its headless time: alternating rounds in fresh
  processes, medians and spread (:mod:`side_by_side`), with the GUI thread's
  event-loop lag (p99) measured during the same runs; the target is >= 95 %
  of headless speed and p99 <= 20 ms;
* start-up to a painted window, beside a bare QMainWindow with a PlotWidget.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
import side_by_side  # noqa: E402 - this folder is the script's: run as python benchmarks/gui.py
from PySide6.QtWidgets import QApplication  # noqa: E402

HERE = Path(__file__).resolve().parent


def startup_seconds(rounds: int = 7) -> dict[str, tuple[list[float], list[float]]]:
    """Launch to first paint of each kind, ``rounds`` times in turn after one warm-up each.

    Each entry is (wall-clock seconds, the GUI thread's CPU seconds) per round.
    The kinds take turns so that a slow spell of the machine falls on both.
    The probe prints the wall clock of its first paint, so closing the window
    (which ends the studio's trainer process) is not counted for either kind.
    Bytecode caching is allowed: an installed BP Studio has its modules
    compiled (pip compiles them); a machine that sets PYTHONDONTWRITEBYTECODE
    would otherwise make every start compile ~90 modules again, which a user
    never pays.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    kinds = ("bare", "studio")
    figures: dict[str, tuple[list[float], list[float]]] = {kind: ([], []) for kind in kinds}
    for kind in kinds:
        subprocess.run([sys.executable, str(HERE / "startup_probe.py"), kind], check=True, capture_output=True, env=env)
    for _ in range(rounds):
        for kind in kinds:
            launched = time.time()
            done = subprocess.run(
                [sys.executable, str(HERE / "startup_probe.py"), kind], check=True, capture_output=True, env=env, text=True
            )
            cpu, painted = (float(word) for word in done.stdout.split()[-2:])
            figures[kind][0].append(painted - launched)
            figures[kind][1].append(cpu)
    return figures


def main() -> None:
    app = QApplication(sys.argv[:1])
    print(f"platform {app.platformName()}, {side_by_side.machine()}")
    print(f"{side_by_side.ARTICLE.label}:")
    print(side_by_side.summary(side_by_side.ARTICLE, side_by_side.compare(side_by_side.ARTICLE)))
    figures = startup_seconds()
    print(f"start-up: launch to first paint ({len(figures['bare'][0])} rounds, taking turns; min / median):")
    for label, kind in (("bare QMainWindow + PlotWidget", "bare"), ("BP Studio", "studio")):
        wall, cpu = figures[kind]
        print(f"  {label:29s} : wall {min(wall):5.2f} / {np.median(wall):5.2f} s, GUI thread CPU {min(cpu):5.2f} / {np.median(cpu):5.2f} s")
    (bare_wall, bare_cpu), (wall, cpu) = figures["bare"], figures["studio"]
    print(
        f"  studio / bare                 : wall {min(wall) / min(bare_wall):.2f} x / {np.median(wall) / np.median(bare_wall):.2f} x, "
        f"GUI thread CPU {min(cpu) / min(bare_cpu):.2f} x / {np.median(cpu) / np.median(bare_cpu):.2f} x"
    )


if __name__ == "__main__":
    main()
