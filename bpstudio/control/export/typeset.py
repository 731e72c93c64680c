"""The chain rule and the phase equations, typeset to SVG with a real math typesetter.

ziamath (pure Python, LaTeX → MathML → SVG paths in the STIX Two Math font)
draws every factor; this module only places the pieces on a blackboard grid
(:mod:`bpstudio.engine.chain_board` decides what goes where) and writes the
numbers under their factors.  The result is one vector SVG document that the
window shows with ``QSvgRenderer`` at any scale and the CLI writes to a file.

Typesetting a factor costs milliseconds, so pieces are cached by
(LaTeX, size, colour): a selection is typeset once, and a new iteration only
writes new numbers (plain SVG text, no typesetting) into the same layout.
Each piece is kept as SVG text, serialized once: a document is joined from
strings, because serializing a wide net's chain as one element tree (~1 MB,
thousands of glyph paths) took most of a live refresh's time on the thread
that also answers the window.
No Qt here: the CLI and the tests use it without a display.
"""

from __future__ import annotations

import threading
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import lru_cache
from xml.sax.saxutils import escape

from bpstudio.control.words.number_format import DEFAULT_DIGITS, display_number, relation
from bpstudio.engine.chain_board import BasicLink, Block, Row

SVG_NS = "http://www.w3.org/2000/svg"
MATH_SIZE = 20.0  # px of the math font in the document; viewers scale the whole SVG
NUMBER_SIZE = 0.78  # numbers, relative to MATH_SIZE
NUMBER_FONT = "DejaVu Sans, Noto Sans, Arial, sans-serif"
DIGIT_EM = 0.64  # average advance of a digit in NUMBER_FONT, for centring and column widths
GAP = 0.45  # between cells and operators, in em
_lock = threading.Lock()  # ziamath keeps module-level state; one typesetting at a time


@dataclass(frozen=True)
class Colours:
    text: str = "#111111"
    numbers: str = "#0b4f8a"
    muted: str = "#555555"
    accent: str = "#8a6508"  # the source / sink tags, as on the diagram


@dataclass(frozen=True)
class Piece:
    """A typeset expression: its SVG elements as text (placed at the origin, baseline y = 0) and its box."""

    svg: str
    width: float
    ascent: float  # above the baseline
    descent: float  # below the baseline


@lru_cache(maxsize=2048)
def piece(latex: str, size: float = MATH_SIZE, colour: str = "#111111") -> Piece:
    """Typeset ``latex`` once; later calls for the same text are free."""
    import ziafont
    import ziamath

    with _lock:
        ziafont.config.svg2 = False  # plain paths: Qt's SVG renderer has no <symbol>
        ziafont.config.precision = 2  # 1/100 px is finer than any screen; a smaller SVG loads faster
        math_ = ziamath.Latex(latex, size=size, color=colour)
        holder = ET.Element("g")
        math_.drawon(holder, 0, 0, valign="base")
        bbox = math_.node.bbox
        width = max(bbox.xmax, math_.getsize()[0])
    svg = "".join(ET.tostring(element, encoding="unicode") for element in holder)
    return Piece(svg, width, max(bbox.ymax, 0.0), max(-bbox.ymin, 0.0))


def number_text(value: float | None, digits: int | str = DEFAULT_DIGITS) -> str:
    """``digits`` significant digits (View ▸ Digits), a real minus sign, a bounded width for any value."""
    return display_number(value, digits)


def _text_width(text: str, size: float) -> float:
    """An estimate that errs wide: digits and Latin letters ~0.64 em, Chinese characters a full em."""
    wide = sum(1 for ch in text if unicodedata.east_asian_width(ch) in "WF")
    return ((len(text) - wide) * DIGIT_EM + wide) * size


