"""Start the studio: the QApplication, the window, and the --smoke-test used by installers and CI."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="bpstudio", description="Open the BP Studio window.")
    parser.add_argument("file", nargs="?", help="a .bpstudio session or a .bplecture lecture to open")
    parser.add_argument("--smoke-test", action="store_true", help="open the window, train briefly, save a screenshot and exit 0")
    parser.add_argument("--screenshot", metavar="FILE.png", help="where --smoke-test saves its screenshot")
    parser.add_argument("--iterations", type=int, default=300, help="how many iterations --smoke-test trains (default 300)")
    return parser.parse_args(argv)


def launch(argv: list[str]) -> int:
    args = parse(argv)
    saved = None
    lecture = bool(args.file) and args.file.lower().endswith(".bplecture")  # checked by the window: it says why in a box
    if args.file and not lecture:  # checked before Qt starts: a bad or missing file is exit 2, display or not
        from bpstudio.control.files.session_file import SessionFileError, load_session

        try:
            saved = load_session(args.file, for_studio=True)
        except SessionFileError as err:
            print(f"bpstudio: error: {args.file}: {err}", file=sys.stderr)
            return 2
    from bpstudio.qt.shell.display_check import refuse_if_no_display

    if (refused := refuse_if_no_display()) is not None:
        return refused
    import pyqtgraph as pg
    from PySide6.QtWidgets import QApplication

    from bpstudio.qt.shell.raster_threads import paint_on_the_gui_thread_only

    paint_on_the_gui_thread_only()  # before anything paints, the application's icon included
    pg.setConfigOptions(antialias=True, background="w", foreground="k")
    app = QApplication.instance() or QApplication(["bpstudio"])
    assert isinstance(app, QApplication)  # the studio makes no bare QCoreApplication
    app.setApplicationName("BP Studio")
    app.setOrganizationName("BPStudio")
    app.setDesktopFileName("bpstudio")
    from bpstudio.qt.shell.error_report import install

    install()  # an exception in a view is logged and said, not only printed to a terminal
    from bpstudio.qt.shell.app_icon import app_icon

    app.setWindowIcon(app_icon())
    from bpstudio.qt.main_window import MainWindow

    window = MainWindow(restore_settings=not args.smoke_test)
    if args.smoke_test:
        window.ask_before_closing = False
    window.show()
    if sys.platform == "darwin":  # the only system that sends files this way
        from bpstudio.qt.files.file_open_events import open_files_sent_by_the_system

        open_files_sent_by_the_system(app, window.files, window)
    if args.file:
        window.files.open(args.file, saved)  # a lecture goes to the Scenes panel, on its first scene
    if args.smoke_test:
        return smoke_test(app, window, args)
    return app.exec()


def smoke_test(app, window, args) -> int:
    """Train a little on the real platform, grab the window, report and exit."""
    from PySide6.QtCore import QTimer

    target = Path(args.screenshot or Path(tempfile.gettempdir()) / "bpstudio-smoke.png")
    result = {"code": 1}

    def check():
        last = window.last
        if last is not None and (last.iteration >= args.iterations or window.model.finished):
            window.gestures.pause()
            QTimer.singleShot(300, finish)
            return
        QTimer.singleShot(50, check)

    def finish():
        from bpstudio.qt.shell.background import BackgroundWorker

        window.run_view.refresh(window.last)
        # the screenshot shows the formula typeset for this iteration, not the one before (the
        # typesetting runs in the background and takes longer than the wait above on a slow machine)
        BackgroundWorker.shared().wait_idle()
        for _ in range(5):  # the typeset formula arrives, then the inspector lays out around it
            app.processEvents()
        image = window.grab()
        from bpstudio.figures.image_files import save_image

        try:
            save_image(image, target)
            ok = True
        except OSError:
            ok = False
        print(
            f"smoke test: platform {app.platformName()}, {window.training.where()}, iteration {window.last.iteration}, "
            f"JVal {window.last.snapshot.jval:.6g}, screenshot {target} ({'saved' if ok else 'FAILED'})"
        )
        result["code"] = 0 if ok else 1
        window.close()
        app.quit()

    def start():
        window.gestures.run()
        check()

    def give_up():
        print("smoke test: timed out", file=sys.stderr)
        window.close()  # stops the training thread before the application ends
        app.exit(1)

    QTimer.singleShot(200, start)
    QTimer.singleShot(60_000, give_up)
    code = app.exec()
    return result["code"] if code == 0 else code
