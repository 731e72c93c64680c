"""Training-thread throughput and shutdown latency, printed, never asserted.

    python benchmarks/worker.py

Runs the article's problem headless (Trainer.run) and through the
TrainingThread with an idle GUI thread that receives every Update, and
prints both rates, their ratio, the number of updates per second, and how
long stop() takes in the middle of a run.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import time  # noqa: E402

from PySide6.QtCore import QCoreApplication, QTimer  # noqa: E402

from bpstudio.control.model.history_mirror import HistoryMirror  # noqa: E402
from bpstudio.engine.config import RunConfig  # noqa: E402
from bpstudio.qt.shell.training_thread import TrainingThread  # noqa: E402

ITERATIONS = 20000


def headless_rate() -> float:
    trainer = RunConfig(max_iter=ITERATIONS).trainer()
    started = time.perf_counter()
    trainer.run()
    return trainer.iteration / (time.perf_counter() - started)


def threaded_rate(app: QCoreApplication) -> tuple[float, float, int]:
    thread = TrainingThread(RunConfig(max_iter=ITERATIONS))
    mirror = HistoryMirror()
    updates = []
    started = [0.0]
    finished = [0.0]

    def on_update(update):
        mirror.apply(update)
        updates.append(update)
        if update.iteration >= ITERATIONS and not finished[0]:
            finished[0] = time.perf_counter()
            app.quit()

    thread.updated.connect(on_update)
    thread.start()

    def go():
        started[0] = time.perf_counter()
        thread.start_running()

    QTimer.singleShot(100, go)
    app.exec()
    thread.stop()
    elapsed = finished[0] - started[0]
    assert len(mirror) == ITERATIONS + 1, "points were lost"
    return ITERATIONS / elapsed, len(updates) / elapsed, len(updates)


def stop_latency(app: QCoreApplication) -> float:
    thread = TrainingThread(RunConfig(max_iter=10**7))
    thread.start()
    thread.start_running()
    deadline = time.perf_counter() + 0.5
    while time.perf_counter() < deadline:
        app.processEvents()
    started = time.perf_counter()
    thread.stop()
    return (time.perf_counter() - started) * 1e3


def main() -> None:
    app = QCoreApplication([])
    headless = max(headless_rate() for _ in range(2))
    threaded, per_second, count = threaded_rate(app)
    print(f"article problem, {ITERATIONS} iterations:")
    print(f"  headless Trainer.run : {headless:9,.0f} it/s")
    print(f"  through the worker   : {threaded:9,.0f} it/s  ({threaded / headless:.0%} of headless)")
    print(f"  updates to the GUI   : {per_second:9.1f} per second ({count} in all, no point lost)")
    print(f"  stop() mid-run       : {stop_latency(app):9.1f} ms")


if __name__ == "__main__":
    main()
