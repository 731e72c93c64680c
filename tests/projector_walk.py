"""Walk a lecture on a real display and print what the back row sees, as JSON (run by test_projector.py).

    xvfb-run -s "-screen 0 1366x768x24" python tests/projector_walk.py LANGUAGE

It opens the studio full screen (F11) in presentation mode (F5), chooses the
article's w₁₁⁽⁰⁾, walks the six phases of an iteration (Shift+→), then opens the
softmax lesson; at each moment it measures the diagram's viewport, the cap
height of every visible text of the diagram and the median glyph height of the
typeset chain, from its pixels.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("BPSTUDIO_TRAINER", "thread")

from projector_metrics import diagram_texts, median_glyph_height  # noqa: E402
from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def main() -> int:
    app = QApplication([])  # noqa: F841 - kept alive for the walk
    from bpstudio.control.learning.lessons import LESSONS_BY_KEY
    from bpstudio.qt.main_window import MainWindow
    from bpstudio.qt.shell.background import BackgroundWorker

    def spin(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def until(condition, seconds: float = 30.0) -> None:
        end = time.monotonic() + seconds
        while not condition():
            if time.monotonic() > end:
                raise TimeoutError("the studio did not get there")
            spin(20)

    def typeset() -> None:
        for _ in range(3):  # the chain's numbers, then their typesetting
            BackgroundWorker.shared().wait_idle()
            spin(50)

    # A first start (no settings in this XDG_CONFIG_HOME): the window and its status bar lie on the screen.
    first = MainWindow(restore_settings=True)
    first.ask_before_closing = False
    first.show()
    until(lambda: first.last is not None and first.isVisible())
    spin(500)  # the window manager places and frames it
    free = first.screen().availableGeometry()
    bar = first.statusBar()
    bar_bottom = bar.mapToGlobal(bar.rect().bottomLeft()).y()
    frame = first.frameGeometry()
    first_start = {
        "free": [free.x(), free.y(), free.width(), free.height()],
        "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
        "status_bar_bottom": bar_bottom,
        "status_bar_visible": bar.isVisible(),
    }
    first.close()

    window = MainWindow(restore_settings=False)
    window.ask_before_closing = False
    window.show()
    until(lambda: window.last is not None)
    if len(sys.argv) > 1 and sys.argv[1] != "en":
        window.languages.set_language(sys.argv[1])
    window.menus.full_screen.trigger()
    until(lambda: window.isFullScreen())
    window.menus.presentation.trigger()
    window.model.select(0)
    until(lambda: window.inspector.formula.svg_text != "")
    moments = []

    def measure(name: str) -> None:
        typeset()
        spin(300)  # layouts settle after the last resize
        view = window.network_view
        texts = diagram_texts(view)
        formula = window.inspector.formula
        moments.append(
            {
                "moment": name,
                "viewport": [view.viewport().width(), view.viewport().height()],
                "smallest_text": min(texts, key=lambda t: t[1]) if texts else None,
                "texts": len(texts),
                "formula_median": median_glyph_height(formula.grab().toImage()),
                "banner": window.phase_banner.text(),
            }
        )

    measure("presentation")
    step_phase = window.actions_by_name["step_phase"]
    for _ in range(6):
        before = window.phase_banner.text()
        step_phase.trigger()
        until(lambda: window.phase_banner.isVisible() and window.phase_banner.text() != before)  # noqa: B023 - waited for here
        measure(f"phase {len(moments)}")
    window.lessons.choose(LESSONS_BY_KEY["softmax_sources"])
    until(lambda: window.last.config.loss == "cross-entropy" and window.network_view.selected_param is not None)
    until(lambda: window.inspector.formula.svg_text != "" and window.unit_views.map_holder.panel is not None)
    measure("softmax lesson")
    screen = window.screen().geometry()
    print(
        json.dumps(
            {"screen": [screen.width(), screen.height()], "digit_px": window.look.digit_px, "moments": moments, "first_start": first_start}
        )
    )
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
