"""Tooltips on the diagram's nodes and links, filled in when the mouse comes near.

The texts (:mod:`bpstudio.control.words.diagram_tips`) carry numbers of the current
weights and sample, so they are made when the mouse enters an item (a few
milliseconds, and only when weights, sample or language changed since the
last time) — never on the training's 15 Hz path.  The items ask for them in
their hover handler (:mod:`.diagram_items`); no event filter: a Python filter
on a widget is called while that widget is being destroyed, and crashes.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

import numpy as np

from bpstudio.control.words.diagram_tips import CONTEXT, LINK, link_tips, node_tips
from bpstudio.engine.graph import NodeNames
from bpstudio.qt.shell.i18n import marked


class DiagramTips:
    """Gives every node and link of a view its tooltip for the current weights and sample."""

    def __init__(self, view) -> None:
        self._view = weakref.ref(view)  # no cycle through the view's wrapper
        # the chosen sample, read from its one owner (the studio model); a phase walk uses its own
        self.sample_of: Callable[[], int] = lambda: 0
        self._shown_for: tuple[object, ...] | None = None

    def refresh(self) -> None:
        view = self._view()
        if view is None or view.problem is None or not view.weight_edges:
            return
        problem = view.problem
        weights = np.array([view.weight_edges[i].weight for i in range(len(view.weight_edges))])
        sample = view.phase.sample if view.phase is not None else self.sample_of()
        sample = min(max(int(sample), 0), problem.dataset.n_samples - 1)
        translate = lambda text: marked(CONTEXT, text)  # noqa: E731
        key = (id(problem), weights.tobytes(), sample, translate(LINK), len(view.edges))
        if key == self._shown_for:
            return
        names = NodeNames.of(problem.dataset)
        for node, text in node_tips(problem.network, names, weights, problem.dataset, sample, translate).items():
            view.nodes[node].set_tip(text)
        tips = link_tips(problem.network, names, weights, problem.dataset, sample, translate)
        for item in view.edges:
            item.set_tip(tips.get(item.edge, ""))
        self._shown_for = key


def refresh_tips_for(event) -> None:
    """From an item's hover event: fill the tooltips of the view it is shown in."""
    widget = event.widget()
    view = widget.parent() if widget is not None else None
    tips = getattr(view, "tips", None)
    if isinstance(tips, DiagramTips):
        tips.refresh()
