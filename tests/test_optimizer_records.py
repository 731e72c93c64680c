"""Every optimizer's record carries every facet the studio uses — and a missing one is caught.

The facets are what the studio reads about an optimizer (docs/extending.md, "Adding an optimizer"): its step,
its hyper-parameters with bounds and refusals, the parts of one step (the chain JSON's
``optimizer_step``), the inspector's lines, the phase banner's equation, the NumPy and PyTorch code,
and its words in both languages.  :func:`missing_facets` checks one record; the test walks the
registry, then proves the check by removing each facet from a real record in turn.
"""

import dataclasses
import sys
from pathlib import Path

import numpy as np
import pytest

from bpstudio.control import Step
from bpstudio.control.files.session_file import load_session, save_session
from bpstudio.control.runtime.session import TrainingSession
from bpstudio.control.words.optimizer_lines import optimizer_lines
from bpstudio.engine.config import RunConfig
from bpstudio.engine.optimizer_step import optimizer_step
from bpstudio.engine.optimizers import OPTIMIZERS, RECORDS, Optimizer, OptimizerRecord, Setting, validate_hyperparameter
from bpstudio.engine.phases import UPDATE, phase_equation
from bpstudio.engine.snapshot import Snapshot

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "resources" / "translations"))
from zh_CN import TRANSLATIONS  # noqa: E402

PLAIN_GD = r"-\alpha\, g ="  # the plain-GD rule: only gd may show it


def snapshot_after_two_steps(record: OptimizerRecord) -> Snapshot:
    """Two steps of the record's own step on three weights, as the trainer's snapshot holds them."""
    optimizer = record.step()
    optimizer.reset(3)
    x = np.array([0.5, -1.0, 2.0])
    for k, g in enumerate((np.array([1.0, -2.0, 0.5]), np.array([0.3, 0.1, -4.0])), start=1):
        x = optimizer.step(x, g, k)
    return Snapshot.capture(2, 1.0, x, np.zeros(3), record.name, optimizer.hyper, optimizer.state(), None)


def missing_facets(record: OptimizerRecord) -> list[str]:
    """The facets of ``record`` that are absent, empty or do not work; [] when it is complete."""
    missing = []
    texts = {"display": record.display, "summary": record.summary, "update": record.update}
    missing += [name for name, text in texts.items() if not isinstance(text, str) or not text.strip()]
    if not (isinstance(record.step, type) and issubclass(record.step, Optimizer)) or record.step.name != record.name:
        missing.append("step")
        return missing  # nothing below can be tried without the step
    if not record.settings or any(not isinstance(s, Setting) or not s.meaning.strip() for s in record.settings):
        missing.append("settings")
    for setting in record.settings:
        hyper = setting.hyper
        if not hyper.refusal or not hyper.symbol or not hyper.latex:
            missing.append(f"settings: {hyper.key}'s refusal, symbol or latex")
        default = record.step.defaults.get(hyper.key)
        if default is None or not hyper.allows(default):
            missing.append(f"settings: {hyper.key}'s default")
    keys = [key for key, _ in record.parts]
    if not keys or keys[0] != "gradient" or keys[-1] != "step":
        missing.append("parts")
    if "class Optimizer" not in record.numpy_code or "def step(self, x, g, k)" not in record.numpy_code:
        missing.append("numpy_code")
    if "def make_optimizer(w)" not in record.torch_code or "torch.optim." not in record.torch_code:
        missing.append("torch_code")
    for key in (record.display, record.summary, *(s.meaning for s in record.settings)):
        if key and key not in TRANSLATIONS:
            missing.append(f"translation of {key!r}")
    if missing:
        return missing
    snapshot = snapshot_after_two_steps(record)
    step = optimizer_step(snapshot, 1)
    if step is None or set(step) != {"t", "weight_before", "weight_after", *keys}:
        missing.append("parts")  # the state does not hold what the parts name
        return missing
    lines = record.lines(step, dict(snapshot.hyper), lambda v: f"{v:.4g}") if callable(record.lines) else []
    if not lines or lines[-1][0] != r"\Delta w" or lines[-1][2] != step["step"]:
        missing.append("lines")
    return missing


@pytest.mark.parametrize("name", list(RECORDS))
def test_every_optimizer_record_is_complete(name):
    assert missing_facets(RECORDS[name]) == []


