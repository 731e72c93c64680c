"""Headless and in-window runs side by side: alternating rounds, medians, spread.

Used by ``gui.py`` and ``decision_map.py``; run on its own it measures both
figures of issue 26's item 6 (the article with a weight chosen, the spiral with
the decision map shown):

    python benchmarks/side_by_side.py                 (5 rounds of each)
    BENCH_ROUNDS=9 python benchmarks/side_by_side.py

Each round is one headless run and one window run, each in a fresh process
(a quit QApplication stops its background threads for good, and a fresh
process starts every round equal), taking turns so that a slow spell of a
shared machine falls on both.  The window's figures are taken during the
timed run itself: the event loop's lag (a 10 ms timer on the GUI thread,
which takes the GUI process's interpreter lock, not the trainer's, since the
trainer has its own process) and the decision map's frames.  Printed, never
asserted.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
# glibc's malloc maps large blocks (mmap) below a threshold, and gives the heap's top back (trim) above
# another, both moved as blocks are freed; whether the engine's large temporaries (the spiral's
# 500-sample arrays) are mapped, unmapped and faulted in again every iteration (~125 page faults an
# iteration, 3x the spiral's CPU time) depended on what the process happened to allocate before: one
# more import (json) was enough to change it. Fixed thresholds, the same in every process of the
# comparison (headless, studio and trainer inherit them; glibc reads them as a process starts), measure
# the studio, not the heap's history. Other C libraries ignore them.
os.environ.setdefault("MALLOC_MMAP_THRESHOLD_", str(32 * 1024 * 1024))
os.environ.setdefault("MALLOC_TRIM_THRESHOLD_", str(128 * 1024 * 1024))
if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402

ROUNDS = int(os.environ.get("BENCH_ROUNDS", 5))
HOOKS: dict[str, list] = {"start": [], "end": []}  # called as the timed run starts and ends (a profiler's switch)


@dataclass(frozen=True)
class Case:
    """One run to compare: a RunConfig's arguments and what the window shows during it."""

    label: str
    config: dict
    selected: bool = True  # the weight the studio opens with stays chosen: its chain is on screen
    show_map: bool = False  # the decision map's tab in front


ARTICLE = Case("article, 50 000 iterations, weight chosen", {"max_iter": 50000})
SPIRAL = Case(
    "spiral 2-16-16-2, map shown",
    {
        "dataset": "spiral",
        "samples": 500,
        "hidden": [16, 16],
        "loss": "cross-entropy",
        "alpha": 0.001,
        "max_iter": int(os.environ.get("BENCH_ITERATIONS", 20000)),  # ~3 s headless: start and end weigh little
    },
    selected=True,
    show_map=True,
)


def _config(arguments: dict):
    from bpstudio.engine.config import RunConfig

    arguments = {k: tuple(v) if isinstance(v, list) else v for k, v in arguments.items()}
    return RunConfig(**arguments)


def headless_child(case: Case) -> dict:
    config = _config(case.config)
    trainer = config.trainer()
    started, cpu = time.perf_counter(), time.process_time()
    trainer.run()
    return {"seconds": time.perf_counter() - started, "cpu": time.process_time() - cpu, "iterations": trainer.iteration}


