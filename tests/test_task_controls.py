"""The data and task controls: what applies, a change rebuilds the run, a refusal is said; accuracy shown."""

import numpy as np
from PySide6.QtWidgets import QCheckBox, QLabel

from bpstudio.engine.classes import accuracy
from bpstudio.engine.config import RunConfig


def pick(window, field, value):
    combo = window.controls.editors[field]
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def type_in(window, field, text):
    editor = window.controls.editors[field]
    editor.setText(text)
    editor.editingFinished.emit()


def new_run(qtbot, window, **expected):
    qtbot.waitUntil(
        lambda: all(getattr(window.last.config, k) == v for k, v in expected.items()) and window.problem is window.last.problem,
        timeout=10000,
    )
    return window.last.problem


def test_settings_that_do_not_apply_are_disabled_saying_why(open_studio):
    window = open_studio()
    editors = window.controls.editors
    for field in ("classes", "noise", "features", "loss"):
        assert not editors[field].isEnabled(), field
    assert "2-D" in editors["features"].toolTip() and "classes" in editors["loss"].toolTip()
    # the article's inputs are r, g, b: no x₁, x₂ box ticked as if they were fed to the network
    assert not any(box.isChecked() for box in editors["features"].findChildren(QCheckBox))
    assert editors["dataset"].isEnabled() and editors["output"].isEnabled()
    assert editors["l1"].isEnabled() and editors["batch_size"].isEnabled()
    window.controls.show_config(RunConfig(dataset="circle"))
    assert [box.objectName() for box in editors["features"].findChildren(QCheckBox) if box.isChecked()] == ["feature_x1", "feature_x2"]
    assert not editors["classes"].isEnabled()
    assert editors["classes"].toolTip() == "circle has 2 classes; gauss and spiral also come with 3."
    assert editors["features"].isEnabled() and editors["noise"].isEnabled() and editors["loss"].isEnabled()
    assert not editors["formulas"].isEnabled()
    window.controls.show_config(RunConfig(dataset="spiral", classes=3))
    assert editors["classes"].isEnabled() and editors["classes"].currentData() == "3"


def test_choosing_a_data_set_and_features_rebuilds_the_problem(qtbot, open_studio):
    window = open_studio()
    pick(window, "dataset", "spiral")
    problem = new_run(qtbot, window, dataset="spiral")
    assert problem.network.sizes == (2, 5, 2) and problem.dataset.input_names == ("x1", "x2")
    assert window.controls.editors["features"].isEnabled()
    box = window.controls.findChild(QCheckBox, "feature_x1x2")
    box.click()
    problem = new_run(qtbot, window, features=("x1", "x2", "x1x2"))
    assert problem.network.sizes == (3, 5, 2)
    pick(window, "loss", "cross-entropy")
    problem = new_run(qtbot, window, loss="cross-entropy")
    assert window.controls.editors["output"].currentData() == "softmax"
    assert problem.network.output_activation == "softmax"
    pick(window, "classes", "3")
    problem = new_run(qtbot, window, classes=3)
    assert problem.network.sizes == (3, 5, 3)
    for field, text, value in (
        ("noise", "0.2", 0.2),
        ("l2", "0.01", 0.01),
        ("batch_size", "16", 16),
        ("samples", "90", 90),
        ("test_fraction", "0.2", 0.2),
    ):
        type_in(window, field, text)
        new_run(qtbot, window, **{field: value})
    assert window.last.problem.test is not None and window.last.problem.all_data.n_samples == 90
    pick(window, "dataset", "plane")  # a regression set takes mse along, and 2 classes
    problem = new_run(qtbot, window, dataset="plane")
    assert window.last.config.loss == "mse" and problem.network.sizes == (3, 5, 1)
    window.controls.article_button.click()
    problem = new_run(qtbot, window, dataset="article")
    assert problem.network.sizes == (3, 5, 3) and window.last.config.features == ()


def test_a_refused_value_is_said_next_to_its_field_and_changes_nothing(qtbot, open_studio):
    window = open_studio(RunConfig(dataset="xor", loss="cross-entropy"))
    before = window.last.config
    pick(window, "output", "linear")
    error = window.controls.findChild(QLabel, "error_output")
    assert error.isVisible() and error.text() == "cross-entropy needs softmax or sigmoid outputs"
    assert window.controls.editors["output"].currentData() == "softmax"  # the choice in use stays shown
    type_in(window, "noise", "0.9")
    assert window.controls.findChild(QLabel, "error_noise").text() == "noise must be from 0 to 0.5"
    type_in(window, "l1", "-1")
    assert window.controls.findChild(QLabel, "error_l1").text() == "l1 must be a number, 0 or greater"
    window.languages.set_language("zh_CN")
    type_in(window, "batch_size", "-3")
    assert window.controls.findChild(QLabel, "error_batch_size").text() == "批大小必须是大于或等于 0 的整数（0 表示整个数据集）"
    window.languages.set_language("en")
    assert window.training.session.config == before
    window.controls.findChild(QCheckBox, "feature_x1").click()
    new_run(qtbot, window, features=("x2",))
    window.controls.findChild(QCheckBox, "feature_x2").click()  # the last one: refused, stays ticked
    assert window.controls.findChild(QLabel, "error_features").text() == "tick at least one input feature"
    assert window.controls.findChild(QCheckBox, "feature_x2").isChecked()
    assert window.training.session.config.features == ("x2",)


def test_accuracy_beside_jval_in_the_status_bar_and_the_plot(qtbot, open_studio):
    config = RunConfig(dataset="xor", samples=80, test_fraction=0.25, hidden=(4,), loss="cross-entropy")
    window = open_studio(config)
    with qtbot.waitSignal(window.training.updated, timeout=5000):
        window.training.step(30)
    qtbot.waitUntil(lambda: window.last.iteration == 30, timeout=5000)
    problem, weights = window.last.problem, window.last.snapshot.weights
    train = accuracy(problem.network, weights, problem.dataset.inputs, problem.dataset.targets)
    test = accuracy(problem.network, weights, problem.test.inputs, problem.test.targets)
    text = f"accuracy {train:.1%} · test {test:.1%}"
    field = window.status.fields["accuracy"]
    assert field.text() == text and field.isVisible()
    window.plot.redraw()
    assert text in window.plot.getPlotItem().titleLabel.text
    window.languages.set_language("zh_CN")
    assert field.text() == f"准确率 {train:.1%} · 测试 {test:.1%}"
    assert "准确率" in window.plot.getPlotItem().titleLabel.text
    window.languages.set_language("en")


def test_a_regression_run_shows_no_accuracy(qtbot, open_studio):
    window = open_studio()
    with qtbot.waitSignal(window.training.updated, timeout=5000):
        window.training.step(2)
    qtbot.waitUntil(lambda: window.last.iteration == 2, timeout=5000)
    assert window.last.scores is None
    assert not window.status.fields["accuracy"].isVisible()
    assert "accuracy" not in window.plot.getPlotItem().titleLabel.text
    assert np.isfinite(window.last.snapshot.jval)


def test_an_empty_hidden_sizes_is_a_network_without_hidden_layer_and_back(qtbot, open_studio):
    window = open_studio(RunConfig(dataset="xor", loss="cross-entropy"))
    type_in(window, "hidden", "")
    problem = new_run(qtbot, window, hidden=())
    assert problem.network.sizes == (2, 2)
    assert window.controls.editors["hidden"].placeholderText() == "none: inputs straight to the outputs"
    type_in(window, "hidden", "4")
    assert new_run(qtbot, window, hidden=(4,)).network.sizes == (2, 4, 2)
