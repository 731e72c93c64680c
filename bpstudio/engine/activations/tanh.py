"""tanh, the article's activation: O = tanh(I), dO/dI = 1 − O² (the article's ``1 - I1_tanh ** 2``)."""

from __future__ import annotations

import numpy as np

from bpstudio.engine.activations._record import SATURATION, Activation, ValueRange, elementwise_phase
from bpstudio.engine.messages import QT_TRANSLATE_NOOP


def _health(post: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Saturated: |O| > 0.99 on every sample, the unit sits on the flat ends of its curve."""
    return np.all(np.abs(post) > SATURATION, axis=1), np.zeros(post.shape[0], dtype=bool)


RECORD = Activation(
    name="tanh",
    order=10,
    hidden=True,
    function=np.tanh,
    derivative=lambda i, o: 1.0 - o * o,
    linear=False,
    coupled=False,
    formula="1 - O^2",
    link_latex=lambda o, i: rf"1 - \left({o}\right)^2",
    link_text=lambda o, i: f"1 − ({o})²",
    phase=elementwise_phase(r"\tanh"),
    reason=QT_TRANSLATE_NOOP("LinkReasons", "tanh′(I) = 1 − tanh²(I) = 1 − O²: read from the unit's output"),
    numpy_code=("np.tanh(I)", "1.0 - O * O  # the article's 1 - I1_tanh ** 2"),
    torch_code="torch.tanh(I)",
    value_range=ValueRange(-1.0, 0.0, 1.0),
    health=_health,
    display=QT_TRANSLATE_NOOP("Options", "tanh"),
    tip=QT_TRANSLATE_NOOP("Options", "tanh, as in the article: an S-curve from −1 to 1, slope 1 − O²"),
)
