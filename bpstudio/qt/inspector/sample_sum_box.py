"""From one sample to all samples: every sample's term of ∂JVal/∂w, and that they add up.

The formula above shows one sample's chain value; the gradient the optimizer
uses is the sum of all of them (JVal is a sum over samples).  This box shows
the bridge: the chosen sample's own term, the largest few terms, a histogram
of all of them (bars by sign) and their sum, which is the gradient.  The
numbers come from the model's :class:`ChainView` (``contributions``); this
module only draws them.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QToolTip, QVBoxLayout, QWidget

from bpstudio.control.words.number_format import DEFAULT_DIGITS, display_number
from bpstudio.control.words.vocabulary import SampleContributions

POSITIVE = QColor("#0072B2")  # Okabe–Ito blue and vermillion: apart for colour-blind eyes too
NEGATIVE = QColor("#D55E00")


def number(value: float, digits: int | str = DEFAULT_DIGITS) -> str:
    """View ▸ Digits' significant digits, with a real minus sign."""
    return display_number(value, digits)


class ContributionHistogram(QWidget):
    """Bars: how many samples have a term in each range; a mark where the chosen sample's term lies."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("contribution_histogram")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.terms: SampleContributions | None = None
        self.sample: int | None = None
        self.bar_tip = "{count} samples in [{low}, {high}]"  # the inspector sets it in its language

    def sizeHint(self) -> QSize:
        return QSize(320, round(self.fontMetrics().height() * 7))

    def minimumSizeHint(self) -> QSize:
        return QSize(120, self.sizeHint().height())

    def show_terms(self, terms: SampleContributions | None, sample: int | None) -> None:
        self.terms, self.sample = terms, sample
        self.update()

    def _plot_rect(self) -> QRectF:
        line = self.fontMetrics().height()
        left = self.fontMetrics().horizontalAdvance("0000") + 6
        return QRectF(left, line * 0.6, max(1.0, self.width() - left - 8), max(1.0, self.height() - 2.6 * line))

    def _x_of(self, value: float, rect: QRectF) -> float:
        assert self.terms is not None, "positions are asked while a histogram is painted"
        edges = self.terms.edges
        span = edges[-1] - edges[0]
        return rect.left() + (value - edges[0]) / span * rect.width() if span > 0 else rect.center().x()

    def bin_at(self, x: float) -> int | None:
        """The bar under a widget x position."""
        if self.terms is None or not self.terms.counts:
            return None
        rect = self._plot_rect()
        k = int((x - rect.left()) / rect.width() * len(self.terms.counts))
        return k if 0 <= k < len(self.terms.counts) and rect.left() <= x <= rect.right() else None

    def paintEvent(self, _event) -> None:
        terms = self.terms
        if terms is None or not terms.counts:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().windowText().color()
        rect = self._plot_rect()
        counts, edges = terms.counts, terms.edges
        top = max(counts) or 1
        width = rect.width() / len(counts)
        for k, count in enumerate(counts):
            if not count:
                continue
            height = rect.height() * count / top
            centre = (edges[k] + edges[k + 1]) / 2
            painter.fillRect(
                QRectF(rect.left() + k * width + 0.5, rect.bottom() - height, max(width - 1, 1), height),
                POSITIVE if centre >= 0 else NEGATIVE,
            )
        painter.setPen(QPen(text, 1))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        metrics = self.fontMetrics()
        line = metrics.height()
        if edges[0] < 0 < edges[-1]:  # where zero is: left of it the terms pull w up, right of it down
            x0 = self._x_of(0.0, rect)
            painter.setPen(QPen(text, 1, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(x0, rect.top()), QPointF(x0, rect.bottom()))
            painter.drawText(QRectF(x0 - 20, rect.bottom() + 2, 40, line), Qt.AlignmentFlag.AlignHCenter, "0")
        painter.setPen(text)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(QRectF(0, rect.top() - line / 2, rect.left() - 4, line), right, str(top))
        painter.drawText(
            QRectF(0, rect.bottom() - line / 2, rect.left() - 4, line), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, "0"
        )
        painter.drawText(QRectF(rect.left(), rect.bottom() + 2, rect.width() / 2, line), Qt.AlignmentFlag.AlignLeft, number(edges[0]))
        painter.drawText(
            QRectF(rect.center().x(), rect.bottom() + 2, rect.width() / 2, line), Qt.AlignmentFlag.AlignRight, number(edges[-1])
        )
        if self.sample is not None and 0 <= self.sample < terms.n_samples:
            x = self._x_of(terms.value_of(self.sample), rect)
            y = rect.bottom() + line + 4
            painter.setBrush(text)
            painter.drawPolygon(QPolygonF([QPointF(x, y - 7), QPointF(x - 5, y + 2), QPointF(x + 5, y + 2)]))
        painter.end()

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            k = self.bin_at(event.pos().x())
            if k is None:
                QToolTip.hideText()
                event.ignore()
            else:
                terms = self.terms
                assert terms is not None, "a bar is found only in a histogram"
                edges = terms.edges
                QToolTip.showText(
                    event.globalPos(), self.bar_tip.format(count=terms.counts[k], low=number(edges[k]), high=number(edges[k + 1])), self
                )
            return True
        return super().event(event)


class SampleSumBox(QGroupBox):
    """One sample's term, the largest terms, their histogram and their sum = the gradient.

    A button under the largest terms opens the table of every sample's term (``table_requested``).
    """

    table_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("sample_contributions")
        layout = QVBoxLayout(self)
        self.note = QLabel()
        self.note.setObjectName("contributions_note")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.note)
        self.largest = QLabel()
        self.largest.setObjectName("largest_contributions")
        self.largest.setWordWrap(True)
        self.largest.setTextFormat(Qt.TextFormat.RichText)
        self.largest.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.largest)
        row = QHBoxLayout()
        self.every_term = QPushButton()
        self.every_term.setObjectName("every_sample_term")
        self.every_term.clicked.connect(self.table_requested.emit)
        self.every_term.setEnabled(False)
        row.addWidget(self.every_term)
        row.addStretch(1)
        layout.addLayout(row)
        self.histogram = ContributionHistogram()
        layout.addWidget(self.histogram)
        self.total = QLabel()
        self.total.setObjectName("contributions_total")
        self.total.setWordWrap(True)
        self.total.setTextFormat(Qt.TextFormat.RichText)
        self.total.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.total)
        self.terms: SampleContributions | None = None
        self.sample = 0
        self.symbol = "w"
        self.digits = DEFAULT_DIGITS
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("From one sample to all samples"))
        self.histogram.bar_tip = self.tr("{count} samples with a term in [{low}, {high}]")
        self.every_term.setText(self.tr("Every sample's term…"))
        self.every_term.setToolTip(self.tr("All the terms in a table: sort them by any column, export them to CSV"))
        self.histogram.setToolTip("")
        self._fill()

    def show_terms(self, terms: SampleContributions | None, sample: int, symbol: str) -> None:
        """``symbol``: the parameter's name in the article's notation (plain text)."""
        self.terms, self.sample, self.symbol = terms, sample, symbol
        self._fill()

    def set_digits(self, digits: str) -> None:
        """View ▸ Digits: the terms and their sum again, with that many significant digits."""
        self.digits = digits
        self._fill()

    def clear(self) -> None:
        self.show_terms(None, 0, "w")

    def _fill(self) -> None:
        terms, p, d = self.terms, html.escape(self.symbol), self.digits
        self.histogram.show_terms(terms, self.sample if terms is not None else None)
        # No weight chosen: no empty lines and no seven lines of empty bars (on a projector, half the
        # panel of nothing); the button stays, greyed, to say what the box will offer.
        for part in (self.note, self.largest, self.histogram, self.total):
            part.setVisible(terms is not None)
        self.every_term.setEnabled(terms is not None)
        if terms is None:
            for label in (self.note, self.largest, self.total):
                label.clear()
            return
        self.note.setText(
            self.tr(
                "JVal is a sum over the samples, so ∂JVal/∂{p} is the sum of every sample's own chain value. "
                "Sample {s}, whose numbers the formula shows, adds <b>{v}</b> (▲ under the bars)."
            ).format(p=p, s=self.sample, v=number(terms.value_of(self.sample), d))
        )
        sample = self.tr("sample {s}")
        rows = "".join(f"<tr><td>{sample.format(s=s)}</td><td align='right'>&nbsp;&nbsp;{number(v, d)}</td></tr>" for s, v in terms.largest)
        self.largest.setText(self.tr("The largest terms:") + f"<table>{rows}</table>")
        if terms.penalty:
            self.total.setText(
                self.tr("Σ of the {n} terms = {data}, + the penalty's {penalty} = <b>{total}</b> = ∂JVal/∂{p}").format(
                    n=terms.n_samples, data=number(terms.data_sum, d), penalty=number(terms.penalty, d), total=number(terms.total, d), p=p
                )
            )
        else:
            self.total.setText(
                self.tr("Σ of the {n} terms = <b>{total}</b> = ∂JVal/∂{p}, the gradient").format(
                    n=terms.n_samples, total=number(terms.total, d), p=p
                )
            )
