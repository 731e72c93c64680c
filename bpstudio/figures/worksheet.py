"""A printable worksheet: the exercises, room to write, and the answer key on the last page.

Drawn with Qt's text layout offscreen (QTextDocument into a QPdfWriter), so
``bpstudio exercises --pdf`` needs no display.  Each exercise is printed in
English and Chinese, as a bilingual class reads it; the key (headed
"Answers / 答案") starts a page of its own, so a teacher can keep it back.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from bpstudio.control.files.safe_write import replacing_path
from bpstudio.control.learning.exercise_kinds import KIND_NAMES, num
from bpstudio.control.learning.exercises import Exercise
from bpstudio.engine.config import RunConfig
from bpstudio.engine.text_safety import rich_text

if TYPE_CHECKING:
    from PySide6.QtGui import QGuiApplication

KEY_HEADING = "Answers / 答案"


def _application() -> QGuiApplication:
    """The running QGuiApplication, or an offscreen one (a server or an ssh session has no display)."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication):
        return app
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QGuiApplication(["bpstudio"])


def run_line(config: RunConfig, iteration: int) -> str:
    hidden = ",".join(str(h) for h in config.hidden)
    data = config.dataset if not config.data_file else Path(config.data_file).name
    return (
        f"data {data}, {config.samples if not config.data_file else ''} samples, hidden {hidden} {config.activation}, "
        f"loss {config.loss}, {config.optimizer} α = {config.alpha:g}, seed {config.seed}, iteration {iteration}"
    ).replace(",  samples", "")


def worksheet_html(exercises: Sequence[Exercise], config: RunConfig, sheet: int) -> str:
    """The worksheet as the rich text QTextDocument lays out (also a readable page in a browser)."""
    e = rich_text
    iteration = exercises[0].iteration if exercises else 0
    parts = [
        "<html><body style='font-size:10.5pt'>",
        f"<h2>BP Studio — Worksheet {sheet} / 练习 {sheet}</h2>",
        f"<p style='color:#444'>{e(run_line(config, iteration))}</p>",
        f"<p style='color:#444'>Name / 姓名: ______________________ &nbsp;&nbsp; Score / 得分: ______ / {len(exercises)}</p>",
    ]
    for ex in exercises:
        title = f"{ex.id} · {KIND_NAMES[ex.kind]['en']} / {KIND_NAMES[ex.kind]['zh_CN']}"
        parts += [
            "<table width='100%' cellspacing='0' cellpadding='4' style='margin-top:8px; border:1px solid #999'>",
            f"<tr><td style='background:#eef6ee'><b>{e(title)}</b></td></tr>",
            f"<tr><td>{e(ex.prompt['en'])}</td></tr>",
            f"<tr><td>{e(ex.prompt['zh_CN'])}</td></tr>",
            "<tr><td style='color:#666'>Answer / 答案: ______________________________</td></tr>",
            "</table>",
        ]
    parts.append(f"<h2 style='page-break-before:always'>{e(KEY_HEADING)} — {sheet}</h2>")
    parts.append("<table width='100%' cellspacing='0' cellpadding='2' border='1' style='font-size:9pt'>")
    parts.append(
        "<tr><th align='left' width='7%'>#</th><th align='left' width='16%'>answer / 答案</th>"
        "<th align='left' width='8%'>±</th><th align='left' width='69%'>solution / 解</th></tr>"
    )
    for ex in exercises:
        steps = "<br>".join(e(step["en"]) for step in ex.solution)
        parts.append(f"<tr><td>{e(ex.id)}</td><td><b>{e(num(ex.answer))}</b></td><td>{ex.tolerance * 100:g} %</td><td>{steps}</td></tr>")
    parts.append("</table></body></html>")
    return "".join(parts)


def write_worksheet(path: str | os.PathLike[str], exercises: Sequence[Exercise], config: RunConfig, sheet: int) -> int:
    """Write the PDF; returns its page count (the key is the last page or pages)."""
    _application()
    from PySide6.QtCore import QMarginsF, QSizeF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

    with replacing_path(path) as temporary:
        writer = QPdfWriter(str(temporary))
        writer.setTitle(f"BP Studio worksheet {sheet}")
        writer.setCreator("BP Studio")
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter
            )
        )
        document = QTextDocument()
        document.setHtml(worksheet_html(exercises, config, sheet))
        document.print_(writer)  # lays a copy out on the writer's pages, ends its painter: the file is complete
        rect = writer.pageLayout().paintRectPoints()
        document.setPageSize(QSizeF(rect.width(), rect.height()))  # the same pages, to count them
        pages = document.pageCount()
        del writer
    return pages
