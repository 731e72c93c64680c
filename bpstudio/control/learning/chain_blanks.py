"""Which numbers of a typeset chain a worksheet leaves blank, and their answers.

A handout shows the chain of the chosen parameter with every number under
its factor; the worksheet variant asks the student for some of them:

* on every path (every row of the board), one factor — a basic link's
  local derivative worth computing: not 0 or ±1, which the link's shape
  gives away, and not a ∂L/∂v whose own block below prints it as its sum;
  the choice turns from row to row, so the blanks do not all stand in one
  column;
* the chain's result, ∂L/∂w itself: the first block's product (one path) or
  its sum (a source, several paths).

Each blank gets a letter, (a), (b), …, in reading order; the answer is the
number as the handout prints it (:func:`.typeset.number_text`), so the key
reads exactly what the handout would have shown.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from bpstudio.engine.chain_board import Block, Row

LETTERS = "abcdefghijklmnopqrstuvwxyz"


@dataclass(frozen=True)
class Blank:
    key: tuple[int, ...]  # board_svg's: (block, row, factor), (block, row) or (block,)
    letter: str
    value: float

    @property
    def label(self) -> str:
        """What stands in the number's place: "(a) ____"."""
        return f"({self.letter}) ____"


def letter(n: int) -> str:
    """a … z, then aa, ab, …: a long chain still has a name for each blank."""
    return LETTERS[n] if n < len(LETTERS) else letter(n // len(LETTERS) - 1) + LETTERS[n % len(LETTERS)]


def _worth(value: float | None) -> bool:
    return value is not None and math.isfinite(value) and value not in (0.0, 1.0, -1.0)


def _factor(row: Row, turn: int) -> int | None:
    """The row's factor to blank: the ``turn``-th (cyclically) of those worth computing, or None."""
    worth = [k for k, cell in enumerate(row.cells) if cell.edge is not None and _worth(cell.value)]
    return worth[turn % len(worth)] if worth else None


def chain_blanks(blocks: Sequence[Block]) -> list[Blank]:
    """The blanks of a board with numbers, in reading order (a board without numbers has none)."""
    keys: list[tuple[tuple[int, ...], float]] = []
    turn = 0
    for b, block in enumerate(blocks):
        for r, row in enumerate(block.rows):
            k = _factor(row, turn)
            turn += 1
            result = b == 0 and len(block.rows) == 1
            if k is not None and not (result and len(row.cells) == 1):  # a lone factor that is the result is asked once, below
                value = row.cells[k].value
                assert value is not None
                keys.append(((b, r, k), value))
            if result and row.value is not None and math.isfinite(row.value):
                # the chain's result: the row's "= …" after several factors, else its one factor
                keys.append(((b, r) if len(row.cells) > 1 else (b, r, 0), row.value))
        if b == 0 and len(block.rows) > 1 and block.value is not None and math.isfinite(block.value):
            keys.append(((b,), block.value))
    return [Blank(key, letter(n), value) for n, (key, value) in enumerate(keys)]