class _Canvas:
    """An SVG document grown item by item, as text; its size is known only at the end."""

    def __init__(self) -> None:
        self.items: list[str] = []
        self.right = 0.0
        self.bottom = 0.0

    def place(self, p: Piece, x: float, baseline: float, element_id: str | None = None) -> None:
        opening = f'<g transform="translate({x:.2f},{baseline:.2f})"' + (f' id="{_attribute(element_id)}"' if element_id else "")
        self.items.append(f"{opening}>{p.svg}</g>" if p.svg else f"{opening} />")
        self.right = max(self.right, x + p.width)
        self.bottom = max(self.bottom, baseline + p.descent)

    def text(
        self,
        text: str,
        x: float,
        baseline: float,
        size: float,
        colour: str,
        anchor: str = "middle",
        bold: bool = False,
        element_id: str | None = None,
    ) -> None:
        if not text:
            return
        attributes = {
            "x": f"{x:.2f}",
            "y": f"{baseline:.2f}",
            "font-family": NUMBER_FONT,
            "font-size": f"{size:.2f}",
            "fill": colour,
            "text-anchor": anchor,
        }
        if element_id:  # a viewer finds it by id (QSvgRenderer.boundsOnElement), e.g. for a tooltip
            attributes["id"] = element_id
        if bold:
            attributes["font-weight"] = "bold"
        self.items.append(f"<text{_attributes(attributes)}>{escape(text)}</text>")
        width = _text_width(text, size)
        right = x + (width / 2 if anchor == "middle" else width if anchor == "start" else 0)
        self.right = max(self.right, right)
        self.bottom = max(self.bottom, baseline + 0.3 * size)

    def document(self, margin: float, background: str | None = None) -> str:
        width, height = self.right + margin, self.bottom + margin
        root = {
            "xmlns": SVG_NS,
            "version": "1.1",
            "width": f"{width:.1f}",
            "height": f"{height:.1f}",
            "viewBox": f"0 0 {width:.1f} {height:.1f}",
        }
        items = self.items
        if background:
            items = [f"<rect{_attributes({'width': '100%', 'height': '100%', 'fill': background})} />", *items]
        if not items:
            return f"<svg{_attributes(root)} />"
        return f"<svg{_attributes(root)}>{''.join(items)}</svg>"


def _attributes(attributes: dict[str, str]) -> str:
    """XML attributes as ElementTree writes them (double quotes; &, <, >, " and white space escaped)."""
    return "".join(f' {name}="{_attribute(value)}"' for name, value in attributes.items())


