"""The landscape panel's figures, printed, never asserted: does the studio stay responsive?

    python benchmarks/landscape_panel.py      (offscreen unless a display is set)

* the GUI thread's event-loop lag (p50, p99, max) while a 41 × 41 map is
  computed in the background, and the time from "draw" to the map on screen;
* the GUI thread's time to draw one slice (what the panel spends per answer),
  and the round trip from asking to seeing while paused;
* how many slices the panel asked for while the article's run trained for a
  few seconds (at most two a second by design).
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import time  # noqa: E402

import numpy as np  # noqa: E402
from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from bpstudio.qt.main_window import MainWindow  # noqa: E402


def pump(app: QApplication, condition, limit: float = 120.0) -> None:
    end = time.monotonic() + limit
    while not condition():
        if time.monotonic() > end:
            raise SystemExit(f"timed out ({condition})")
        app.processEvents()
        time.sleep(0.001)


def lag_probe(app: QApplication, until) -> list[float]:
    """A 10 ms timer's lateness (ms) on the GUI thread until ``until()`` holds."""
    lags: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        lags.append(max(0.0, (now - last[0]) * 1000 - 10))
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    pump(app, until)
    timer.stop()
    return lags


def main() -> None:
    app = QApplication.instance() or QApplication([])
    window = MainWindow(restore_settings=False)
    window.ask_before_closing = False
    window.resize(1600, 1000)
    window.show()
    pump(app, lambda: window.last is not None)
    for k in range(20):
        window.training.step(10)
        pump(app, lambda k=k: window.last.iteration == 10 * (k + 1))
    window.landscape_dock.show()
    window.landscape_dock.raise_()
    panel = window.landscape
    pump(app, lambda: panel.slice_view.cut is not None)
    print(f"load average {', '.join(f'{x:.1f}' for x in os.getloadavg())}; article problem at iteration 200")

    draws = []
    for _ in range(20):
        started = time.perf_counter()
        panel.slice_view.show_slice(panel.slice_view.cut)
        draws.append((time.perf_counter() - started) * 1000)
    round_trips = []
    for _ in range(10):
        cut = panel.slice_view.cut
        started = time.perf_counter()
        panel._request_slice()
        pump(app, lambda cut=cut: panel.slice_view.cut is not cut)
        round_trips.append((time.perf_counter() - started) * 1000)
    print(
        f"slice: drawn on the GUI thread in median {np.median(draws):.1f} ms; asked to shown "
        f"median {np.median(round_trips):.1f} ms, worst {max(round_trips):.1f} ms"
    )

    panel.tabs.setCurrentWidget(panel.map_view)
    pump(app, lambda: panel.map_view.grid is not None)
    for mode in ("param", "random"):
        panel.map_view.mode.setCurrentIndex(panel.map_view.mode.findData(mode))
        started = time.perf_counter()
        panel.request_map()
        lags = lag_probe(app, lambda: panel.map_view.status_key == "done")
        took = (time.perf_counter() - started) * 1000
        print(
            f"41x41 map ({mode}): on screen after {took:.0f} ms; GUI lag meanwhile p50 "
            f"{np.percentile(lags, 50):.1f} ms, p99 {np.percentile(lags, 99):.1f} ms, max {max(lags):.1f} ms"
        )

    panel.tabs.setCurrentWidget(panel.slice_view)
    for shown in (False, True, False):  # the same run with the panel on screen and hidden: what the panel costs
        window.landscape_dock.setVisible(shown)
        if shown:
            window.landscape_dock.raise_()
        asked = panel.slice_asked
        window.gestures.run()
        started = time.perf_counter()
        lags = lag_probe(app, lambda started=started: time.perf_counter() - started > 5.0)
        window.gestures.pause()
        pump(app, lambda: window.last.state.value == "paused", limit=30)
        seconds = time.perf_counter() - started
        print(
            f"running {seconds:.1f} s, panel {'shown' if shown else 'hidden'}: "
            f"{panel.slice_asked - asked} slices asked ({(panel.slice_asked - asked) / seconds:.1f} a second); "
            f"iteration {window.last.iteration}; GUI lag p50 {np.percentile(lags, 50):.1f} ms, "
            f"p99 {np.percentile(lags, 99):.1f} ms"
        )
    window.close()


if __name__ == "__main__":
    main()