def window_child(case: Case) -> dict:
    """The run in a studio window that has settled (its selection typeset) before Run is pressed."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from bpstudio.control import RunState
    from bpstudio.qt.main_window import MainWindow
    from bpstudio.qt.shell.background import BackgroundWorker

    app = QApplication(sys.argv[:1])
    window = MainWindow(_config(case.config), restore_settings=False)
    window.ask_before_closing = False
    window.resize(1600, 900)
    window.show()
    frames: list[float] = []
    window.unit_views.feed.frame_ready.connect(lambda _frame: frames.append(time.perf_counter()))
    lags: list[float] = []
    tick = QTimer()
    tick.setInterval(10)
    times: dict = {"last": 0.0}

    def on_tick() -> None:
        now = time.perf_counter()
        lags.append(max(0.0, now - times["last"] - 0.010))
        times["last"] = now

    tick.timeout.connect(on_tick)

    def settle() -> None:
        workers = list(BackgroundWorker._shared.values())  # noqa: SLF001 - a benchmark looks inside
        while not all(worker.wait_idle(60) and worker._idle.is_set() for worker in workers):  # noqa: SLF001
            pass

    def start() -> None:
        times["waited"] = wait_for_trainer(app, window)
        if not case.selected:
            window.model.select(None)
        if case.show_map:
            window.unit_views.show_map()
        settle()  # a teacher selects, reads, then presses Run
        frames.clear()
        times["start"] = times["last"] = time.perf_counter()
        times["cpu"] = _cpu("self")
        tick.start()
        for hook in HOOKS["start"]:
            hook()
        window.gestures.run()

    def check() -> None:
        times.setdefault("shown", []).append(window.unit_views.map_panel.shown)
        if window.last is not None and window.last.state is RunState.FINISHED:
            times["end"] = time.perf_counter()
            for hook in HOOKS["end"]:
                hook()
            times["cpu_end"] = _cpu("self")
            tick.stop()
            app.quit()
        else:
            QTimer.singleShot(20, check)

    QTimer.singleShot(500, start)
    QTimer.singleShot(550, check)
    app.exec()
    seconds = times["end"] - times["start"]
    shown_map = all(times["shown"])
    iterations = window.last.iteration
    chosen = window.model.selected is not None
    window.close()
    trainer = _cpu("children")  # the trainer's process, ended by close()
    gui = times["cpu_end"] - times["cpu"]
    return {
        "seconds": seconds,
        "lags_ms": [lag * 1e3 for lag in lags],
        "frames": len([t for t in frames if t <= times["end"]]),
        "map_shown": shown_map,
        "selected": chosen,
        "iterations": iterations,
        "waited_for_trainer": times["waited"],
        "studio_cpu": gui,  # every thread of the studio's own process, during the run
        "trainer_cpu": trainer,  # the trainer's process, its start-up included
    }


def wait_for_trainer(app, window) -> float:
    """Wait until the trainer's process has answered a command; the seconds waited.

    In use the window has been open a while when Run is pressed; the process's
    start (spawned, importing NumPy and the engine: a second or more on a busy
    machine) is not training time, and the headless run does not pay it either.
    """
    started = time.perf_counter()
    window.training.pause()  # a command the process acknowledges at once: its answer says it is there

    def ready() -> bool:
        process = window.training.process
        return process is None or (process._unheard is None and window.training.pending() == 0)  # noqa: SLF001

    while not ready():
        app.processEvents()
        time.sleep(0.01)
    return time.perf_counter() - started


def _cpu(whose: str) -> float:
    """CPU seconds of this process (all its threads) or of its ended children; NaN where Unix's rusage is missing."""
    try:
        import resource
    except ImportError:
        return float("nan")
    usage = resource.getrusage(resource.RUSAGE_SELF if whose == "self" else resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _child(kind: str, case: Case, env: dict | None = None) -> dict:
    """One run in a fresh process; ``env`` (say another PYTHONPATH: the studio before a change) for it alone."""
    out = subprocess.run(
        [sys.executable, os.path.abspath(__file__), "--child", kind, json.dumps(case.__dict__)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


@dataclass
class Figures:
    headless: list[float]
    window: list[float]
    ratios: list[float]  # per round: headless / window (speed in the window as a share of headless)
    p99: list[float]
    hz: list[float]
    studio_load: list[float]  # the studio's own process: CPU seconds per second of training (all its threads)
    trainer_cpu: list[float]  # the trainer's process, CPU seconds (its start-up included)
    headless_cpu: list[float]


def compare(case: Case, rounds: int = ROUNDS, report=print) -> Figures:
    """``rounds`` alternating pairs; the order inside a pair alternates too."""
    figures = Figures([], [], [], [], [], [], [], [])
    for n in range(rounds):
        order = ("headless", "window") if n % 2 == 0 else ("window", "headless")
        got = {kind: _child(kind, case) for kind in order}
        window = got["window"]
        assert window["selected"] == case.selected and window["map_shown"] == case.show_map, "the window did not show what was asked"
        assert window["iterations"] == got["headless"]["iterations"], "the window's run stopped elsewhere"
        figures.headless.append(got["headless"]["seconds"])
        figures.window.append(window["seconds"])
        figures.ratios.append(got["headless"]["seconds"] / window["seconds"])
        figures.p99.append(float(np.percentile(window["lags_ms"], 99)) if window["lags_ms"] else float("nan"))
        figures.hz.append(window["frames"] / window["seconds"])
        figures.studio_load.append(window["studio_cpu"] / window["seconds"])
        figures.trainer_cpu.append(window["trainer_cpu"])
        figures.headless_cpu.append(got["headless"]["cpu"])
        report(
            f"    round {n + 1}: headless {figures.headless[-1]:6.2f} s, window {figures.window[-1]:6.2f} s "
            f"({figures.ratios[-1]:6.1%}), event-loop p99 {figures.p99[-1]:5.1f} ms"
            + (f", map {figures.hz[-1]:4.1f} Hz" if case.show_map else "")
            + f", studio CPU {figures.studio_load[-1]:4.0%} of a core"
        )
    return figures


def summary(case: Case, figures: Figures) -> str:
    def spread(values: list[float], fmt: str) -> str:
        return f"{format(float(np.median(values)), fmt)} (range {format(min(values), fmt)} – {format(max(values), fmt)})"

    lines = [
        f"  {case.label}, median of {len(figures.ratios)} alternating rounds:",
        f"    headless            : {spread(figures.headless, '.2f')} s",
        f"    in the window       : {spread(figures.window, '.2f')} s",
        f"    window / headless   : {spread(figures.ratios, '.1%')} of headless speed",
        f"    event-loop p99      : {spread(figures.p99, '.1f')} ms (10 ms timer, during the timed run)",
    ]
    lines.append(f"    studio's process    : {spread(figures.studio_load, '.0%')} of a core while training (GUI and background threads)")
    lines.append(
        f"    CPU of the training : headless {spread(figures.headless_cpu, '.2f')} s, "
        f"trainer's process {spread(figures.trainer_cpu, '.2f')} s (its start-up included)"
    )
    if case.show_map:
        lines.append(f"    decision map        : {spread(figures.hz, '.1f')} frames/s while training")
    return "\n".join(lines)


def machine() -> str:
    return f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the start"


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        case = Case(**json.loads(sys.argv[3]))
        print(json.dumps(headless_child(case) if sys.argv[2] == "headless" else window_child(case)))
        return
    print(machine())
    for case in (ARTICLE, SPIRAL):
        print(f"{case.label}:")
        print(summary(case, compare(case)))
    print(f"load average {os.getloadavg()[0]:.1f} at the end (other work on the machine widens the ranges)")


if __name__ == "__main__":
    main()
