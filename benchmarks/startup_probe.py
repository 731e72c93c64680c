"""Open a window, print the GUI thread's CPU time and the wall clock at its JVal plot's first paint, and exit.

benchmarks/gui.py times this.  The CPU time is what the GUI thread itself
spent until then: on a machine whose speed moves from run to run it is the
steadier of the two figures.

Both windows have a pyqtgraph PlotWidget; its viewport painting means the
window is on screen with its content.

    python benchmarks/startup_probe.py studio|bare
"""

import sys
import time

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow


class ExitOnPaint(QObject):
    painted = False

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Paint and not self.painted:
            self.painted = True
            print(f"{time.thread_time():.4f} {time.time():.6f}", flush=True)
            QApplication.instance().exit(0)
        return False


def main() -> int:
    app = QApplication(sys.argv[:1])
    if sys.argv[1] == "studio":
        from bpstudio.qt.main_window import MainWindow

        window = MainWindow(restore_settings=False)
        plot = window.plot
    else:
        import pyqtgraph as pg

        window = QMainWindow()
        plot = pg.PlotWidget()
        window.setCentralWidget(plot)
    watcher = ExitOnPaint()
    plot.viewport().installEventFilter(watcher)
    window.show()
    code = app.exec()
    if sys.argv[1] == "studio":
        window.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
