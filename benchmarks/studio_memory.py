"""The studio's memory at the largest run its budget allows, printed, never asserted.

    python benchmarks/studio_memory.py [SAMPLES] [ITERATIONS]

The README states one memory figure for a run in the studio; this measures
it the way a user's machine pays it: the peak resident size of the studio's
own process (data, history, the views' copies, the chain of the selected
weight) *plus* the peak of the trainer's process.  The run is the largest the
studio accepts with the spiral data and 256 hidden units (the most samples
:func:`bpstudio.engine.budget.check_budget` lets through, unless SAMPLES is
given), trained ITERATIONS steps with every view open.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import resource  # noqa: E402
import sys  # noqa: E402

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from bpstudio.control import RunState  # noqa: E402
from bpstudio.engine.budget import MAX_BYTES, BudgetError, check_budget, estimate  # noqa: E402
from bpstudio.engine.config import MAX_SAMPLES, RunConfig  # noqa: E402
from bpstudio.qt.main_window import MainWindow  # noqa: E402

HIDDEN = (256,)


def config_of(samples: int, max_iter: int) -> RunConfig:
    return RunConfig(dataset="spiral", hidden=HIDDEN, samples=samples, max_iter=max_iter)


def largest_allowed(max_iter: int) -> int:
    """The most samples the studio's budget accepts for this network (bisection)."""
    low, high = 1, MAX_SAMPLES
    while low < high:
        middle = (low + high + 1) // 2
        config = config_of(middle, max_iter)
        try:
            check_budget(config.problem_network().sizes, middle, max_iter, studio=True)
            low = middle
        except BudgetError:
            high = middle - 1
    return low


def peak_of(pid: int) -> int:
    """VmHWM of a live process, in bytes (0 when it cannot be read)."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def main() -> None:
    max_iter = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    samples = int(sys.argv[1]) if len(sys.argv) > 1 else largest_allowed(max_iter)
    config = config_of(samples, max_iter)
    sizes = config.problem_network().sizes
    app = QApplication(sys.argv[:1])
    window = MainWindow(config, restore_settings=False)
    window.ask_before_closing = False
    window.show()
    process = window.training.process
    trainer_peak = [0]

    def watch():
        child = getattr(process, "_process", None) if process is not None else None
        if child is not None and child.pid:
            trainer_peak[0] = max(trainer_peak[0], peak_of(child.pid))
        if window.last is not None and window.last.state is RunState.FINISHED:
            QTimer.singleShot(1500, app.quit)  # let the views draw the finished run
            return
        QTimer.singleShot(100, watch)

    QTimer.singleShot(500, window.gestures.run)
    QTimer.singleShot(600, watch)
    app.exec()
    child = getattr(process, "_process", None) if process is not None else None
    if child is not None and child.pid:
        trainer_peak[0] = max(trainer_peak[0], peak_of(child.pid))
    main_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    window.close()
    mb = 1024**2
    print(f"run: spiral, hidden {HIDDEN}, {samples} samples, {max_iter} iterations, sizes {sizes}")
    print(f"budget's estimate (studio): {estimate(sizes, samples, max_iter, studio=True).bytes / mb:8.0f} MB of {MAX_BYTES / mb:.0f} MB")
    print(f"studio process peak RSS   : {main_peak / mb:8.0f} MB")
    print(f"trainer process peak RSS  : {trainer_peak[0] / mb:8.0f} MB")
    print(f"together                  : {(main_peak + trainer_peak[0]) / mb:8.0f} MB")


if __name__ == "__main__":
    main()
