"""Exercise sheets built from the network on screen: questions with one numeric answer each.

A student learns backprop by working a number out and being told whether it
is right.  A sheet is drawn from the current run — its network, weights, a
sample, the iteration — by a sheet number, so the same number gives the same
sheet (a teacher hands out sheet 7, the answer key is sheet 7's).  The kinds
themselves are in :mod:`.exercise_kinds`; reading a typed answer and the
score are in :mod:`.exercise_answers`.  No Qt: the CLI writes sheets as JSON
and PDF, the window poses them one by one.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from bpstudio.control.learning.exercise_kinds import BUILDERS, KIND_NAMES, KINDS, TOLERANCE, Draft, NotPosed, Situation, Text, unavailable
from bpstudio.engine.budget import BudgetError
from bpstudio.engine.config import RunConfig
from bpstudio.engine.data import Problem
from bpstudio.engine.snapshot import Snapshot

__all__ = ["KINDS", "KIND_NAMES", "TOLERANCE", "Exercise", "make_sheet", "sheet_json", "unavailable", "Situation"]
TRIES = 40


@dataclass(frozen=True)
class Exercise:
    """One question; ``to_json`` gives the keys of ``bpstudio exercises --json``."""

    id: str
    kind: str
    prompt: Text
    question: Text  # the question alone (the window lays the given numbers out beside it); not in the JSON
    given: tuple[tuple[str, float], ...]
    parameter: str | None
    sample: int | None
    iteration: int
    answer: float
    tolerance: float
    hints: tuple[Text, ...]
    solution: tuple[Text, ...]
    subject: tuple[str, ...] = ()  # see Draft.subject; not written to the JSON

    def to_json(self, config: RunConfig) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "prompt": dict(self.prompt),
            "given": dict(self.given),
            "parameter": self.parameter,
            "sample": self.sample,
            "iteration": self.iteration,
            "answer": self.answer,
            "tolerance": self.tolerance,
            "config": config.to_dict(),
        }


# -- the sheet ------------------------------------------------------------------------------------------
def make_sheet(
    problem: Problem,
    snapshot: Snapshot,
    config: RunConfig,
    sheet: int,
    count: int,
    kinds: Sequence[str] | None = None,
    sample: int | None = None,
) -> list[Exercise]:
    """``count`` exercises chosen by the sheet number ``sheet`` (the same number, the same sheet).

    The kinds take turns in an order the sheet number shuffles, so a sheet
    of 12 holds every available kind once before any twice.  ``sample``
    fixes the sample of the per-sample kinds (the window's chosen one);
    otherwise each draws one.  Raises ValueError for an unknown kind, or
    when none of the kinds asked for can be posed on this run.
    """
    situation = Situation(problem, snapshot, config)
    asked = list(kinds) if kinds else list(KINDS)
    for kind in asked:
        if kind not in BUILDERS:
            raise ValueError(f"unknown kind {kind!r} (choose from {', '.join(KINDS)})")
    possible = [k for k in dict.fromkeys(asked) if unavailable(situation, k) is None]
    if not possible:
        raise ValueError("; ".join(filter(None, (unavailable(situation, k) for k in asked))))
    rng = random.Random(sheet)
    order = possible[:]
    rng.shuffle(order)
    out: list[Exercise] = []
    seen: set[tuple[str, str]] = set()
    dead: set[str] = set()
    turn = 0
    while len(out) < count and len(dead) < len(order):
        kind = order[turn % len(order)]
        turn += 1
        if kind in dead:
            continue
        draft = _draw(situation, kind, rng, sample, seen)
        if draft is None:
            dead.add(kind)
            continue
        seen.add((draft.kind, draft.prompt["en"]))
        out.append(
            Exercise(
                id=f"{sheet}.{len(out) + 1}",
                kind=draft.kind,
                prompt=draft.prompt,
                question=draft.question,
                given=draft.given,
                parameter=draft.parameter,
                sample=draft.sample,
                iteration=situation.iteration,
                answer=draft.answer,
                tolerance=TOLERANCE,
                hints=draft.hints,
                solution=draft.solution,
                subject=draft.subject,
            )
        )
    return out


def _draw(situation: Situation, kind: str, rng: random.Random, sample: int | None, seen: set[tuple[str, str]]) -> Draft | None:
    n = situation.data.n_samples
    for _ in range(TRIES):
        chosen = sample if sample is not None else rng.randrange(n)
        try:
            with np.errstate(all="ignore"):
                draft = BUILDERS[kind](situation, rng, chosen)
        except NotPosed:
            continue
        except BudgetError:  # a chain too large to work out (a very wide net): this kind is not asked
            return None
        if (draft.kind, draft.prompt["en"]) not in seen:
            return draft
    return None


def sheet_json(exercises: Sequence[Exercise], config: RunConfig) -> dict[str, Any]:
    return {"exercises": [e.to_json(config) for e in exercises]}
