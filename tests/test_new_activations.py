"""softplus and leaky ReLU, each added as one record (issue 26), checked against oracles written
from their definitions: f by the formula, f′ by hand and by finite differences of f, backprop by
gradcheck, and the full lesson treatment — board, phases, reason, health, range, both exports."""

import math

import numpy as np
import pytest
from test_script_export import TORCH_PYTHON, engine_run, export, max_relative_difference, needs_torch, run_script

from bpstudio.control.model.unit_maps import hidden_range
from bpstudio.control.words.link_reasons import link_reason
from bpstudio.engine.activations import ACTIVATIONS, get_activation
from bpstudio.engine.chain import InfluenceChain
from bpstudio.engine.chain_board import basic_links
from bpstudio.engine.config import RunConfig
from bpstudio.engine.gradcheck import check_gradient
from bpstudio.engine.graph import ACTIVATION, Y
from bpstudio.engine.phases import BACKWARD, FORWARD, iteration_phases
from bpstudio.engine.propagation import augmented_inputs
from bpstudio.engine.unit_health import unit_health

NEW = ("softplus", "leaky-relu")
POINTS = np.array([-745.0, -60.0, -20.0, -3.0, -0.7, -1e-3, 1e-3, 0.4, 2.5, 19.0, 40.0, 700.0])


def softplus_by_definition(x):
    """log(1 + e^x), written as x + log(1 + e^-x) above 0 so that math.exp never overflows."""
    return x + math.log1p(math.exp(-x)) if x > 0 else math.log1p(math.exp(x))


def sigmoid_by_definition(x):
    return 1.0 / (1.0 + math.exp(-x)) if x >= 0 else math.exp(x) / (1.0 + math.exp(x))


ORACLE = {  # (f, f′) from the definitions
    "softplus": (softplus_by_definition, sigmoid_by_definition),
    "leaky-relu": (lambda x: x if x > 0 else 0.01 * x, lambda x: 1.0 if x > 0 else 0.01),
}


def test_the_new_activations_are_options_of_the_cli_and_the_model():
    assert set(NEW) <= set(ACTIVATIONS)
    for name in NEW:
        net = RunConfig(activation=name).problem().network
        assert net.activation(0).name == name


@pytest.mark.parametrize("name", NEW)
def test_function_and_link_agree_with_the_definition_and_finite_differences(name):
    record = get_activation(name)
    f, slope = ORACLE[name]
    values = record(POINTS.copy())
    for x, value in zip(POINTS, values, strict=False):
        assert value == pytest.approx(f(x), rel=1e-14, abs=1e-300)
    links = np.broadcast_to(record.derivative(POINTS, values), POINTS.shape)
    for x, link in zip(POINTS, links, strict=False):
        assert link == pytest.approx(slope(x), rel=1e-12, abs=1e-300)
    smooth = POINTS[(np.abs(POINTS) > 1e-2) & (np.abs(POINTS) < 50)]  # leaky ReLU has a kink at 0
    h = 1e-6
    central = (record(smooth + h) - record(smooth - h)) / (2 * h)
    np.testing.assert_allclose(record.derivative(smooth, record(smooth)), central, rtol=1e-7, atol=1e-10)


@pytest.mark.parametrize("name", NEW)
@pytest.mark.parametrize("hidden", [(5,), (4, 3)])
def test_backprop_passes_gradcheck(name, hidden):
    trainer = RunConfig(activation=name, hidden=hidden, samples=40, seed=3).trainer()
    result = check_gradient(trainer.network, trainer.weights, trainer.dataset)
    assert result.max_error < 1e-7