@pytest.mark.parametrize("name", list(RECORDS))
def test_every_place_reads_the_record(name):
    """The step block, the JSON's parts and the phase banner are the record's, never the plain-GD fallback."""
    record = RECORDS[name]
    assert OPTIMIZERS[name] is record.step
    snapshot = snapshot_after_two_steps(record)
    step = optimizer_step(snapshot, 0)
    lines = optimizer_lines(step, name, dict(snapshot.hyper))
    assert [left for left, _, _ in lines][:2] == ["t", "g"] and lines[-1][0] == "w_t"
    assert lines[-1][2] == step["weight_after"] == snapshot.weights[0]
    assert (PLAIN_GD in "".join(formula for _, formula, _ in lines)) == (name == "gd")
    assert phase_equation(UPDATE, None, 1, "tanh", name) == record.update
    for setting in record.settings:  # the shared rules refuse a value out of bounds
        with pytest.raises(ValueError, match=setting.key):
            validate_hyperparameter(setting.key, setting.hyper.low - 1)


@pytest.mark.parametrize("name", list(RECORDS))
def test_every_optimizers_session_resumes_on_the_same_trajectory(name, tmp_path):
    """The state a record's step keeps is what a session file saves and a resumed run needs."""
    original = TrainingSession(RunConfig(samples=40, optimizer=name, alpha=1e-4))
    original.execute(Step(6))
    path = tmp_path / "run.bpstudio"
    save_session(path, original)
    original.execute(Step(9))
    resumed = TrainingSession()
    resumed.load(load_session(path))
    assert resumed.trainer.optimizer.name == name
    resumed.execute(Step(9))
    np.testing.assert_array_equal(resumed.trainer.weights, original.trainer.weights)
    np.testing.assert_array_equal(resumed.trainer.history.view(), original.trainer.history.view())


EMPTIED = {
    "display": "",
    "summary": " ",
    "update": "",
    "numpy_code": "",
    "torch_code": "# nothing",
    "parts": (),
    "lines": lambda step, hyper, n: [],
}


@pytest.mark.parametrize("facet", list(EMPTIED))
def test_a_record_with_a_facet_removed_is_reported(facet):
    record = dataclasses.replace(RECORDS["adam"], **{facet: EMPTIED[facet]})
    assert any(entry.startswith(facet) for entry in missing_facets(record)), facet


def test_a_setting_without_meaning_or_translation_is_reported():
    record = RECORDS["adam"]
    settings = list(record.settings)
    settings[1] = dataclasses.replace(settings[1], meaning="")
    silent = dataclasses.replace(record, settings=tuple(settings))
    assert "settings" in missing_facets(silent)
    untranslated = dataclasses.replace(record, summary="a phrase nobody translated")
    assert missing_facets(untranslated) == ["translation of 'a phrase nobody translated'"]


def test_parts_that_the_state_does_not_hold_are_reported():
    record = RECORDS["adam"]
    wrong = dataclasses.replace(record, parts=(("gradient", "gradient"), ("m", "moment_that_is_not_kept"), ("step", "step")))
    assert missing_facets(wrong) == ["parts"]


def test_a_record_whose_step_does_not_match_its_settings_is_refused():
    with pytest.raises(ValueError, match="settings"):
        dataclasses.replace(RECORDS["adam"], settings=RECORDS["adam"].settings[:1])


def test_the_controls_follow_each_record(qtbot, open_studio):
    """Choosing an optimizer enables exactly its settings, each explained by its record, in the menu's words."""
    from bpstudio.qt.shell.controls_panel import HYPER_FIELDS

    win = open_studio(RunConfig(samples=40))
    combo = win.controls.editors["optimizer"]
    assert [combo.itemData(i) for i in range(combo.count())] == list(RECORDS)
    for name, record in RECORDS.items():
        index = combo.findData(name)
        assert combo.itemText(index) == record.display
        assert f"{record.display}: {record.summary}" in combo.toolTip()
        combo.setCurrentIndex(index)
        combo.activated.emit(index)
        qtbot.waitUntil(lambda name=name: win.last.config.optimizer == name, timeout=10000)
        for field in HYPER_FIELDS:
            editor, setting = win.controls.editors[field], record.setting(field)
            assert editor.isEnabled() == (setting is not None), (name, field)
            if setting is not None:
                assert editor.toolTip() == win.controls.labels[field].toolTip() == setting.meaning, (name, field)
