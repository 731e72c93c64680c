"""Every activation and loss record carries every facet the studio uses (issue 26).

The registries are walked and each record's facets checked — not only present, but working:
code that runs and computes what the record's own functions compute, derivatives that agree with
finite differences, words that are translated.  A facet the checks do not know fails the test
too, so a new facet comes with its check; and the test proves itself by removing each facet of
a real record in turn and expecting exactly that facet to be reported.  (The optimizers' part is
tests/test_optimizer_records.py.)
"""

import ast
import dataclasses
import re
import runpy
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
from conftest import REPO

from bpstudio.engine.activations import ALL_ACTIVATIONS, Activation, PhaseRule, ValueRange
from bpstudio.engine.losses import LOSSES, Loss

CHINESE: dict[str, str] = runpy.run_path(str(REPO / "resources" / "translations" / "zh_CN.py"))["TRANSLATIONS"]
PRE = np.array([[-3.0, -0.6, 0.2, 1.1, 2.7], [0.5, -1.4, 0.9, -2.2, 1.3], [1.7, 0.1, -0.8, 0.4, -1.9]])  # (units, samples)
Check = Callable[[Any], bool]


def _option_name(name: Any) -> bool:
    """Spelled as the CLI, the session file and the JSON take it: lower case, digits and hyphens."""
    return isinstance(name, str) and re.fullmatch(r"[a-z][a-z0-9-]*", name) is not None


def _words(text: Any) -> bool:
    return isinstance(text, str) and bool(text.strip()) and bool(CHINESE.get(text))


def _latex(rule: Any, *names: str) -> bool:
    return callable(rule) and isinstance(rule(*names), str) and bool(rule(*names))


def _numpy_code(record: Activation) -> bool:
    """f and f′ as the exported NumPy script writes them, samples in rows, equal to the studio's."""
    code = record.numpy_code
    if not (isinstance(code, tuple) and len(code) == 2 and all(isinstance(c, str) and c for c in code)):
        return False
    inputs = PRE.T.copy()
    value = eval(code[0], {"np": np}, {"I": inputs})
    if not np.allclose(value, record.function(PRE.copy()).T, rtol=1e-15, atol=0):
        return False
    if record.coupled:  # an output's only: its link is the loss's business in the exports
        return True
    link = eval(code[1].split("#")[0], {"np": np}, {"I": inputs, "O": value})
    return bool(np.allclose(link, record.derivative(inputs, value), rtol=1e-15, atol=0))


def _derivative(record: Activation) -> bool:
    """f′ against central differences of f (element-wise ones), away from kinks."""
    if not (callable(record.function) and callable(record.derivative)):
        return False
    if record.coupled:  # softmax: the cached link is ŷ, the Jacobian's diagonal ŷ(1 − ŷ)
        post = record.function(PRE.copy())
        return bool(np.allclose(np.sum(post, axis=0), 1.0)) and np.array_equal(record.derivative(PRE, post), post)
    pre = PRE[np.abs(PRE) > 0.05]
    h = 1e-6
    central = (record.function(pre + h) - record.function(pre - h)) / (2 * h)
    return bool(np.allclose(np.broadcast_to(record.derivative(pre, record.function(pre.copy())), pre.shape), central, rtol=1e-6))


def _health(record: Activation) -> bool:
    if not callable(record.health):
        return False
    saturated, dead = record.health(record.function(PRE.copy()))
    return saturated.shape == dead.shape == (PRE.shape[0],) and saturated.dtype == dead.dtype == np.bool_


ACTIVATION_CHECKS: dict[str, Callable[[Activation], bool]] = {
    "name": lambda r: _option_name(r.name),
    "order": lambda r: isinstance(r.order, int),
    "hidden": lambda r: isinstance(r.hidden, bool),
    "function": lambda r: callable(r.function) and np.all(np.isfinite(r.function(PRE.copy()))),
    "derivative": _derivative,
    "linear": lambda r: isinstance(r.linear, bool) and (not r.linear or np.array_equal(r.function(PRE.copy()), PRE)),
    "coupled": lambda r: isinstance(r.coupled, bool),
    "formula": lambda r: isinstance(r.formula, str) and bool(r.formula),
    "link_latex": lambda r: _latex(r.link_latex, "O", "I"),
    "link_text": lambda r: _latex(r.link_text, "O", "I"),
    "phase": lambda r: isinstance(r.phase, PhaseRule) and _latex(r.phase.forward, "O", "I") and _latex(r.phase.backward, "d", "I"),
    "reason": lambda r: _words(r.reason),
    "numpy_code": _numpy_code,
    "torch_code": lambda r: isinstance(r.torch_code, str) and bool(r.torch_code) and bool(ast.parse(r.torch_code, mode="eval")),
    "value_range": lambda r: isinstance(r.value_range, ValueRange),
    "health": _health,
    "display": lambda r: _words(r.display),
    "tip": lambda r: _words(r.tip),
}