def _attribute(value: str) -> str:
    return escape(value, {'"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#09;"})


def board_svg(
    blocks: list[Block],
    colours: Colours = Colours(),
    tags: dict[str, str] | None = None,
    size: float = MATH_SIZE,
    background: str | None = None,
    notes: dict[int, str] | None = None,
    blanks: dict[tuple[int, ...], str] | None = None,
    digits: int | str = DEFAULT_DIGITS,
) -> str:
    """The blackboard: each block's rows with every factor's number centred under it.

    Numbers have ``digits`` significant digits (View ▸ Digits); a row's product and a block's
    sum say "≈" instead of "=" where the numbers shown, multiplied or added, do not give the
    shown result in its last digit (:func:`row_relation`).

    ``tags`` labels the blocks of sources and sinks (e.g. ``{"source": "source Σ"}``),
    in the caller's language; each tag's text has the id ``tag-<role>-<n>`` (see
    :func:`tag_ids`), so a viewer can put the term's definition on it.  ``notes`` (block
    number → text, lines split at ``\n``, in the caller's language) are written small under
    their blocks: why a row reads 0, say.  ``blanks`` puts a label (a worksheet's "(a) ____")
    where a number would be: keys ``(block, row, factor)`` for a factor's number, ``(block, row)``
    for a row's product, ``(block,)`` for a block's sum.
    """
    tags = tags or {}
    notes = notes or {}
    blanks = blanks or {}
    em = size
    gap = GAP * em
    num_size = NUMBER_SIZE * size
    dot, plus, equals = (piece(s, size, colours.text) for s in (r"\cdot", "+", "="))
    lhs_pieces = [piece(b.lhs, size, colours.text) for b in blocks]
    lhs_width = max((p.width for p in lhs_pieces), default=0.0)
    x_equals = gap + lhs_width + gap
    x_sign = x_equals + equals.width + gap
    x_cells = x_sign + plus.width + gap
    canvas = _Canvas()
    y = 0.6 * em
    for number, (block, lhs) in enumerate(zip(blocks, lhs_pieces, strict=True)):
        cell_pieces = [[piece(c.latex, size, colours.text) for c in row.cells] for row in block.rows]
        columns = max(len(r) for r in cell_pieces)
        widths = [0.0] * columns
        for r, (row, pieces) in enumerate(zip(block.rows, cell_pieces, strict=True)):
            for k, (cell, p) in enumerate(zip(row.cells, pieces, strict=True)):
                shown = blanks.get((number, r, k)) or number_text(cell.value, digits)
                widths[k] = max(widths[k], p.width, _text_width(shown, num_size))
        tag = tags.get(block.role)
        if tag:
            y += 0.9 * num_size
            canvas.text(tag, gap, y, 0.85 * num_size, colours.accent, anchor="start", bold=True, element_id=f"tag-{block.role}-{number}")
            y += 0.2 * em
        for r, (row, pieces) in enumerate(zip(block.rows, cell_pieces, strict=True)):
            ascent = max([p.ascent for p in pieces] + [lhs.ascent if r == 0 else 0.0])
            descent = max([p.descent for p in pieces] + [lhs.descent if r == 0 else 0.0])
            baseline = y + ascent
            if r == 0:
                canvas.place(lhs, x_equals - gap - lhs.width, baseline)
                canvas.place(equals, x_equals, baseline)
            if row.sign:
                canvas.place(plus, x_sign, baseline)
            x = x_cells
            numbers_y = baseline + descent + 1.05 * num_size
            for k, (cell, p) in enumerate(zip(row.cells, pieces, strict=True)):
                centre = x + widths[k] / 2
                factor = f"factor-{number}-{r}-{k}"  # a viewer points at a factor and its number (see factor_ids)
                canvas.place(p, centre - p.width / 2, baseline, element_id=factor)
                shown = blanks.get((number, r, k)) or number_text(cell.value, digits)
                canvas.text(shown, centre, numbers_y, num_size, colours.numbers, element_id=f"{factor}-n")
                x += widths[k] + gap
                if k < len(row.cells) - 1:
                    canvas.place(dot, x, baseline)
                    x += dot.width + gap
            if row.value is not None and len(row.cells) > 1:
                blank = blanks.get((number, r))
                shown = f"= {blank}" if blank else f"{row_relation(row, digits)} {number_text(row.value, digits)}"
                canvas.text(shown, x + gap, numbers_y, num_size, colours.numbers, anchor="start", bold=len(block.rows) == 1)
            y = numbers_y + 0.55 * em
        if block.value is not None and len(block.rows) > 1:
            y += 0.9 * num_size
            blank = blanks.get((number,))
            shown = f"Σ = {blank}" if blank else f"Σ {block_relation(block, digits)} {number_text(block.value, digits)}"
            canvas.text(shown, x_cells, y, num_size, colours.numbers, anchor="start", bold=True)
            y += 0.5 * em
        for line in notes.get(number, "").splitlines():  # from the left edge: short lines keep the board's width
            y += 0.8 * em
            canvas.text(line, gap, y, 0.66 * size, colours.muted, anchor="start")
        y += 0.35 * em
    return canvas.document(margin=0.5 * em, background=background)


def row_relation(row: Row, digits: int | str = DEFAULT_DIGITS) -> str:
    """ "=" or "≈" between a row's shown factors and its shown product."""
    values = [cell.value for cell in row.cells]
    if row.value is None or any(v is None for v in values):
        return "="
    return relation([number_text(v, digits) for v in values], "×", number_text(row.value, digits), digits)


def block_relation(block: Block, digits: int | str = DEFAULT_DIGITS) -> str:
    """ "=" or "≈" between a block's shown row values, added, and its shown sum Σ."""
    values = [row.value for row in block.rows]
    if block.value is None or any(v is None for v in values):
        return "="
    return relation([number_text(v, digits) for v in values], "+", number_text(block.value, digits), digits)


def tag_ids(svg: str) -> dict[str, str]:
    """The source / sink tags of a :func:`board_svg` document: ``{element id: role}``."""
    import re

    return {match.group(0): match.group(1) for match in re.finditer(r"tag-(source|sink)-\d+", svg)}


def factor_ids(svg: str) -> dict[str, tuple[int, int, int]]:
    """The factors of a :func:`board_svg` document and the numbers under them: ``{element id: (block, row, cell)}``."""
    import re

    return {m.group(0): (int(m.group(1)), int(m.group(2)), int(m.group(3))) for m in re.finditer(r"factor-(\d+)-(\d+)-(\d+)(?:-n)?", svg)}


def links_svg(
    links: list[BasicLink],
    colours: Colours = Colours(),
    size: float = MATH_SIZE,
    background: str | None = None,
    reasons: list[str] | None = None,
    digits: int | str = DEFAULT_DIGITS,
) -> str:
    """The basic links, one per line: ``∂b/∂a = formula = value``, the ``=`` signs aligned;
    ``reasons`` (in the caller's language) are written small under their links."""
    rows = [(link.latex, link.formula, link.value) for link in links]
    return equations_svg(rows, colours, size, background, notes=reasons, digits=digits)


def equations_svg(
    rows: list[tuple[str, str, float | None]],
    colours: Colours = Colours(),
    size: float = MATH_SIZE,
    background: str | None = None,
    notes: list[str] | None = None,
    digits: int | str = DEFAULT_DIGITS,
    relations: list[str] | None = None,
) -> str:
    """Lines of ``left = formula = value`` (value as a number, or None), the ``=`` signs aligned;
    a line's note, if any, under it in the muted colour.  ``relations`` replaces a line's last
    ``=`` (by "≈", where the formula's shown numbers do not give the shown value)."""
    em = size
    gap = GAP * em
    num_size = NUMBER_SIZE * size
    equals = piece("=", size, colours.text)
    approx = piece(r"\approx", size, colours.text)
    relations = list(relations or [])
    lefts = [piece(left, size, colours.text) for left, _, _ in rows]
    rights = [piece(formula, size, colours.text) for _, formula, _ in rows]
    x_eq = gap + max((p.width for p in lefts), default=0.0) + gap
    x_formula = x_eq + equals.width + gap
    x_value = x_formula + max((p.width for p in rights), default=0.0) + gap
    canvas = _Canvas()
    y = 0.3 * em
    notes = list(notes or [])
    for n, ((_, _, value), left, right) in enumerate(zip(rows, lefts, rights, strict=True)):
        ascent, descent = max(left.ascent, right.ascent), max(left.descent, right.descent)
        baseline = y + ascent
        canvas.place(left, x_eq - gap - left.width, baseline)
        canvas.place(equals, x_eq, baseline)
        canvas.place(right, x_formula, baseline)
        if value is not None:
            near = n < len(relations) and relations[n] == "≈"
            # the id says which sign it is: a viewer explains "≈" in a tooltip, a test reads it
            canvas.place(approx if near else equals, x_value, baseline, element_id=f"relation-{n}-{'approx' if near else 'equals'}")
            canvas.text(
                number_text(value, digits),
                x_value + max(equals.width, approx.width) + gap,
                baseline,
                num_size,
                colours.numbers,
                anchor="start",
            )
        y = baseline + descent + 0.45 * em
        if n < len(notes) and notes[n]:
            canvas.text(notes[n], x_formula, y + 0.25 * em, 0.72 * size, colours.muted, anchor="start")
            y += 0.25 * em + 0.75 * em
    return canvas.document(margin=0.4 * em, background=background)


def equation_svg(latex: str, colours: Colours = Colours(), size: float = MATH_SIZE, background: str | None = None) -> str:
    """One equation (a phase banner's), on its own."""
    canvas = _Canvas()
    p = piece(latex, size, colours.text)
    canvas.place(p, 0.2 * size, 0.2 * size + p.ascent)
    return canvas.document(margin=0.2 * size, background=background)
