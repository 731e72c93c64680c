"""The phase banner shows the run's own loss and output (issue 26): a softmax/cross-entropy run is
not written ŷ = I and L = ½‖ŷ − y‖².  One case per loss and output; L is checked against the
loss's definition, computed here from the phase's own forward values."""

import math

import pytest

from bpstudio.engine.config import RunConfig
from bpstudio.engine.phases import BACKWARD, FORWARD, LOSS, iteration_phases

CASES = {
    "mse/identity": RunConfig(samples=20),
    "cross-entropy/softmax": RunConfig(dataset="gauss", classes=3, samples=30, loss="cross-entropy"),
    "cross-entropy/sigmoid": RunConfig(dataset="xor", samples=20, loss="cross-entropy", output="sigmoid"),
}
# what the output layer's forward equation and the loss equation must say, and must not
SHOWN = {
    "mse/identity": (r"\hat{y} = I^{(2)}", r"\tfrac{1}{2}\lVert \hat{y} - y \rVert^2", r"\log"),
    "cross-entropy/softmax": (r"\hat{y} = \mathrm{softmax}\left(I^{(2)}\right)", r"-\sum_k y_k \log \hat{y}_k", r"\tfrac{1}{2}"),
    "cross-entropy/sigmoid": (r"\hat{y} = \sigma\left(I^{(2)}\right)", r"\log(1 - \hat{y})", r"\tfrac{1}{2}"),
}


def by_definition(case, y_hat, target):
    """L of one sample from the definitions: ½ Σ (ŷ − y)², −Σ y log ŷ, −[y log ŷ + (1 − y) log(1 − ŷ)]."""
    if case == "mse/identity":
        return 0.5 * sum((p - t) ** 2 for p, t in zip(y_hat, target, strict=False))
    if case == "cross-entropy/softmax":
        return -sum(t * math.log(p) for p, t in zip(y_hat, target, strict=False))
    (p,), (t,) = y_hat, target
    return -(t * math.log(p) + (1 - t) * math.log(1 - p))


def walk(config, sample):
    trainer = config.trainer()
    phases = list(iteration_phases(trainer, sample=sample))
    return trainer, phases


@pytest.mark.parametrize("case", list(CASES))
def test_the_banner_equations_are_the_runs_loss_and_output(case):
    config = CASES[case]
    trainer, phases = walk(config, sample=3)
    net = trainer.network
    assert (net.loss, net.output_activation) == tuple(case.split("/"))
    output_forward = next(p for p in phases if p.kind == FORWARD and p.layer == net.n_layers - 1)
    loss = next(p for p in phases if p.kind == LOSS)
    forward_shows, loss_shows, never = SHOWN[case]
    assert forward_shows in output_forward.equation(net.n_layers, config.activation, config.optimizer)
    loss_equation = loss.equation(net.n_layers, config.activation, config.optimizer)
    assert loss_shows in loss_equation and never not in loss_equation
    output_backward = next(p for p in phases if p.kind == BACKWARD and p.layer == net.n_layers - 1)
    backward_equation = output_backward.equation(net.n_layers, config.activation, config.optimizer)
    if net.loss == "cross-entropy":  # the loss and its output together: ∂L/∂I = ŷ − y
        assert r"\frac{\partial L}{\partial I^{(2)}} = \hat{y} - y" in backward_equation
    # the value the banner reports is this loss, by its definition
    y_hat = [output_forward.values[f"y[{k}]"] for k in range(net.sizes[-1])]
    target = [float(v) for v in trainer.dataset.targets[3]]
    assert loss.values["L"] == pytest.approx(by_definition(case, y_hat, target), rel=1e-12)
    assert loss.jval == pytest.approx(config.trainer().jval, rel=1e-14)  # JVal before the step


def test_the_banner_typesets_softmax_and_cross_entropy(qtbot):
    from bpstudio.qt.inspector.phase_banner import PhaseBanner

    config = CASES["cross-entropy/softmax"]
    trainer, phases = walk(config, sample=0)
    banner = PhaseBanner()
    qtbot.addWidget(banner)
    loss = next(p for p in phases if p.kind == LOSS)
    banner.show_phase(loss, trainer.network.n_layers, config.activation, config.optimizer)
    assert r"\log \hat{y}_k" in banner.latex and r"\lVert" not in banner.latex
    assert f"{loss.jval:.6g}" in banner.text()
    output_forward = next(p for p in phases if p.kind == FORWARD and p.layer == trainer.network.n_layers - 1)
    banner.show_phase(output_forward, trainer.network.n_layers, config.activation, config.optimizer)
    assert r"\mathrm{softmax}" in banner.latex