def _targets(output: str, rows: int) -> np.ndarray:
    if output == "softmax":  # one-hot classes
        return np.eye(rows)[:, [0, 2, 1, 0, 2]][:rows]
    return np.array([[1.0, 0.0, 0.0, 1.0, 1.0]] * rows) if output == "sigmoid" else np.linspace(-1, 1, rows * 5).reshape(rows, 5)


def _loss_case(record: Loss, output: str) -> tuple[np.ndarray, np.ndarray, Any, np.ndarray]:
    f = ALL_ACTIVATIONS[output]
    pre = PRE.copy() if output == "softmax" else PRE[:1].copy() if output == "sigmoid" else PRE.copy()
    post = f.function(pre.copy())
    return pre, post, f.derivative(pre, post), _targets(output, pre.shape[0])


def _loss_maths(record: Loss) -> bool:
    """For every output: JVal is the sum of the per-sample losses, dL/dI agrees with central
    differences of JVal, dL/dŷ chained through the output link gives it, the link from the logits
    is dL/dŷ, and the safe products sum to dL/dI."""
    if not all(callable(f) for f in (record.objective, record.per_sample, record.output_gradient, record.output_link)):
        return False
    for output in record.outputs:
        f = ALL_ACTIVATIONS[output]
        pre, post, link, targets = _loss_case(record, output)
        jval, d_pre = record.objective(pre, post, link, targets, output)
        if not np.isclose(jval, float(np.sum(record.per_sample(pre, post, targets, output))), rtol=1e-13):
            return False
        h, numeric = 1e-6, np.zeros_like(pre)
        for index in np.ndindex(pre.shape):
            up, down = pre.copy(), pre.copy()
            up[index] += h
            down[index] -= h

            def value(p, f=f, targets=targets, output=output):
                return float(np.sum(record.per_sample(p, f.function(p.copy()), targets, output)))

            numeric[index] = (value(up) - value(down)) / (2 * h)
        if not np.allclose(d_pre, numeric, rtol=1e-6, atol=1e-8):
            return False
        gradient = record.output_gradient(post, targets, output)
        if not np.allclose(record.output_link(pre, post, targets, output), gradient, rtol=1e-12):
            return False
    return True


def _loss_products(record: Loss) -> bool:
    if record.link_products is None:  # the plain product of the two links is finite
        return True
    if not callable(record.link_products):
        return False
    for output in record.outputs:
        pre, post, link, targets = _loss_case(record, output)
        products = record.link_products(pre, targets, output)
        if not np.allclose(np.sum(products, axis=1), record.objective(pre, post, link, targets, output)[1], rtol=1e-12, atol=1e-15):
            return False
    return True


def _loss_numpy_code(record: Loss) -> bool:
    """Each output's output_loss as the exported script defines it (samples in rows) computes what the studio does."""
    if not (isinstance(record.numpy_code, dict) and set(record.numpy_code) == set(record.outputs)):
        return False
    for output, code in record.numpy_code.items():
        pre, post, link, targets = _loss_case(record, output)
        scope: dict[str, Any] = {"np": np}
        exec(code, scope)
        jval, d_pre = scope["output_loss"](pre.T.copy(), targets.T.copy())
        expected = record.objective(pre, post, link, targets, output)
        if not (np.isclose(jval, expected[0], rtol=1e-13) and np.allclose(d_pre.T, expected[1], rtol=1e-12, atol=1e-15)):
            return False
    return True


def _loss_torch_code(record: Loss) -> bool:
    if not (isinstance(record.torch_code, dict) and set(record.torch_code) == set(record.outputs)):
        return False
    return all("def output_loss(I, targets):" in code and ast.parse(code) for code in record.torch_code.values())


def _for_outputs(rule: Callable[..., Any], *names: str) -> bool:
    return callable(rule) and all(
        isinstance(rule(*names, output), str) and rule(*names, output) for output in ("softmax", "sigmoid", "identity")
    )


