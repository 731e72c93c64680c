"""Every word a student reads is in their language: option names, formula and CSV errors."""

from PySide6.QtWidgets import QComboBox

from bpstudio.engine.config import ConfigError, RunConfig
from bpstudio.engine.csv_data import CsvDataError, dataset_from_csv
from bpstudio.qt.shell.i18n import localized


def shown_items(combo):
    return [combo.itemText(i) for i in range(combo.count())]


def test_option_names_are_words_in_both_languages_and_values_stay_the_engines(qtbot, open_studio):
    win = open_studio()
    controls = win.controls
    win.languages.set_language("zh_CN")
    assert shown_items(controls.editors["optimizer"])[:4] == ["Adam", "梯度下降", "动量", "Nesterov 动量"]  # then later additions
    assert shown_items(controls.editors["init"]) == ["均匀", "全零"]
    visible = {text for combo in controls.findChildren(QComboBox) for text in shown_items(combo)}
    assert not visible & {"adam", "gd", "momentum", "nesterov", "rmsprop", "uniform", "zeros", "identity"}
    combo = controls.editors["optimizer"]
    with qtbot.waitSignal(controls.change_requested) as request:
        combo.setCurrentIndex(combo.findText("梯度下降"))
        combo.activated.emit(combo.currentIndex())
    assert request.args == ["optimizer", "gd"]
    qtbot.waitUntil(lambda: win.last.config.optimizer == "gd", timeout=5000)
    assert combo.currentText() == "梯度下降"
    win.languages.set_language("en")
    assert shown_items(controls.editors["optimizer"])[:4] == ["Adam", "gradient descent", "momentum", "Nesterov momentum"]
    assert combo.currentText() == "gradient descent" and controls.text_of("optimizer") == "gd"


def test_a_mistyped_function_is_named_in_the_users_language(qtbot, open_studio):
    win = open_studio()
    win.languages.set_language("zh_CN")
    field = win.controls.editors["formulas"]
    field.setText("x = sinn(r)")
    field.editingFinished.emit()
    assert win.controls.errors["formulas"].text() == "未知函数“sinn”：请使用 sin, cos, exp, tanh, abs, sqrt"
    win.languages.set_language("en")
    field.setText("x = sinn(r)")
    field.editingFinished.emit()
    assert win.controls.errors["formulas"].text() == "unknown function “sinn”: use sin, cos, exp, tanh, abs, sqrt"


def test_formula_and_csv_errors_keep_their_templates(tmp_path):
    try:
        RunConfig(formulas=("x = r + q",))
    except ConfigError as err:
        assert str(err) == "unknown name “q”: use the inputs r, g, b"
        assert err.template == "unknown name “{name}”: use the inputs {inputs}" and err.params["name"] == "q"
    else:
        raise AssertionError("q was accepted")
    table = tmp_path / "t.csv"
    table.write_text("a,t\n1,2\nzwei,4\n", encoding="utf-8")
    try:
        dataset_from_csv(table, ("a",), ("t",))
    except CsvDataError as err:
        assert localized(err) == "t.csv, row 3, column a: “zwei” is not a number"
        assert err.params == {"file": "t.csv", "row": 3, "column": "a", "cell": "zwei"}
    else:
        raise AssertionError("zwei was read as a number")