@pytest.mark.parametrize(
    "name, latex, text, symbol",
    [
        ("softplus", r"1 - e^{-", "1 − exp(−", r"\mathrm{softplus}"),
        ("leaky-relu", r"+ 0.01\,[", "+ 0.01·[", r"\mathrm{lrelu}"),
    ],
)
def test_board_reason_and_phases_name_the_activation(name, latex, text, symbol):
    config = RunConfig(activation=name, samples=20)
    trainer = config.trainer()
    net = trainer.network
    chain = InfluenceChain.of(net, net.param_location(0))
    hidden = [link for link in basic_links(chain) if link.edge.kind == ACTIVATION and link.edge.target.kind != Y]
    assert hidden and all(latex in link.formula for link in hidden)
    assert all("f'" not in link.formula for link in hidden)  # not the generic f′(I) of an unknown one
    reasons = {link_reason(link.edge, net) for link in hidden}
    assert reasons == {get_activation(name).reason} and name.split("-")[0] in reasons.pop().lower()
    from bpstudio.engine.chain_board import basic_link
    from bpstudio.engine.graph import display_name

    plain = basic_link(hidden[0].edge, net, lambda node: display_name(node, net, "text"), fmt="text")
    assert text in plain.formula
    phases = list(iteration_phases(trainer, sample=1))
    forward = next(p for p in phases if p.kind == FORWARD and p.layer == 0)
    backward = next(p for p in phases if p.kind == BACKWARD and p.layer == 0)
    assert rf"O^{{(1)}} = {symbol}\left(I^{{(1)}}\right)" in forward.equation(net.n_layers, name, config.optimizer)
    assert rf"{symbol}'\left(I^{{(1)}}\right)" in backward.equation(net.n_layers, name, config.optimizer)


def test_health_softplus_saturates_on_its_flat_end_and_leaky_relu_never_dies():
    config = RunConfig(samples=30, seed=2)
    trainer = config.trainer()
    weights = trainer.weights.copy()
    inputs_aug = augmented_inputs(trainer.dataset.inputs)
    off = trainer.network.param_index(0, trainer.network.shapes[0][0] - 1, 2)  # the bias of hidden unit 3
    weights[off] = -60.0  # its I is below −55 on every sample: O ≈ e^I, slope ≈ e^I
    health = {}
    for name in ("relu", "softplus", "leaky-relu"):
        net = RunConfig(samples=30, seed=2, activation=name).problem().network
        health[name] = unit_health(net, weights, inputs_aug)
    assert health["relu"].dead == ((1, 2),) and health["relu"].saturated == ()  # the oracle: O = 0, f′ = 0
    assert health["softplus"].saturated == ((1, 2),) and health["softplus"].dead == ()
    assert health["leaky-relu"].saturated == () and health["leaky-relu"].dead == ()  # its slope is 0.01 there


def test_colour_ranges():
    values = np.array([[-2.0, 0.5], [3.0, np.nan]])
    assert hidden_range("softplus", np.array([0.1, 2.0, 4.5])) == (0.0, 0.0, 4.5)
    assert hidden_range("leaky-relu", values) == (-3.0, 0.0, 3.0)


def config_options(name):
    return ("--activation", name, "--hidden", "6", "--samples", "60", "--seed", "4")


@pytest.mark.parametrize("name", NEW)
def test_numpy_export_reproduces_the_studio_for_1000_iterations(tmp_path, name):
    options = config_options(name)
    run, _ = run_script(export(tmp_path, "numpy", *options), "--max-iter", "1000")
    trainer = engine_run(*options)
    assert run["iterations"] == 1000 and run["stop_reason"] == "max_iter"
    assert max_relative_difference(run["jval"], trainer.history.view()) <= 1e-10


@pytest.mark.torch
@pytest.mark.parametrize("name", NEW)
def test_pytorch_export_reproduces_the_studio_for_1000_iterations(tmp_path, name):
    needs_torch()
    options = config_options(name)
    run, _ = run_script(export(tmp_path, "pytorch", *options), "--max-iter", "1000", python=TORCH_PYTHON)
    trainer = engine_run(*options)
    assert run["iterations"] == 1000 and run["stop_reason"] == "max_iter"
    assert max_relative_difference(run["jval"], trainer.history.view()) <= 1e-10


def test_the_controls_offer_them_by_name_in_both_languages(qtbot, open_studio):
    win = open_studio()
    combo = win.controls.editors["activation"]
    shown = lambda: [combo.itemText(i) for i in range(combo.count())]  # noqa: E731
    assert {"softplus (smooth ReLU)", "leaky ReLU"} <= set(shown())
    assert [combo.itemData(i) for i in range(combo.count())][-2:] == ["softplus", "leaky-relu"]
    win.languages.set_language("zh_CN")
    assert {"softplus（平滑 ReLU）", "泄漏 ReLU"} <= set(shown())
    tip = combo.itemData(combo.findData("leaky-relu"), 3)  # Qt.ToolTipRole
    assert "0.01" in tip and "单元" in tip
