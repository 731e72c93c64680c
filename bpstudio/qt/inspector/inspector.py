"""The inspector: everything about the selected parameter, from the engine's chain.

First what a class reads: the chain rule typeset (one factor per basic link,
the sum of each source on its own lines, every factor's number for the
chosen sample under it) and the basic links with their formulas; then the
value, gradient and optimizer's step, the three-way check, the paths (with
shares only where they mean something) and a nudge that explains itself.
It only shows what engine objects computed; it computes no derivative itself.
"""

from __future__ import annotations

import html

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bpstudio.control.export.typeset import (
    MATH_SIZE,
    NUMBER_SIZE,
    Colours,
    board_svg,
    equation_svg,
    equations_svg,
    links_svg,
    number_text,
    tag_ids,
)
from bpstudio.control.model.studio_model import ChainView, NodeReadout
from bpstudio.control.words.link_reasons import CONTEXT as REASONS
from bpstudio.control.words.link_reasons import link_reason
from bpstudio.control.words.number_format import DEFAULT_DIGITS, relation, rounding
from bpstudio.control.words.optimizer_lines import line_relations, optimizer_lines
from bpstudio.control.words.vocabulary import OPTIMIZER_RECORDS, PLAYGROUND_MEAN, ChainNumbers, InfluenceChain, NudgeResult
from bpstudio.control.words.written_formula import misses
from bpstudio.engine.chain_render import render_latex
from bpstudio.engine.data import Problem
from bpstudio.engine.messages import QT_TRANSLATE_NOOP
from bpstudio.engine.text_safety import rich_text, shorten
from bpstudio.qt.diagram.diagram_items import ROLE_TIPS
from bpstudio.qt.inspector.formula_view import FormulaView, SidewaysScroller
from bpstudio.qt.inspector.sample_sum_box import SampleSumBox
from bpstudio.qt.inspector.sample_terms_table import SampleTermsDialog
from bpstudio.qt.inspector.table_fill import sized_once
from bpstudio.qt.inspector.terms_box import TermsBox
from bpstudio.qt.shell.appearance import LIGHT, Look
from bpstudio.qt.shell.i18n import marked
from bpstudio.qt.shell.safe_text import literal

PATH_ROWS = 32
VALUE_ROWS = [
    ("value", QT_TRANSLATE_NOOP("Inspector", "value of {p}")),
    ("gradient", QT_TRANSLATE_NOOP("Inspector", "∂L/∂{p} (all samples)")),
    ("plain", QT_TRANSLATE_NOOP("Inspector", "plain gradient step  −α·g")),
]  # the optimizer's moments are in the step block below, all of one iteration
CHECK_ROWS = [
    ("chain", QT_TRANSLATE_NOOP("Inspector", "sum along the chain")),
    ("backprop", QT_TRANSLATE_NOOP("Inspector", "backprop")),
    ("numeric", QT_TRANSLATE_NOOP("Inspector", "finite difference")),
]
BLOCK_TAGS = {
    "source": QT_TRANSLATE_NOOP("Inspector", "source Σ: branches summed"),
    "sink": QT_TRANSLATE_NOOP("Inspector", "below a sink: defined once"),
}
READABLE_DIGITS = 0.75  # the least scale of a typeset formula with 6 or all digits, off a projector (it scrolls sideways)
PRESENTATION_SCALE = 1.7  # the formula's largest scale on a projector
READABLE_SCALE = 1.0  # on a projector a formula taller than the panel keeps its own size, and the panel scrolls
# The ink height of a typeset digit at scale 1: numbers are NUMBER_SIZE × MATH_SIZE px, digits ~0.73 em
TYPESET_DIGIT_PX = NUMBER_SIZE * MATH_SIZE * 0.73
BOARD_DIGIT_PX = 18.0  # the board view's digits at the least, on a projector or not
BOARD_MAX_SCALE = 5.0


def readable_scale(digit_px: float) -> float:
    """The scale at which a typeset formula's numbers are ``digit_px`` tall in ink (0: no floor)."""
    return digit_px / TYPESET_DIGIT_PX if digit_px > 0 else 0.05


def _fmt(value: float | None, digits: int | str = DEFAULT_DIGITS) -> str:
    """A number in the inspector's words: View ▸ Digits' significant digits, a real minus, — for none."""
    return "—" if value is None or not np.isfinite(value) else number_text(value, digits)


def colours_for(look: Look) -> Colours:
    dark = look.name == "dark"
    return Colours(text=look.text, numbers="#56B4E9" if dark else "#0b4f8a", muted=look.muted, accent=look.role)


