"""What a student types as an answer, read kindly; right or wrong; the sheet's score.

An answer is one number.  People write it as they learned to: ``0.0588``,
``0,0588`` (a decimal comma), ``-5.88e-2``, ``−5,88E-2`` (a typographic minus),
with spaces around it or between the digits, or with a Chinese input method's
full-width digits and punctuation (``０．０５８８``).  All of those are read.  Anything
else is not an error: it comes back as a one-line hint saying what a number
looks like, so the student can try again.  Texts are in both languages (the
exercises' own texts are, see :mod:`.exercises`); no Qt here.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field

# a number once spaces are gone and the decimal mark is a point
_NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
_TIMES_TEN = re.compile(r"^(.*?)(?:[x×*·]10\^?)([+-]?\d+)$")  # 1.2×10^-3, 1.2*10^-3, 1.2x10-3
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻", "0123456789+-")

HINT_EMPTY = {"en": "Type a number, e.g. -0.0588 or 1.2e-3.", "zh_CN": "请输入一个数，例如 -0.0588 或 1.2e-3。"}
HINT_NOT_A_NUMBER = {
    "en": "That is not a number: write e.g. -0.0588, -0,0588 or -5.88e-2.",
    "zh_CN": "这不是一个数：请写成例如 -0.0588、-0,0588 或 -5.88e-2。",
}
HINT_TWO_MARKS = {
    "en": "Use one decimal mark, a point or a comma, and no thousands separator: e.g. 1234.5 or 1234,5.",
    "zh_CN": "只用一个小数点（点或逗号），不要千位分隔符：例如 1234.5 或 1234,5。",
}
HINT_NOT_FINITE = {"en": "The answer is a finite number.", "zh_CN": "答案是一个有限的数。"}


@dataclass(frozen=True)
class Reading:
    """A typed text read: ``value`` when it is a number, else ``hint`` (en, zh_CN) says why not."""

    value: float | None
    hint: dict[str, str] | None = None


def read_answer(text: str) -> Reading:
    """The number in ``text``, or a hint; never raises."""
    plain = unicodedata.normalize("NFKC", str(text)).translate(_SUPERSCRIPTS)
    plain = "".join(ch for ch in plain if not ch.isspace())
    plain = plain.replace("−", "-").replace("–", "-").replace("，", ",").replace("。", ".")
    if not plain:
        return Reading(None, HINT_EMPTY)
    if plain.lower().lstrip("+-") in ("inf", "infinity", "nan", "∞"):
        return Reading(None, HINT_NOT_FINITE)
    power = 0
    times_ten = _TIMES_TEN.match(plain)
    if times_ten:
        plain, power = times_ten.group(1), int(times_ten.group(2))
    if plain.count(",") + plain.count(".") > 1:
        return Reading(None, HINT_TWO_MARKS)
    plain = plain.replace(",", ".")
    if not _NUMBER.match(plain):
        return Reading(None, HINT_NOT_A_NUMBER)
    try:
        value = float(plain) * 10.0**power
    except (ValueError, OverflowError):
        return Reading(None, HINT_NOT_A_NUMBER)
    if not math.isfinite(value):
        return Reading(None, HINT_NOT_FINITE)
    return Reading(value)


def is_right(value: float, answer: float, tolerance: float) -> bool:
    """Within ``tolerance`` of the answer, relative to the answer's size."""
    return abs(value - answer) <= tolerance * abs(answer)


def near_miss(value: float, answer: float, tolerance: float) -> dict[str, str] | None:
    """A wrong answer that is a common slip (the sign, a factor of 10): said, in a line."""
    if is_right(-value, answer, tolerance):
        return {"en": "Right size, wrong sign.", "zh_CN": "大小对了，符号错了。"}
    for factor in (10.0, 100.0, 0.1, 0.01):
        if is_right(value / factor, answer, tolerance):
            return {"en": "Off by a power of ten: check the decimal point.", "zh_CN": "差了 10 的整数次幂：请检查小数点。"}
    return None


# -- the score ----------------------------------------------------------------------------------
UNANSWERED, WRONG, RIGHT, SHOWN = "unanswered", "wrong", "right", "shown"


@dataclass
class SheetScore:
    """Each exercise's state; an answer found right after its solution was shown does not score."""

    count: int
    states: list[str] = field(default_factory=list)
    hints_taken: list[bool] = field(default_factory=list)
    tried: list[bool] = field(default_factory=list)  # a number was typed (right or wrong)

    def __post_init__(self) -> None:
        self.states = [UNANSWERED] * self.count
        self.hints_taken = [False] * self.count
        self.tried = [False] * self.count

    def answered(self, index: int, right: bool) -> None:
        self.tried[index] = True
        if self.states[index] in (RIGHT, SHOWN):
            return
        self.states[index] = RIGHT if right else WRONG

    def hint(self, index: int) -> None:
        self.hints_taken[index] = True

    def solution_shown(self, index: int) -> None:
        if self.states[index] != RIGHT:
            self.states[index] = SHOWN

    @property
    def right(self) -> int:
        return self.states.count(RIGHT)

    @property
    def attempted(self) -> int:
        """Exercises answered with a number at least once."""
        return sum(self.tried)
