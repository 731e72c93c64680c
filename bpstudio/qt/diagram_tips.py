"""Tooltips on the diagram's nodes and links, filled in when the mouse rests on it.

The texts (:mod:`bpstudio.control.diagram_tips`) carry numbers of the current
weights and sample, so they are made at the moment a tooltip is asked for —
a few milliseconds, never on the training's 30 Hz path.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QObject

from ..control.diagram_tips import CONTEXT, link_tips, node_tips
from ..engine.graph import NodeNames
from .i18n import marked


class DiagramTips(QObject):
    """Watches the view's viewport for tooltip requests and gives every item its text."""

    def __init__(self, view) -> None:
        super().__init__(view)
        self.view = view
        self.sample = 0  # the inspector's sample; a phase walk uses its own
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.ToolTip:
            self.refresh()
        return False  # the view shows the item's tooltip as usual

    def refresh(self) -> None:
        view = self.view
        problem = view.problem
        if problem is None or not view.weight_edges:
            return
        weights = np.array([view.weight_edges[i].weight for i in range(len(view.weight_edges))])
        sample = view.phase.sample if view.phase is not None else self.sample
        sample = min(max(int(sample), 0), problem.dataset.n_samples - 1)
        names = NodeNames.of(problem.dataset)
        translate = lambda text: marked(CONTEXT, text)  # noqa: E731
        for node, text in node_tips(problem.network, names, weights, problem.dataset, sample, translate).items():
            view.nodes[node].set_tip(text)
        tips = link_tips(problem.network, names, weights, problem.dataset, sample, translate)
        for item in view.edges:
            item.set_tip(tips.get(item.edge, ""))