APPROX_TIP = QT_TRANSLATE_NOOP(
    "Inspector",
    "≈: the numbers shown in this row, worked out by hand, give the result shown only nearly — they are rounded. "
    "The result is the exact one, rounded; View ▸ Digits ▸ All shows every digit.",
)

# Under a source whose branches through the sample's other classes read 0 (cross-entropy):
SILENT_BRANCHES = QT_TRANSLATE_NOOP(
    "Inspector",
    "The branches through the other classes' outputs\n"
    "are 0: cross-entropy takes only the true class's\n"
    "output, L = −log ŷ of that class, so ∂L/∂ŷ = −y/ŷ\n"
    "= 0 where y = 0. With mse every branch counts.",
)


class Inspector(QScrollArea):
    """Shows the model's answers about the selected parameter; asks it for a sample or a nudge."""

    sample_changed = Signal(int)
    nudge_requested = Signal(float)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("inspector")
        self.setAccessibleName("parameter inspector")
        self.setWidgetResizable(True)
        # Everything wraps or scales to the width: a sideways scroll bar would hide the numbers.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        body.setMinimumWidth(1)
        self.setWidget(body)
        layout = QVBoxLayout(body)

        self.title = QLabel()
        self.title.setObjectName("inspector_title")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.title)
        self.node_info = QLabel()
        self.node_info.setObjectName("node_info")
        self.node_info.setWordWrap(True)
        self.node_info.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.node_info)

        self.formula_box = formula = QGroupBox()
        fl = QVBoxLayout(formula)
        row = QHBoxLayout()
        self.sample_label = QLabel()
        row.addWidget(self.sample_label)
        self.sample_box = QSpinBox()
        self.sample_box.setObjectName("inspector_sample")
        self.sample_box.valueChanged.connect(self.sample_changed.emit)
        self.sample_box.valueChanged.connect(self.node_info.clear)  # its readout was of the old sample
        row.addWidget(self.sample_box)
        self.sample_inputs = QLabel()  # on the sample's row: one line less above the formula
        self.sample_inputs.setObjectName("sample_inputs")
        self.sample_inputs.setWordWrap(True)
        self.sample_inputs.setTextFormat(Qt.TextFormat.RichText)
        row.addWidget(self.sample_inputs, 1)
        self.copy_latex = QPushButton()
        self.copy_latex.clicked.connect(self._copy_latex)
        row.addWidget(self.copy_latex)
        fl.addLayout(row)
        self.sample_info = QLabel()
        self.sample_info.setObjectName("sample_info")
        self.sample_info.setWordWrap(True)
        self.sample_info.setTextFormat(Qt.TextFormat.RichText)
        fl.addWidget(self.sample_info)
        self.formula = FormulaView("chain_formula")
        self.formula.tip_for = self._tag_tip
        fl.addWidget(SidewaysScroller(self.formula))  # on a projector a wide one scrolls, not shrinks
        self.silent_note = QLabel()  # on a projector: why cross-entropy's other branches are 0 (see show_chain)
        self.silent_note.setObjectName("silent_branches_note")
        self.silent_note.setWordWrap(True)
        self.silent_note.hide()
        fl.addWidget(self.silent_note)
        self.running = QLabel()  # the parameter's product factor by factor, as done by hand
        self.running.setObjectName("running_product")
        self.running.setWordWrap(True)
        fl.addWidget(self.running)
        self.total = QLabel()
        self.total.setObjectName("chain_total")
        self.total.setWordWrap(True)
        fl.addWidget(self.total)
        layout.addWidget(formula)
        self.sums = SampleSumBox()
        self.sums.table_requested.connect(self.open_sample_terms)
        layout.addWidget(self.sums)
        self.terms = TermsBox()
        layout.addWidget(self.terms)

        self.links_box = links = QGroupBox()
        ll = QVBoxLayout(links)
        self.links_note = QLabel()
        self.links_note.setWordWrap(True)
        ll.addWidget(self.links_note)
        self.links = FormulaView("chain_links")
        ll.addWidget(SidewaysScroller(self.links))
        layout.addWidget(links)

        self.values_box = values = QGroupBox()
        grid = QGridLayout(values)
        self.value_labels: dict[str, QLabel] = {}
        self.row_names: dict[str, QLabel] = {}
        for r, (key, _text) in enumerate(VALUE_ROWS):
            self.row_names[key] = QLabel()
            grid.addWidget(self.row_names[key], r, 0)
            label = QLabel("—")
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setObjectName(f"inspector_{key}")
            grid.addWidget(label, r, 1)
            self.value_labels[key] = label
        grid.setColumnStretch(1, 1)
        layout.addWidget(values)

        self.step_box = step_box = QGroupBox()
        sl = QVBoxLayout(step_box)
        self.step_note = QLabel()
        self.step_note.setObjectName("optimizer_step_note")
        self.step_note.setWordWrap(True)
        sl.addWidget(self.step_note)
        # A first step's remark (Adam's, from its record) in notation: the hats of m̂ and v̂ are typeset, never combining characters,
        # which a label's text layout puts over the wrong letter, or drops in Chinese fonts.
        self.adam_first = FormulaView("adam_first_step")
        self.adam_first.hide()
        sl.addWidget(self.adam_first)
        self.step_view = FormulaView("optimizer_step")
        self.step_view.tip_for = lambda element: marked("Inspector", APPROX_TIP) if element.endswith("-approx") else ""
        # the rows typeset now: (left, rule with its numbers, value, "=" or "≈"), as the block shows them
        self.step_rows: list[tuple[str, str, float | None, str]] = []
        sl.addWidget(SidewaysScroller(self.step_view))
        layout.addWidget(step_box)

        self.check_box = check = QGroupBox()
        cl = QGridLayout(check)
        self.check_labels: dict[str, QLabel] = {}
        for r, (key, _text) in enumerate(CHECK_ROWS):
            self.row_names[key] = QLabel()
            cl.addWidget(self.row_names[key], r, 0)
            label = QLabel("—")
            label.setObjectName(f"check_{key}")
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            cl.addWidget(label, r, 1)
            self.check_labels[key] = label
        cl.setColumnStretch(1, 1)
        layout.addWidget(check)

        self.paths_box = paths = QGroupBox()
        pl = QVBoxLayout(paths)
        self.paths_note = QLabel()
        self.paths_note.setObjectName("paths_note")
        self.paths_note.setWordWrap(True)
        pl.addWidget(self.paths_note)
        self.paths = QTableWidget(0, 3)
        self.paths.setObjectName("inspector_paths")
        header = self.paths.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.paths.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.paths.setWordWrap(True)
        self.paths.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.paths.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.paths.setMinimumHeight(120)
        pl.addWidget(self.paths)
        self.per_output = QLabel()
        self.per_output.setWordWrap(True)
        pl.addWidget(self.per_output)
        layout.addWidget(paths)

        self.nudge_box = nudge_box = QGroupBox()
        nl = QVBoxLayout(nudge_box)
        nudge_row = QHBoxLayout()
        self.by_label = QLabel()
        nudge_row.addWidget(self.by_label)
        self.nudge_delta = QDoubleSpinBox()
        self.nudge_delta.setDecimals(6)
        self.nudge_delta.setRange(-1.0, 1.0)
        self.nudge_delta.setSingleStep(0.0001)
        self.nudge_delta.setValue(0.001)
        nudge_row.addWidget(self.nudge_delta)
        self.nudge_button = QPushButton()
        self.nudge_button.setObjectName("nudge")
        self.nudge_button.clicked.connect(self._ask_nudge)
        nudge_row.addWidget(self.nudge_button)
        nudge_row.addStretch(1)
        nl.addLayout(nudge_row)
        self.nudge_result = QLabel()
        self.nudge_result.setObjectName("nudge_result")
        self.nudge_result.setWordWrap(True)
        self.nudge_result.setTextFormat(Qt.TextFormat.RichText)
        nl.addWidget(self.nudge_result)
        layout.addWidget(nudge_box)
        layout.addStretch(1)

        self.problem: Problem | None = None
        self.index: int | None = None
        self.chain: InfluenceChain | None = None
        self.view: ChainView | None = None
        self.last_nudge: NudgeResult | None = None
        self.colours = colours_for(LIGHT)
        self.presenting = False
        self.digit_px = 0.0  # presentation: the height the formula's digits keep (see fit_formula)
        self.board = False  # the board view: the formula alone (see set_board)
        self.digits = DEFAULT_DIGITS  # View ▸ Digits, as the model says (set_digits)
        self.sample_terms: SampleTermsDialog | None = None  # every sample's term, made when first asked for
        # The newest live view (the net training) that came while the panel was off screen (a tab behind
        # the decision map, say): shown when the panel comes into sight.  See show_chain.
        self._deferred_view: ChainView | None = None
        self._set_enabled(False)
        self.retranslate()

    def retranslate(self) -> None:
        self.formula_box.setTitle(self.tr("Chain rule — one sample's numbers"))
        self.links_box.setTitle(self.tr("Basic links (基础影响链路)"))
        self.links_note.setText(
            self.tr(
                "Each link's local derivative, before they are multiplied: the forward pass computes "
                "these; the backward pass multiplies them along each path and sums at the sources."
            )
        )
        self.values_box.setTitle(self.tr("Value and gradient now"))
        self.step_box.setTitle(self.tr("The optimizer step that made these weights"))
        self.check_box.setTitle(self.tr("One gradient, three ways (all samples)"))
        self.paths_box.setTitle(self.tr("Paths from the parameter to L"))
        self.nudge_box.setTitle(self.tr("Nudge the parameter"))
        for key, text in CHECK_ROWS:
            self.row_names[key].setText(marked("Inspector", text))
        self._name_value_rows()
        self.sample_label.setText(self.tr("sample"))
        self.sample_box.setToolTip(self.tr("Which training sample's numbers the formula shows."))
        self.copy_latex.setText(self.tr("Copy as LaTeX"))
        self.copy_latex.setToolTip(self.tr("Copy the chain and its formula in the article's notation, for slides."))
        self.paths.setHorizontalHeaderLabels([self.tr("path"), self.tr("value"), self.tr("share")])
        self.by_label.setText(self.tr("by Δw ="))
        self.nudge_delta.setToolTip(
            self.tr(
                "Move the selected parameter by this much, compare, and put it back. The default is "
                "small enough for the tangent to predict the change well."
            )
        )
        self.nudge_button.setText(self.tr("Nudge"))
        self.terms.retranslate()
        self.sums.retranslate()
        self.node_info.clear()
        if self.view is not None:
            self.show_chain(self.view)
        elif self.chain is None:
            self.title.setText(self.tr("<b>Click a weight in the diagram</b> to see its loss-influence chain."))

    def _name_value_rows(self) -> None:
        symbol = self.chain.display(self.chain.param) if self.chain is not None else "w"
        for key, text in VALUE_ROWS:
            self.row_names[key].setText(marked("Inspector", text).format(p=symbol))

    # -- what the model says ------------------------------------------------------------------
    def follow_model(self, signals) -> None:
        """Show the model's answers (``signals``: its Qt adapter); the sample box and the nudge ask it."""
        model = signals.model
        self.sample_changed.connect(model.select_sample)
        self.nudge_requested.connect(model.nudge)
        signals.problem_changed.connect(self.set_problem)
        signals.selection_changed.connect(self.show_selection)
        signals.sample_changed.connect(self.show_sample)
        signals.chain_ready.connect(self.show_chain)
        signals.node_ready.connect(self.show_node)
        signals.nudge_ready.connect(self.show_nudge)
        signals.digits_changed.connect(self.set_digits)
        self.set_digits(model.digits)

    def set_digits(self, digits: str) -> None:
        """View ▸ Digits: every number shown again with that many significant digits."""
        if digits == self.digits:
            return
        self.digits = digits
        self.fit_formula()
        self.sums.set_digits(digits)
        if self.sample_terms is not None:
            self.sample_terms.set_digits(digits)
        if self.view is not None:
            self.show_chain(self.view)
        self._write_nudge()

    def show_sample(self, sample: int) -> None:
        """The model's chosen sample (it owns it): the box shows it without asking again."""
        if self.sample_box.value() != sample:
            was = self.sample_box.blockSignals(True)
            self.sample_box.setValue(sample)
            self.sample_box.blockSignals(was)

    def set_problem(self, problem: Problem) -> None:
        self.problem = problem
        self.sample_box.blockSignals(True)
        self.sample_box.setRange(0, problem.dataset.n_samples - 1)
        self.sample_box.blockSignals(False)
        self.node_info.clear()
        self.show_selection(None, None)

    def set_look(self, look: Look, presenting: bool) -> None:
        """Theme colours for the typeset formula; in presentation mode the formula grows."""
        self.colours = colours_for(look)
        self.presenting = presenting
        self.digit_px = look.digit_px if presenting else 0.0
        self.fit_formula()
        if self.view is not None:
            self.show_chain(self.view)

    def set_board(self, on: bool) -> None:
        """The board view: only the title, the sample and the typeset chain, as large as the panel allows."""
        self.board = on
        for part in (self.sums, self.terms, self.links_box, self.values_box, self.step_box, self.check_box, self.paths_box, self.nudge_box):
            part.setVisible(not on)
        self.fit_formula()
        self.verticalScrollBar().setValue(0)

    def fit_formula(self) -> None:
        """Normal: the formula at its own size at most.  Presenting: as large as fits the panel."""
        # On a projector the formula has the room: the sample's ŷ / target table stays in the normal view.
        self.sample_info.setVisible(not self.presenting and not self.board)
        self.running.setVisible(not self.presenting and not self.board)  # the formula's own numbers say it on a projector
        room = (
            self.viewport().height()
            - self.title.sizeHint().height()
            - self.total.sizeHint().height()
            - max(self.sample_box.sizeHint().height(), self.sample_inputs.heightForWidth(max(self.sample_inputs.width(), 1)))
            - 80
        )
        if self.board:  # the whole panel is the board: the formula as large as it fits, its digits never small
            least = readable_scale(max(self.digit_px, BOARD_DIGIT_PX))
            self.formula.set_scale_limits(BOARD_MAX_SCALE, max(room, 120), readable=least, least=least)
        elif self.presenting:
            # A long chain (a wide net's 64 paths) is not shrunk to dust to fit: below the scale at which its
            # digits reach the projector's size it stays that large, and the panel scrolls.
            least = readable_scale(self.digit_px)
            largest = max(PRESENTATION_SCALE, least * 1.25)
            self.formula.set_scale_limits(largest, max(room, 120), readable=max(READABLE_SCALE, least), least=least)
            self.links.set_scale_limits(largest * 0.8, least=least)
            self.step_view.set_scale_limits(largest * 0.8, least=least)
        else:
            # With 6 or all digits the rows are long: below a readable size they scroll sideways instead of shrinking
            floor = 0.05 if self.digits == "4" else READABLE_DIGITS
            self.formula.set_scale_limits(1.0, least=floor)
            self.links.set_scale_limits(0.9, least=floor)
            self.step_view.set_scale_limits(0.9, least=max(floor, 0.6))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.presenting or self.board:
            self.fit_formula()

    def show_selection(self, index: int | None, chain: InfluenceChain | None) -> None:
        """A new selection: its names now, its numbers when the model has them (show_chain)."""
        if index != self.index:
            # another weight's page starts at its top, not where the last one was scrolled to
            self.verticalScrollBar().setValue(0)
        self.index, self.chain, self.view = index, chain, None
        self.nudge_result.clear()
        self.last_nudge = None
        self.node_info.clear()
        self._name_value_rows()
        self._set_enabled(False)
        if chain is not None:
            self.title.setText(self._title(chain, None))
        else:
            self.title.setText(self.tr("<b>Click a weight in the diagram</b> to see its loss-influence chain."))
            self._deferred_view = None
            self.formula.clear()
            self.links.clear()
            self.step_view.clear()
            self.adam_first.clear()
            self.adam_first.hide()
            self.step_note.clear()
            self.total.clear()
            self.running.clear()
            self.sample_info.clear()
            self.sample_inputs.clear()
            self.sums.clear()
            for label in (*self.value_labels.values(), *self.check_labels.values()):
                label.setText("—")
            self.paths.setRowCount(0)
            self.paths_note.clear()
            self.per_output.clear()

    def show_node(self, readout: NodeReadout) -> None:
        d = self.digits
        grad = "" if not np.isfinite(readout.gradient) else f", ∂L/∂{html.escape(readout.display)} = {_fmt(readout.gradient, d)}"
        self.node_info.setText(
            self.tr("Node {node}: value {value}{grad} (sample {sample})").format(
                node=html.escape(readout.display), value=_fmt(readout.value, d), grad=grad, sample=readout.sample
            )
        )

    def show_chain(self, view: ChainView) -> None:
        """Everything about the selected parameter, as the model worked it out.

        While a net trains the chain's numbers come once a second, and a wide
        net's chain is ~1 MB of SVG to typeset, load and paint, and a table of
        paths and labels to fill; behind the decision map's tab nobody reads
        them, and every millisecond of it is one the event loop does not answer
        in.  So a live view of a panel off screen waits until the panel comes
        into sight, and only the newest is shown then.  A paused or stepped
        run's exact numbers are shown at once, seen or not: a wide net's first
        typesetting takes seconds, and a raised tab should find its board ready.
        """
        if view.chain is not self.chain:
            return
        if not view.exact and self._out_of_sight():
            self._deferred_view = view
            return
        self._deferred_view = None
        first = self.view is None or self.view.index != view.index
        self.view = view
        self._set_enabled(True)
        chain = view.chain
        self.title.setText(self._title(chain, view.iteration, live=not view.exact))
        self.sample_inputs.setText(self._describe_inputs(view))
        self.sample_info.setText(self._describe_sample(view))
        shown = {"value": view.weight, "gradient": view.gradient, "plain": -view.alpha * view.gradient}
        digits = self.digits
        for key, label in self.value_labels.items():
            label.setText(_fmt(shown.get(key), digits))
        blocks, links, colours = view.blocks, view.links, self.colours
        tags = {role: marked("Inspector", text) for role, text in BLOCK_TAGS.items()}
        silent = {n: marked("Inspector", SILENT_BRANCHES) for n in view.silent_blocks}
        # On a projector the note is a line of the widgets' own size under the board: set in the
        # typeset board, its small prose would sit among 14 px digits, unreadable from the back.
        self.silent_note.setText(" ".join(dict.fromkeys(silent.values())) if self.presenting else "")
        self.silent_note.setVisible(bool(silent) and self.presenting)
        notes = {} if self.presenting else silent
        self.formula.typeset(lambda: board_svg(list(blocks), colours, tags, notes=notes, digits=digits))
        reasons = [marked(REASONS, link_reason(link.edge, chain.net)) for link in links]
        self.links.typeset(lambda: links_svg(list(links), colours, reasons=reasons, digits=digits))
        self._show_step(view)
        self.sums.show_terms(view.contributions, view.sample, chain.display(chain.param))
        self.running.setText(self._running_text(view))
        n = view.summed
        self.total.setText(
            self.tr("Summed over all {n} samples: ∂L/∂{p} = {value}").format(
                n=self.problem.dataset.n_samples if self.problem else "?",
                p=chain.display(chain.param),
                value=_fmt(n.chain_gradient, digits),
            )
        )
        rel = self.tr("rel. diff")
        self.check_labels["chain"].setText(_fmt(n.chain_gradient, digits) + f"   ({rel} {n.chain_error:.1e})")
        self.check_labels["backprop"].setText(_fmt(n.backprop_gradient, digits))
        if view.exact:
            self.check_labels["numeric"].setText(_fmt(n.numeric_gradient, digits) + f"   ({rel} {n.numeric_error:.1e})")
        else:
            self.check_labels["numeric"].setText(self.tr("(computed when paused)"))
        self._fill_paths(n)
        self._write_nudge()
        if first and view.suggested_delta is not None:
            self.nudge_delta.setValue(view.suggested_delta)

    def _running_text(self, view: ChainView) -> str:
        """ "Step by step: 0.5303 × 0.8228 = 0.4363 × −0.166 = −0.07241" for the parameter's row."""
        if not view.blocks or not view.blocks[0].rows:
            return ""
        row = view.blocks[0].rows[0]
        running = row.running
        if len(running) < 2:
            return ""
        cells, digits = row.cells, self.digits
        shown = number_text(cells[0].value, digits)
        text = shown
        for cell, product in zip(cells[1:], running[1:], strict=False):
            factor, result = number_text(cell.value, digits), number_text(product, digits)
            # "≈" where the two numbers shown, multiplied, are not the product shown (in its last digit)
            text += f" × {factor} {relation([shown, factor], '×', result, digits)} {result}"
            shown = result
        return self.tr("Step by step: {steps}").format(steps=text)

    def _show_step(self, view: ChainView) -> None:
        """One step, from iteration t − 1 to t: each rule with its numbers, all of that one step."""
        colours, digits = self.colours, self.digits
        self.step_rows = []
        lines = optimizer_lines(view.step, view.optimizer, dict(view.hyper), digits) if view.step is not None else list(view.step_lines)
        relations = line_relations(lines, digits)
        # an optimizer whose first step deserves a remark (Adam's ±α) says so in its record
        record = OPTIMIZER_RECORDS.get(view.optimizer)
        first = record.first_step if record is not None and bool(lines) and view.exact and view.iteration == 1 else None
        self.adam_first.setVisible(first is not None)
        if first is not None:
            latex = first.latex
            self.adam_first.typeset(lambda: equation_svg(latex, colours))
        else:
            self.adam_first.clear()
        if not lines:
            self.step_view.clear()
            self.step_note.setText(self.tr("No step has been taken yet: these are the start weights."))
            return
        if not view.exact:
            # Training at full speed: its numbers change 15 times a second and typesetting them takes
            # about half a second of the trainer's time, so the block waits for a pause or a step.
            self.step_view.clear()
            self.step_note.setText(self.tr("(the step's numbers are shown when paused or stepping)"))
            return
        self.step_rows = [(left, formula, value, sign) for (left, formula, value), sign in zip(lines, relations, strict=True)]
        self.step_view.typeset(lambda: equations_svg(list(lines), colours, digits=digits, relations=relations))
        note = self.tr("g is the gradient the step used (of iteration t − 1); the gradient shown above is the one the next step will use.")
        if first is not None:
            note += " " + marked("Inspector", first.note)
        self.step_note.setText(note)

    def show_nudge(self, result: NudgeResult) -> None:
        """The nudge's numbers, scrolled into sight: the box is at the bottom of a long page."""
        if result.index is not None and result.index != self.index:
            return  # asked about a weight that is no longer selected
        self.last_nudge = result
        self._write_nudge()
        QTimer.singleShot(0, self._reveal_nudge)

    def _write_nudge(self) -> None:
        """The last nudge; once the run has moved past its iteration, greyed and said to be old."""
        result = self.last_nudge
        if result is None:
            return
        d = self.digits
        g, dw, second = _fmt(result.gradient, d), _fmt(result.delta, d), _fmt(result.curvature, d)
        predicted, curvature, both = _fmt(result.predicted, d), _fmt(result.curvature_term, d), _fmt(result.second_order, d)
        # each row's "=" is "≈" where its shown numbers, worked out by hand, miss its shown result (View ▸ Digits)
        text = self.tr(
            "tangent g·Δw = {g} · {dw} {r1} <b>{predicted}</b><br>actual ΔJ = <b>{actual}</b><br>"
            "curvature ½·J″·Δw² = ½ · {second} · ({dw})² {r2} {curvature}<br>"
            "tangent + curvature = {predicted} + {curvature} {r3} {both} — what is left is of higher order.<br>"
            "The parameter was put back."
        ).format(
            g=g,
            dw=dw,
            predicted=predicted,
            actual=_fmt(result.actual, d),
            curvature=curvature,
            second=second,
            both=both,
            r1=relation([g, dw], "×", predicted, d),
            r2=relation([second, dw], lambda j, w: 0.5 * j * w * w, curvature, d),
            r3=relation([predicted, curvature], "+", both, d),
        )
        now = None if self.view is None else self.view.iteration
        if result.iteration is not None and now is not None and now != result.iteration:
            old = self.tr("Nudged at iteration {then}; the run is at iteration {now} now: nudge again for its weights.").format(
                then=result.iteration, now=now
            )
            text = f"<b>{html.escape(old)}</b><br><span style='color:{self.colours.muted}'>{text}</span>"
        self.nudge_result.setText(text)

    def _reveal_nudge(self) -> None:
        if self.last_nudge is not None:
            # the taller label re-lays the page out in steps (label, page, scroll range): finish them first
            for _ in range(3):
                QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            self.ensureWidgetVisible(self.nudge_result)

    # -- live views, only for a panel in sight ------------------------------------------------------
    def _out_of_sight(self) -> bool:
        """The window is on screen and nothing of this panel is (a dock tabbed behind another is moved off it).

        A panel of a window not shown yet (or of none, as in a test) typesets at once, as before.
        """
        return self.window().isVisible() and self.visibleRegion().isEmpty()

    def event(self, event: QEvent) -> bool:
        # Painted: the panel (its frame or its page) is on screen again, a tab raised, say.
        self._painted(event)
        return super().event(event)

    def viewportEvent(self, event: QEvent) -> bool:
        self._painted(event)
        return super().viewportEvent(event)

    def _painted(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.Paint and self._deferred_view is not None:
            QTimer.singleShot(0, self._show_deferred)  # after this paint

    def _show_deferred(self) -> None:
        view = self._deferred_view
        if view is not None and not self._out_of_sight():
            self._deferred_view = None
            if view.chain is self.chain:
                self.show_chain(view)

    # -- display -----------------------------------------------------------------------------------
    def _set_enabled(self, on: bool) -> None:
        for widget in (self.copy_latex, self.nudge_button, self.nudge_delta):
            widget.setEnabled(on)

    def _title(self, chain: InfluenceChain, iteration: int | None, live: bool = False) -> str:
        """Name, flat name and iteration; while the net trains, that the numbers follow once a second.

        Without it the inspector's iteration, a second behind, contradicted the plot's and the status bar's.
        """
        name = chain.display(chain.param, "html")
        text = f"<b style='font-size:large'>{name}</b> &nbsp; <span style='color:{self.colours.muted}'>[{chain.name}]</span>"
        if iteration is not None:
            playground = chain.net.loss == PLAYGROUND_MEAN  # a Playground run counts epochs, as Playground does
            text += " &nbsp; " + (self.tr("epoch {n}") if playground else self.tr("iteration {n}")).format(n=iteration)
            if live:
                text += f" <span style='color:{self.colours.muted}'>· " + self.tr("live, once a second") + "</span>"
        return text

    def _describe_inputs(self, view: ChainView) -> str:
        # a line breaks between inputs, never inside "g = −0.34838"
        cell = "<span style='white-space:nowrap'><i>{}</i> = {}</span>"
        inputs = ", ".join(cell.format(rich_text(shorten(k)), _fmt(v, self.digits)) for k, v in view.sample_inputs)
        return self.tr("inputs: {inputs}").format(inputs=inputs)

    def _describe_sample(self, view: ChainView) -> str:
        """The sample the numbers are of: per output, the prediction ŷ and the target."""
        predicted = dict(view.sample_predictions)
        cell = "<td align='right'>&nbsp;&nbsp;{}</td>"
        head = "".join(cell.format(f"<i>{rich_text(shorten(k))}</i>") for k, _ in view.sample_targets)
        rows: list[tuple[str, list[float | None]]] = [
            (self.tr("prediction ŷ"), [predicted.get(k) for k, _ in view.sample_targets]),
            (self.tr("target"), [v for _, v in view.sample_targets]),
        ]
        if self.digits != "4":
            # long numbers: one line per output, so that two columns of them fit the panel's width
            names = "".join(cell.format(rich_text(shorten(name))) for name, _ in rows)
            lines = "".join(
                f"<tr><td><i>{rich_text(shorten(k))}</i></td>"
                + "".join(cell.format(_fmt(values[j], self.digits)) for _, values in rows)
                + "</tr>"
                for j, (k, _) in enumerate(view.sample_targets)
            )
            return f"<table><tr><td></td>{names}</tr>{lines}</table>"
        body = "".join(
            f"<tr><td>{rich_text(shorten(name))}</td>" + "".join(cell.format(_fmt(v, self.digits)) for v in values) + "</tr>"
            for name, values in rows
        )
        return f"<table><tr><td></td>{head}</tr>{body}</table>"

    def _tag_tip(self, element: str) -> str:
        """The formula's source / sink tags explain the term they name."""
        role = tag_ids(self.formula.svg_text).get(element)
        return marked("Diagram", ROLE_TIPS[role]) if role in ROLE_TIPS else ""

    def _fill_paths(self, n: ChainNumbers) -> None:
        chain = self.chain
        assert chain is not None  # numbers come for a selected chain
        listed = len(n.paths)
        shares = n.path_shares()
        note = self.tr("{n} path(s)").format(n=n.paths_total)
        if n.paths_total > listed:
            note += self.tr("; the first {listed} are listed").format(listed=listed)
        if shares is None and listed:
            note += ". " + self.tr(
                "No shares: the paths nearly cancel (their total is under a tenth of their sizes), "
                "so a share of that total would say nothing — compare the signed values instead."
            )
        self.paths_note.setText(note)
        with sized_once(self.paths):
            self.paths.setRowCount(listed)
            for row, path in enumerate(n.paths):
                route = " → ".join(chain.display(node) for node in path.nodes)
                share = "—" if shares is None else f"{100 * shares[row]:.1f} %"
                cells = [route, _fmt(path.value, self.digits), share]
                for col, text in enumerate(cells):
                    item = QTableWidgetItem(text)
                    if col:
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    else:
                        item.setToolTip(literal(text))
                    self.paths.setItem(row, col, item)
        parts = [f"<b>{rich_text(shorten(k))}</b> {_fmt(v, self.digits)}" for k, v in n.per_output.items()]
        self.per_output.setText(self.tr("Per output: {parts}").format(parts=", ".join(parts)))

    def open_sample_terms(self) -> SampleTermsDialog | None:
        """Every sample's term of the shown gradient, in a sortable table (one dialog, brought forward)."""
        view, problem = self.view, self.problem
        if view is None or problem is None or view.weights is None:
            return None
        if self.sample_terms is None:
            self.sample_terms = SampleTermsDialog(self)
        self.sample_terms.show_table(problem, view.weights, view.index, view.chain.display(view.chain.param), view.iteration, self.digits)
        return self.sample_terms

    # -- actions --------------------------------------------------------------------------------------
    def latex(self) -> str:
        if self.view is None:
            return ""
        return render_latex(self.view.chain, self.view.at_sample, rounding(self.digits), misses(self.digits))

    def _copy_latex(self) -> None:
        QGuiApplication.clipboard().setText(self.latex())

    def _ask_nudge(self) -> None:
        self.nudge_requested.emit(self.nudge_delta.value())
