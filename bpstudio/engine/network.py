"""The shape of a feed-forward network and the article's parameter layout.

Every layer ``l`` is one augmented matrix ``W~(l) = [W(l); b(l)]`` of shape
``(n_in + 1, n_out)``: the bias is simply the last row, fed by a constant 1
node.  All matrices are flattened row-major and concatenated into one flat
parameter vector, which is exactly the article's layout
(``W[:20] -> W0 (4, 5)``, ``W[20:] -> W1 (6, 3)`` for sizes 3-5-3).
The optimizer sees only the flat vector; the network knows how to view it
as matrices and how to name each entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from bpstudio.engine.activations import Activation, get_activation
from bpstudio.engine.losses import PLAYGROUND_MEAN, Loss, get_loss, mean_record

_PARAM_NAME = re.compile(r"^\s*W(\d+)\s*\[\s*(\d+)\s*,\s*(\d+)\s*\]\s*$")


@dataclass(frozen=True)
class Network:
    """Layer sizes plus activations; holds no weights (those are a flat vector)."""

    sizes: tuple[int, ...]
    hidden_activation: str = "tanh"
    output_activation: str = "identity"
    # What is minimised (the article's: JVal = sum of 1/2 ||y_hat - y||^2, no
    # penalty).  They belong to the graph, not only to training: L hangs off
    # the outputs through the loss, and a penalty adds its own branch
    # w -> R -> L to every non-bias weight's chain.
    loss: str = "mse"  # or "cross-entropy" (softmax or sigmoid outputs)
    l1: float = 0.0  # R = l1 * sum |w| + l2/2 * sum w^2 over the non-bias weights
    l2: float = 0.0
    # Playground's loss is a mean: the number of training points it is taken over (0 for a sum)
    mean_over: int = 0
    shapes: tuple[tuple[int, int], ...] = field(init=False, repr=False)
    offsets: tuple[int, ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        sizes = tuple(int(s) for s in self.sizes)
        if len(sizes) < 2:
            raise ValueError("a network needs at least an input and an output layer")
        if any(s < 1 for s in sizes):
            raise ValueError(f"layer sizes must be positive, got {sizes}")
        if not get_activation(self.hidden_activation).hidden:
            raise ValueError(f"{self.hidden_activation} is an output activation, not a hidden one")
        get_activation(self.output_activation)
        get_loss(self.loss)  # an unknown loss's error lists the names
        if (self.loss == PLAYGROUND_MEAN) != (self.mean_over > 0):
            raise ValueError("Playground's mean loss, and only it, is taken over a number of points")
        if self.output_activation not in get_loss(self.loss).outputs:
            raise ValueError(f"{self.loss} needs {' or '.join(get_loss(self.loss).outputs)} outputs")
        if not (self.l1 >= 0 and self.l2 >= 0 and np.isfinite(self.l1) and np.isfinite(self.l2)):
            raise ValueError("the penalty rates l1 and l2 must be finite and 0 or greater")
        shapes = tuple((n_in + 1, n_out) for n_in, n_out in zip(sizes[:-1], sizes[1:], strict=True))
        offsets = [0]
        for rows, cols in shapes:
            offsets.append(offsets[-1] + rows * cols)
        object.__setattr__(self, "sizes", sizes)
        object.__setattr__(self, "shapes", shapes)
        object.__setattr__(self, "offsets", tuple(offsets))

    # -- structure -------------------------------------------------------
    @property
    def n_layers(self) -> int:
        """Number of weight layers (the article's 3-5-3 net has two)."""
        return len(self.shapes)

    @property
    def n_params(self) -> int:
        return self.offsets[-1]

    def activation(self, layer: int) -> Activation:
        """Activation applied after weight layer ``layer`` (the last one is the output's)."""
        return self._activations[layer]

    @cached_property
    def _activations(self) -> tuple[Activation, ...]:
        hidden = get_activation(self.hidden_activation)
        return (hidden,) * (self.n_layers - 1) + (get_activation(self.output_activation),)

    @property
    def loss_record(self) -> Loss:
        """The loss as an object: propagation, phases, the chain and the exports call it."""
        return mean_record(self.mean_over) if self.mean_over else get_loss(self.loss)

    @property
    def penalized(self) -> bool:
        """True when an L1 or L2 penalty is part of what is minimised."""
        return self.l1 > 0 or self.l2 > 0

    @cached_property
    def is_plain_mse(self) -> bool:
        """The article's objective: half squared error, element-wise outputs, no penalty.

        Such a network takes the original code path, bit for bit.
        """
        return self.loss == "mse" and not self.activation(self.n_layers - 1).coupled and not self.penalized

    @cached_property
    def weight_mask(self) -> np.ndarray:
        """1.0 for every non-bias weight of the flat vector, 0.0 for the biases (read-only)."""
        mask = np.ones(self.n_params)
        for layer, (_rows, cols) in enumerate(self.shapes):
            end = self.offsets[layer + 1]
            mask[end - cols : end] = 0.0  # the last row of each matrix is the bias
        mask.flags.writeable = False
        return mask

    def penalty(self, flat: np.ndarray) -> tuple[float, np.ndarray]:
        """``(R, dR/dw)`` of the L1/L2 penalty on the non-bias weights (zero without one).

        dR/dw = l1 sign(w) + l2 w: at w = 0 exactly, L1's derivative is taken as 0.
        """
        w = np.asarray(flat, dtype=float) * self.weight_mask
        value = self.l1 * float(np.sum(np.abs(w))) + 0.5 * self.l2 * float(np.dot(w, w))
        return value, self.l1 * np.sign(w) + self.l2 * w

    def penalty_values(self, rows: np.ndarray) -> np.ndarray:
        """R of :meth:`penalty` for each row of ``(points, n_params)`` weights (the landscape's points)."""
        w = np.asarray(rows, dtype=float) * self.weight_mask
        values: np.ndarray = self.l1 * np.sum(np.abs(w), axis=-1) + 0.5 * self.l2 * np.einsum("kp,kp->k", w, w)
        return values

    # -- flat vector <-> matrices ----------------------------------------
    def layers(self, flat: np.ndarray) -> list[np.ndarray]:
        """Views of the flat parameter vector as the augmented matrices (no copy)."""
        if not (isinstance(flat, np.ndarray) and flat.ndim == 1):
            flat = np.asarray(flat).reshape(-1)
        if flat.size != self.n_params:
            raise ValueError(f"expected {self.n_params} parameters, got {flat.size}")
        return [flat[a:b].reshape(shape) for a, b, shape in self._slices]

    @cached_property
    def _slices(self) -> tuple[tuple[int, int, tuple[int, int]], ...]:
        return tuple(zip(self.offsets[:-1], self.offsets[1:], self.shapes, strict=True))

    def flatten(self, matrices: list[np.ndarray]) -> np.ndarray:
        """Concatenate augmented matrices into a new flat vector."""
        if len(matrices) != self.n_layers:
            raise ValueError(f"expected {self.n_layers} matrices, got {len(matrices)}")
        for m, shape in zip(matrices, self.shapes, strict=True):
            if np.shape(m) != shape:
                raise ValueError(f"matrix of shape {np.shape(m)} where {shape} was expected")
        return np.concatenate([np.asarray(m, dtype=float).reshape(-1) for m in matrices])

    # -- names -----------------------------------------------------------
    def param_index(self, layer: int, row: int, col: int) -> int:
        """Flat index of ``W<layer>[row, col]`` (row ``n_in`` is the bias)."""
        if not 0 <= layer < self.n_layers:
            raise IndexError(f"layer {layer} out of range 0..{self.n_layers - 1}")
        rows, cols = self.shapes[layer]
        if not (0 <= row < rows and 0 <= col < cols):
            raise IndexError(f"W{layer}[{row},{col}] is outside the {rows}x{cols} matrix")
        return self.offsets[layer] + row * cols + col

    def param_location(self, index: int) -> tuple[int, int, int]:
        """Inverse of :meth:`param_index`: ``(layer, row, col)``."""
        if not 0 <= index < self.n_params:
            raise IndexError(f"parameter index {index} out of range")
        layer = int(np.searchsorted(self.offsets, index, side="right")) - 1
        rows, cols = self.shapes[layer]
        row, col = divmod(index - self.offsets[layer], cols)
        return layer, row, col

    def param_name(self, index: int) -> str:
        layer, row, col = self.param_location(index)
        return f"W{layer}[{row},{col}]"

    def param_names(self) -> list[str]:
        return [self.param_name(i) for i in range(self.n_params)]

    def parse_param(self, name: str) -> tuple[int, int, int]:
        """Parse ``'W0[1,2]'`` into ``(layer, row, col)``; the error lists the valid names."""
        match = _PARAM_NAME.match(name)
        if match:
            layer, row, col = (int(g) for g in match.groups())
            try:
                self.param_index(layer, row, col)
                return layer, row, col
            except IndexError:
                pass
        ranges = ", ".join(f"W{layer}[0..{r - 1},0..{c - 1}]" for layer, (r, c) in enumerate(self.shapes))
        raise ValueError(f"unknown parameter {name!r}: valid names are {ranges} (the last row of each matrix is the bias)")

    def is_bias(self, layer: int, row: int) -> bool:
        return row == self.shapes[layer][0] - 1

    def describe(self) -> str:
        """Short text such as ``3-5-3 tanh``."""
        text = "-".join(str(s) for s in self.sizes) + f" {self.hidden_activation}"
        if not self.activation(self.n_layers - 1).linear:  # softmax or sigmoid outputs are named
            text += f" {self.output_activation}"
        return text
