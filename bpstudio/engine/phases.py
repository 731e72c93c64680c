"""One iteration, phase by phase, the way the article explains backprop.

"Forward computes the basic links, backward chains them": an iteration is

1. forward through each weight layer (the linear link, then the non-linear
   one, caching each link's local derivative),
2. the loss,
3. backward through each layer, last first (chaining the links, summing at
   the sources),
4. the optimizer update (the article's converged1 test, then g, m, v, the
   bias corrections and the step), after which the new point is evaluated
   and the converged2 test made.

:func:`iteration_phases` yields one :class:`Phase` per step of that list.
It calls the very functions the fast path uses, on the trainer's current
weights, so running every phase ends in exactly the state ``Trainer.step()``
would reach — bit for bit.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from bpstudio.engine.activations import get_activation
from bpstudio.engine.losses import PLAYGROUND_MEAN, get_loss, half_squared_error
from bpstudio.engine.optimizers import RECORDS
from bpstudio.engine.propagation import LayerBackward, backward_layer, flat_gradient, forward_layer, output_loss
from bpstudio.engine.snapshot import frozen_array
from bpstudio.engine.trainer import StopReason, Trainer

FORWARD, LOSS, BACKWARD, UPDATE = "forward", "loss", "backward", "update"


@dataclass(frozen=True, eq=False)
class Phase:
    """What one phase produced; arrays are read-only copies.

    ``values`` maps node names (``I1[0]``, ``O1[0]``, ``y[2]``, ``L``) to
    their value for the chosen sample; ``node_gradients`` maps node names to
    dL/dnode for that sample; ``gradient`` is the data-set gradient of the
    layer (backward) or of all parameters (update).
    """

    kind: str
    layer: int | None  # weight layer for forward/backward
    index: int  # position in the iteration, 0-based
    count: int  # phases in this iteration
    iteration: int  # the iteration being computed (k + 1)
    sample: int
    values: dict[str, float] = field(default_factory=dict)
    node_gradients: dict[str, float] = field(default_factory=dict)
    gradient: np.ndarray | None = None
    jval: float | None = None
    optimizer_state: dict[str, np.ndarray] = field(default_factory=dict)
    stop_reason: str | None = None
    weights_before: np.ndarray | None = None  # update: the weights the step started from
    weights_after: np.ndarray | None = None  # update: where it put them
    inputs: tuple[float, ...] = ()  # the sample's input values, to name it on the diagram
    loss: str = "mse"  # the run's loss and output activation: what the loss phase's equation is
    output: str = "identity"

    @property
    def title(self) -> str:
        """In words; layers are named by the nodes they compute, I^(l+1) and O^(l+1)."""
        if self.kind in (FORWARD, BACKWARD):
            assert self.layer is not None, "forward and backward phases name their layer"
            direction = "forward" if self.kind == FORWARD else "backward"
            return f"{direction} through layer {self.layer + 1}"
        if self.kind == LOSS:
            return "loss"
        return "update"

    def equation(self, n_layers: int, activation: str, optimizer: str) -> str:
        """What this phase computes, as LaTeX in the article's notation (with the run's own loss and output)."""
        return phase_equation(self.kind, self.layer, n_layers, activation, optimizer, self.loss, self.output)


_UPDATE_LATEX = {name: record.update for name, record in RECORDS.items()}  # each optimizer's own
# A Playground run's update is Playground's epoch (engine.playground.trainer): a step after every batch B
PLAYGROUND_EPOCH_LATEX = (
    r"\text{each batch } B\!: \; w \leftarrow w - \frac{\alpha}{|B|} \sum_{p \in B} "
    r"\frac{\partial\, \tfrac{1}{2}(\hat{y}_p - y_p)^2}{\partial w} - \alpha\,\lambda\, R'(w)"
)


def phase_equation(
    kind: str, layer: int | None, n_layers: int, activation: str, optimizer: str, loss: str = "mse", output: str = "identity"
) -> str:
    """The equation of a phase: ``layer`` is the weight layer (0-based) of forward/backward.

    The hidden layers' link comes from the activation's record, the output layer's from the
    output activation's, and the loss phase (and the output layer's dL/dI, where the loss gives
    it directly) from the loss's record.
    """
    if kind == LOSS:
        return get_loss(loss).phase(output)
    if kind == UPDATE and loss == PLAYGROUND_MEAN:
        return PLAYGROUND_EPOCH_LATEX
    if kind == UPDATE:
        return _UPDATE_LATEX.get(optimizer, r"w \leftarrow w + \Delta w")
    assert layer is not None
    n, k = layer + 1, layer
    last = n == n_layers
    out = "\\hat{y}" if last else f"O^{{({n})}}"
    rule = get_activation(output if last else activation).phase
    pre = f"I^{{({n})}}"
    if kind == FORWARD:
        linear = rf"{pre} = \tilde{{W}}^{{({k})\top}} \tilde{{O}}^{{({k})}}"
        return rf"{linear}, \quad {rule.forward(out, pre)}"
    direct = get_loss(loss).phase_output(output) if last else None
    through = direct if direct is not None else rule.backward(rf"\frac{{\partial L}}{{\partial {out}}}", pre)
    d_pre = rf"\frac{{\partial L}}{{\partial {pre}}} = {through}"
    d_w = (
        rf"\frac{{\partial L}}{{\partial \tilde{{W}}^{{({k})}}}} = \tilde{{O}}^{{({k})}} "
        rf"\left(\frac{{\partial L}}{{\partial I^{{({n})}}}}\right)^{{\top}}"
    )
    if k == 0:
        return rf"{d_pre}, \quad {d_w}"
    d_out = rf"\frac{{\partial L}}{{\partial O^{{({k})}}}} = W^{{({k})}} \frac{{\partial L}}{{\partial I^{{({n})}}}}"
    return rf"{d_pre}, \quad {d_w}, \quad {d_out}"


def phase_count(trainer: Trainer) -> int:
    return 2 * trainer.network.n_layers + 2


def iteration_phases(trainer: Trainer, sample: int = 0) -> Iterator[Phase]:
    """Advance ``trainer`` by one iteration, yielding after each phase.

    The trainer's state changes only in the last phase (the update).  If the
    generator is abandoned earlier, the trainer is untouched.
    """
    net = trainer.network
    data = trainer.dataset
    if not 0 <= sample < data.n_samples:
        raise IndexError(f"sample {sample} is outside 0..{data.n_samples - 1}")
    count = phase_count(trainer)
    k = trainer.iteration + 1
    weights = trainer.weights
    mats = net.layers(weights)
    position = 0

    inputs = tuple(float(v) for v in data.inputs[sample])

    def make(kind: str, layer: int | None = None, **extra: Any) -> Phase:
        return Phase(kind, layer, position, count, k, sample, inputs=inputs, loss=net.loss, output=net.output_activation, **extra)

    passes = []
    layer_inputs = data.inputs_aug
    for layer, matrix in enumerate(mats):
        step = forward_layer(net, layer, layer_inputs, matrix)
        passes.append(step)
        layer_inputs = step.augmented
        values = {f"I{layer + 1}[{j}]": float(v) for j, v in enumerate(step.pre[:, sample])}
        out_names = (
            [f"y[{j}]" for j in range(step.post.shape[0])]
            if layer == net.n_layers - 1
            else [f"O{layer + 1}[{j}]" for j in range(step.post.shape[0])]
        )
        values.update({name: float(v) for name, v in zip(out_names, step.post[:, sample], strict=True)})
        if layer == 0:
            values.update({f"O0[{i}]": float(v) for i, v in enumerate(data.inputs[sample])})
        yield make(FORWARD, layer, values=values)
        position += 1

    d_pre: np.ndarray | None = None  # dL/dI of the output layer, when the loss gives it directly
    if net.is_plain_mse:  # the article's loss, computed exactly as the fast path does
        jval, residual = half_squared_error(passes[-1].post, data.targets_t)
        sample_loss = 0.5 * float(np.sum(residual[:, sample] ** 2))
        d_outputs = residual
    else:
        jval, d_pre = output_loss(net, passes[-1], data.targets_t)
        if net.penalized:
            jval += net.penalty(weights)[0]
        last = passes[-1]
        column = slice(sample, sample + 1)
        loss = net.loss_record
        d_outputs = loss.output_gradient(last.post, data.targets_t, net.output_activation)
        sample_loss = float(loss.per_sample(last.pre[:, column], last.post[:, column], data.targets_t[:, column], net.output_activation)[0])
    yield make(LOSS, jval=jval, values={"L": sample_loss}, node_gradients={f"y[{j}]": float(r) for j, r in enumerate(d_outputs[:, sample])})
    position += 1

    backward_passes: list[LayerBackward] = []  # last layer first
    d_post: np.ndarray | None = d_outputs
    for layer in reversed(range(net.n_layers)):
        result = backward_layer(passes[layer], d_post, mats[layer], with_inputs=layer > 0, d_pre=d_pre)
        d_pre = None
        backward_passes.append(result)
        d_post = result.d_inputs
        node_grads = {f"I{layer + 1}[{j}]": float(v) for j, v in enumerate(result.d_pre[:, sample])}
        if result.d_inputs is not None:
            node_grads.update({f"O{layer}[{i}]": float(v) for i, v in enumerate(result.d_inputs[:, sample])})
        yield make(BACKWARD, layer, node_gradients=node_grads, gradient=frozen_array(result.grad))
        position += 1

    gradient = flat_gradient(backward_passes[::-1])
    if net.penalized:
        gradient = gradient + net.penalty(weights)[1]
    if trainer.batches is not None:
        # the step uses the mini-batch's gradient; the phases above show the whole set's
        gradient = trainer.gradient
    reason = trainer.check_before_step() if trainer.stop_reason is None else trainer.stop_reason
    if reason is not None:
        trainer.stop_reason = reason
        yield make(
            UPDATE,
            gradient=frozen_array(gradient),
            jval=trainer.jval,
            optimizer_state=trainer.optimizer.state(),
            stop_reason=reason.value,
            weights_before=frozen_array(weights),
            weights_after=frozen_array(weights),
        )
        return
    with np.errstate(over="ignore", invalid="ignore"):
        new_weights = trainer.optimizer.step(weights, gradient, k)
        new_jval, new_gradient = trainer.evaluate_step(new_weights, k)
        trainer.accept(new_weights, new_jval, new_gradient)
    reason = trainer.stop_reason
    yield make(
        UPDATE,
        gradient=frozen_array(gradient),
        jval=trainer.jval,
        optimizer_state=trainer.optimizer.state(),
        stop_reason=None if reason is None else reason.value,
        weights_before=frozen_array(weights),
        weights_after=frozen_array(trainer.weights),
    )


__all__ = ["Phase", "iteration_phases", "phase_count", "phase_equation", "FORWARD", "LOSS", "BACKWARD", "UPDATE", "StopReason"]
