"""The decision map's figures, printed, never asserted.

    python benchmarks/decision_map.py          (offscreen unless a display is set)
    BENCH_ITERATIONS=5000 python benchmarks/decision_map.py   (a shorter run; 20000 by default)

* the cost of one frame: every node's output over the 100 x 100 grid and
  its pictures (spiral, 2-16-16-2 tanh), computed as the background thread does;
* a spiral run in the window with the decision map shown, the units'
  pictures on the diagram and the weight the studio opens with chosen,
  against the same run headless, in alternating rounds (medians and spread,
  :mod:`side_by_side`): the in-window training speed as a share of the
  headless one, the map's refresh rate and the event loop's p99 lag during
  the same runs (targets: >= 85 %, >= 10 Hz, <= 20 ms);
* then one run each with nothing selected and without the map, so the
  map's own share of any slowdown shows;
* what the pictures cost the other threads in CPU time per second of
  training (background thread: computing and painting; GUI thread: showing
  them) — figures that a busy machine disturbs less than wall-clock ratios.

The machine's load average is printed first: on a shared machine whose cores
are busy, every thread switch can cost the training thread a time slice, and
the in-window ratio says more about the neighbours than about the studio.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import json  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402
import side_by_side  # noqa: E402 - this folder is the script's: run as python benchmarks/decision_map.py
from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from bpstudio.control import RunState  # noqa: E402
from bpstudio.control.model import unit_maps  # noqa: E402
from bpstudio.control.model.map_colours import MapPalette  # noqa: E402
from bpstudio.control.model.unit_maps import map_frame  # noqa: E402
from bpstudio.engine.config import RunConfig  # noqa: E402
from bpstudio.engine.input_plane import plane_for  # noqa: E402
from bpstudio.qt.diagram.unit_views import UnitViews  # noqa: E402
from bpstudio.qt.main_window import MainWindow  # noqa: E402
from bpstudio.qt.map.decision_map import DecisionMapPanel  # noqa: E402
from bpstudio.qt.shell.background import BackgroundWorker  # noqa: E402

CPU = {"background": 0.0, "gui": 0.0}


def thread_cpu(kind: str, function):
    """``function``, adding the CPU time of its calls (on whichever thread) to CPU[kind]."""

    def timed(*args, **kwargs):
        started = time.thread_time()
        try:
            return function(*args, **kwargs)
        finally:
            CPU[kind] += time.thread_time() - started

    return timed


ITERATIONS = int(os.environ.get("BENCH_ITERATIONS", 20000))
SPIRAL = RunConfig(dataset="spiral", samples=500, hidden=(16, 16), loss="cross-entropy", alpha=0.001, max_iter=ITERATIONS)


def frame_seconds(repeats: int = 30) -> float:
    problem = SPIRAL.problem()
    plane = plane_for(problem.all_data)
    palette = MapPalette()
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        map_frame(problem, 0, problem.start, plane, palette)
        times.append(time.perf_counter() - started)
    return float(np.median(times))


def window_run(app: QApplication, pictures: bool = True, selected: bool = True) -> tuple[float, int, int]:
    """Train SPIRAL in the window; (seconds, frames, tiles drawn).

    ``pictures``: the map on screen and the units' pictures on the diagram
    (else neither is computed); ``selected``: the weight the studio opens
    with stays chosen, so its chain is worked out and typeset twice a second
    as in everyday use (else nothing is selected).
    """
    window = MainWindow(SPIRAL, restore_settings=False)
    window.ask_before_closing = False
    window.resize(1600, 900)
    window.show()
    frames = []
    window.unit_views.feed.frame_ready.connect(lambda frame: frames.append(time.perf_counter()))
    times = {"shown": []}

    def start():
        # A teacher selects, reads, then presses Run: the selection's first typesetting (seconds for a
        # 2-16-16-2 chain: every factor is typeset once, then cached) is over before the run starts.
        side_by_side.wait_for_trainer(app, window)
        settle()
        if not selected:
            window.model.select(None)
        if pictures:
            window.unit_views.show_map()
        else:
            window.inspector_dock.raise_()
            window.unit_views.feed._update_wanted = lambda: None  # noqa: SLF001 - a benchmark switch
            window.unit_views.feed.maps.set_maps_wanted(False)
        times["start"] = time.perf_counter()
        frames.clear()
        CPU.update(background=0.0, gui=0.0)
        window.gestures.run()

    def check():
        times["shown"].append(window.unit_views.map_panel.shown)
        if window.last is not None and window.last.state is RunState.FINISHED:
            times["end"] = time.perf_counter()
            app.quit()
        else:
            QTimer.singleShot(50, check)

    QTimer.singleShot(500, start)
    QTimer.singleShot(550, check)
    app.exec()
    tiles = len(window.network_view.units.tiles)
    shown = all(times["shown"])
    window.close()
    assert shown == pictures, "the map was not shown as asked"
    in_run = [t for t in frames if t <= times["end"]]
    return times["end"] - times["start"], len(in_run), tiles


def settle() -> None:
    """Wait until the background threads have worked out and delivered everything asked so far."""
    workers = list(BackgroundWorker._shared.values())  # noqa: SLF001 - a benchmark looks inside
    while not all(worker.wait_idle(60) and worker._idle.is_set() for worker in workers):  # noqa: SLF001
        pass


def one_variant(pictures: bool, selected: bool) -> None:
    """One window run in this process (a quit application stops its background threads for good)."""
    app = QApplication(sys.argv[:1])
    in_window, frames, tiles = window_run(app, pictures, selected)
    print(json.dumps({"seconds": in_window, "frames": frames, "tiles": tiles, "background": CPU["background"], "gui": CPU["gui"]}))


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--variant":
        pictures, selected = (flag == "1" for flag in sys.argv[2].split(","))
        _install_timers()
        one_variant(pictures, selected)
        return
    print(side_by_side.machine())
    one = frame_seconds()
    print(
        f"one frame (100 x 100 grid, every node of 2-16-16-2, painted): {one * 1e3:6.1f} ms (at most {1 / one:5.0f} frames/s on one core)"
    )
    print(f"spiral 2-16-16-2 tanh, {SPIRAL.samples} samples, {ITERATIONS} Adam iterations:")
    figures = side_by_side.compare(side_by_side.SPIRAL)
    print(side_by_side.summary(side_by_side.SPIRAL, figures))
    headless = float(np.median(figures.headless))
    print(f"  one run each, against the rounds' median headless time ({headless:.2f} s):")
    for pictures, selected, label in (
        (True, False, "map shown, nothing selected"),
        (False, False, "no map, nothing selected"),
    ):
        out = subprocess.run(
            [sys.executable, __file__, "--variant", f"{int(pictures)},{int(selected)}"], capture_output=True, text=True, check=True
        ).stdout
        figures = json.loads(out.strip().splitlines()[-1])
        in_window = figures["seconds"]
        print(
            f"  in the window, {label:27s}: {in_window:6.2f} s  ({ITERATIONS / in_window:7.0f} it/s, "
            f"{headless / in_window:5.1%} of headless)"
        )
        if pictures:
            print(
                f"      decision map refresh rate : {figures['frames'] / in_window:5.1f} frames/s while training "
                f"({figures['frames']} frames; {figures['tiles']} unit pictures on the diagram)"
            )
            print(
                f"      CPU for the pictures      : background thread "
                f"{figures['background'] / in_window * 1e3:4.0f} ms/s, "
                f"GUI thread {figures['gui'] / in_window * 1e3:4.0f} ms/s of training"
            )


def _install_timers() -> None:
    unit_maps.map_frame = thread_cpu("background", unit_maps.map_frame)
    unit_maps.unit_health = thread_cpu("background", unit_maps.unit_health)
    UnitViews._frame = thread_cpu("gui", UnitViews._frame)
    DecisionMapPanel.show_frame = thread_cpu("gui", DecisionMapPanel.show_frame)


if __name__ == "__main__":
    main()
