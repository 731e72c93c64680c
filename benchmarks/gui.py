"""Studio figures, printed, never asserted: latency, full run, start-up.

    python benchmarks/gui.py          (offscreen unless a display is set)

* the GUI thread's event-loop latency (p50, p99) while the article's run
  trains at full speed in the window;
* the article's 50 000-iteration run in the window against its headless time;
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
from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from bpstudio.control import RunState  # noqa: E402
from bpstudio.engine.config import RunConfig  # noqa: E402
from bpstudio.qt.main_window import MainWindow  # noqa: E402

HERE = Path(__file__).resolve().parent


def headless_seconds() -> float:
    trainer = RunConfig().trainer()
    started = time.perf_counter()
    trainer.run()
    return time.perf_counter() - started


def window_run(app: QApplication, probe_latency: bool, max_iter: int = 50000):
    """Run the article in the window; with ``probe_latency`` a 10 ms timer measures lag.

    The probe itself costs the trainer time (each tick takes the GIL), so the
    full-run timing is measured in a run without it.
    """
    window = MainWindow(RunConfig(max_iter=max_iter), restore_settings=False)
    window.ask_before_closing = False
    window.show()
    lags: list[float] = []
    tick = QTimer()
    tick.setInterval(10)
    last = [time.perf_counter()]

    def on_tick():
        now = time.perf_counter()
        lags.append(max(0.0, now - last[0] - 0.010))
        last[0] = now

    tick.timeout.connect(on_tick)
    times = {}

    def start():
        times["start"] = time.perf_counter()
        last[0] = time.perf_counter()
        if probe_latency:
            tick.start()
        window.gestures.run()

    def check():
        if window.last is not None and window.last.state is RunState.FINISHED:
            times["end"] = time.perf_counter()
            app.quit()
        else:
            QTimer.singleShot(50, check)

    QTimer.singleShot(300, start)
    QTimer.singleShot(350, check)
    app.exec()
    tick.stop()
    complete = len(window.plot.mirror) == window.last.iteration + 1
    window.close()
    return times["end"] - times["start"], np.array(lags) * 1e3, complete


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
    print(f"platform {app.platformName()}")
    headless = headless_seconds()
    in_window, _, complete = window_run(app, probe_latency=False)
    _, lags, _ = window_run(app, probe_latency=True, max_iter=20000)
    print("article's 50 000 iterations:")
    print(f"  headless           : {headless:6.2f} s")
    print(
        f"  in the window      : {in_window:6.2f} s  ({in_window / headless:.2f} x headless; "
        f"{'all' if complete else 'NOT all'} points plotted)"
    )
    print(
        f"  event-loop latency : p50 {np.percentile(lags, 50):5.1f} ms, p99 {np.percentile(lags, 99):5.1f} ms, "
        f"max {lags.max():5.1f} ms over {len(lags)} ticks of 10 ms (separate 20 000-iteration run)"
    )
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
