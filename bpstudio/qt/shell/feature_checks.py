"""Playground's input features as check boxes: each ticked one becomes an input node.

The engine spells them x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2 (the CLI's
``--features``); a student reads x₁, x₂, x₁², x₂², x₁x₂, sin x₁, sin x₂.
The widget hands the ticked names out in the engine's order, as the text
``parse_setting("features", ...)`` reads, so the controls panel checks and
commits it like any other field.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QWidget

from bpstudio.engine.features import FEATURES

SHOWN = {"x1": "x₁", "x2": "x₂", "x1sq": "x₁²", "x2sq": "x₂²", "x1x2": "x₁x₂", "sinx1": "sin x₁", "sinx2": "sin x₂"}


class FeatureChecks(QWidget):
    toggled = Signal()  # the user ticked or cleared a box

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(10)
        layout.setVerticalSpacing(2)
        self.boxes: dict[str, QCheckBox] = {}
        for i, name in enumerate(FEATURES):
            box = QCheckBox(SHOWN[name])
            box.setObjectName(f"feature_{name}")
            box.clicked.connect(self.toggled.emit)  # clicks only, not set_features
            layout.addWidget(box, i // 2, i % 2)
            self.boxes[name] = box

    def text(self) -> str:
        """The ticked features as the engine spells them, comma-separated, in the engine's order."""
        return ",".join(name for name, box in self.boxes.items() if box.isChecked())

    def set_features(self, names) -> None:
        chosen = set(names)
        for name, box in self.boxes.items():
            box.setChecked(name in chosen)

    def setToolTip(self, text: str) -> None:  # noqa: N802 - Qt's name; the boxes say it too
        super().setToolTip(text)
        for box in self.boxes.values():
            box.setToolTip(text)