LOSS_CHECKS: dict[str, Callable[[Loss], bool]] = {
    "name": lambda r: _option_name(r.name),
    "order": lambda r: isinstance(r.order, int),
    "outputs": lambda r: isinstance(r.outputs, tuple) and bool(r.outputs) and all(o in ALL_ACTIVATIONS for o in r.outputs),
    "objective": _loss_maths,
    "per_sample": lambda r: callable(r.per_sample) and _loss_maths(r),
    "output_gradient": lambda r: callable(r.output_gradient) and _loss_maths(r),
    "output_link": lambda r: callable(r.output_link) and _loss_maths(r),
    "link_products": _loss_products,
    "silent_rows": lambda r: isinstance(r.silent_rows, bool),
    "link_latex": lambda r: _for_outputs(r.link_latex, "y"),
    "link_text": lambda r: _for_outputs(r.link_text),
    "phase": lambda r: _for_outputs(r.phase),
    "phase_output": lambda r: callable(r.phase_output) and all(r.phase_output(o) is None or r.phase_output(o) for o in r.outputs),
    "reason": lambda r: _words(r.reason),
    "node_tip": lambda r: _words(r.node_tip),
    "numpy_code": _loss_numpy_code,
    "torch_code": _loss_torch_code,
    "script_words": lambda r: isinstance(r.script_words, str) and bool(r.script_words),
    "display": lambda r: _words(r.display),
    "tip": lambda r: _words(r.tip),
}


def missing_facets(record: Any, checks: dict[str, Callable[[Any], bool]]) -> list[str]:
    """The facets of ``record`` that are absent or do not work; a field without a check counts as missing."""
    missing = []
    for field in dataclasses.fields(record):
        check = checks.get(field.name)
        try:
            ok = check is not None and bool(check(record))
        except Exception:  # a facet that raises is as missing as an absent one
            ok = False
        if not ok:
            missing.append(field.name)
    return missing


def test_the_registries_hold_the_known_operators():
    assert {"tanh", "sigmoid", "relu", "identity", "softmax", "softplus", "leaky-relu"} <= set(ALL_ACTIVATIONS)
    assert list(LOSSES) == ["mse", "cross-entropy"]


@pytest.mark.parametrize("name", list(ALL_ACTIVATIONS))
def test_every_activation_has_every_facet(name):
    assert missing_facets(ALL_ACTIVATIONS[name], ACTIVATION_CHECKS) == []


@pytest.mark.parametrize("name", list(LOSSES))
def test_every_loss_has_every_facet(name):
    assert missing_facets(LOSSES[name], LOSS_CHECKS) == []


def _removed(value: Any) -> Any:
    """What a facet looks like when it is left out: empty text, nothing, or a function that is not there."""
    if isinstance(value, str):
        return ""
    if isinstance(value, (tuple, dict)):
        return type(value)()
    return None


@pytest.mark.parametrize(
    "record, checks",
    [
        (ALL_ACTIVATIONS["softplus"], ACTIVATION_CHECKS),
        (ALL_ACTIVATIONS["softmax"], ACTIVATION_CHECKS),
        (LOSSES["cross-entropy"], LOSS_CHECKS),
    ],
    ids=["softplus", "softmax", "cross-entropy"],
)
def test_a_record_with_one_facet_removed_is_reported(record, checks):
    for field in dataclasses.fields(record):
        if isinstance(getattr(record, field.name), bool):  # a yes/no facet has no "absent"; its type is what is checked
            broken = dataclasses.replace(record, **{field.name: None})
        elif field.name == "link_products":  # None is a valid answer here ("the plain product"): break it instead
            broken = dataclasses.replace(record, link_products=lambda *args: np.zeros((1, 1, 1)))
        else:
            broken = dataclasses.replace(record, **{field.name: _removed(getattr(record, field.name))})
        assert field.name in missing_facets(broken, checks), field.name


def test_an_untranslated_word_and_a_facet_without_a_check_are_reported():
    record = ALL_ACTIVATIONS["leaky-relu"]
    assert missing_facets(dataclasses.replace(record, tip="a tip nobody translated"), ACTIVATION_CHECKS) == ["tip"]
    unchecked = {name: check for name, check in ACTIVATION_CHECKS.items() if name != "health"}
    assert missing_facets(record, unchecked) == ["health"]


def test_a_record_cannot_be_built_without_a_facet():
    facets = {field.name: getattr(ALL_ACTIVATIONS["tanh"], field.name) for field in dataclasses.fields(Activation)}
    del facets["reason"]
    with pytest.raises(TypeError, match="reason"):
        Activation(**facets)
