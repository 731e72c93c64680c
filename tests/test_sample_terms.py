"""Every sample's term of a weight's gradient (issue 28): ``chain --per-sample --format csv`` and the
inspector's table, checked against the chain's own gradient (the factored chain rule summed over
the samples, an independent path from the per-sample backward pass)."""

import csv

import numpy as np
import pytest
from PySide6.QtCore import Qt

from bpstudio.cli import chain as chain_cli
from bpstudio.cli.options import config_from_args
from bpstudio.control.files.sample_terms import SampleTerms
from bpstudio.engine.chain import InfluenceChain

RUN = ["--samples", "40", "--test-fraction", "0.25", "--l2", "0.01", "--iterations", "3"]


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def test_the_cli_lists_every_training_samples_term_and_they_sum_to_the_gradient(tmp_path):
    out = tmp_path / "terms.csv"
    assert chain_cli.main(["--param", "W1[2,1]", *RUN, "--per-sample", "--format", "csv", "--out", str(out)]) == 0
    rows = read_csv(out)
    header, body = rows[0], rows[1:]
    config = config_from_args(chain_cli.build_parser().parse_args(["--param", "W1[2,1]", *RUN]))
    trainer = config.with_changes(max_iter=3).trainer(config.problem())
    trainer.run()
    data = trainer.dataset
    assert data.n_samples == 30 and len(body) == 30  # the training samples only (a quarter is held out), no total row
    inputs, targets = list(data.input_names), list(data.target_names)
    assert header == ["sample", *inputs, *(f"{t} predicted" for t in targets), *(f"{t} target" for t in targets), "term"]
    assert [int(r[0]) for r in body] == list(range(30))  # counted as --sample counts
    for row in body:  # 17 significant digits
        for cell in row[1:]:
            digits = cell.lower().split("e")[0].replace("-", "").replace(".", "").lstrip("0")
            assert len(digits) <= 17 and float(cell) == float(f"{float(cell):.17g}")
    numbers = np.array([[float(c) for c in r] for r in body])
    assert np.array_equal(numbers[:, 1 : 1 + len(inputs)], data.inputs)
    assert np.array_equal(numbers[:, -1 - len(targets) : -1], data.targets)
    chain = InfluenceChain.of(trainer.network, "W1[2,1]")
    whole = chain.evaluate(trainer.weights, data)
    assert np.sum(numbers[:, -1]) == pytest.approx(whole.chain_gradient, rel=1e-12)  # the L2 penalty included
    # and each sample's term is that sample's chain value (its share of the penalty, dR/dw / n, with it)
    for s in (0, 17, 29):
        assert numbers[s, -1] == pytest.approx(chain.evaluate(trainer.weights, data, sample=s).chain_gradient, rel=1e-12)


def test_per_sample_needs_csv(capsys):
    from bpstudio.cli.options import UsageError

    with pytest.raises((UsageError, SystemExit)):
        chain_cli.main(["--param", "W0[0,0]", "--per-sample"])


def test_the_windows_table_sorts_and_exports_what_the_cli_writes(qtbot, open_studio, tmp_path):
    args = ["--samples", "40", "--l2", "0.01"]
    config = config_from_args(chain_cli.build_parser().parse_args(["--param", "W0[1,2]", *args]))
    win = open_studio(config)
    index = win.problem.network.param_index(0, 1, 2)
    win.network_view.select_param(index)
    qtbot.waitUntil(lambda: win.inspector.view is not None and win.inspector.view.index == index, timeout=10000)
    button = win.inspector.sums.every_term
    qtbot.waitUntil(button.isEnabled, timeout=10000)
    button.click()
    dialog = win.inspector.sample_terms
    qtbot.waitUntil(lambda: dialog is not None and dialog.table is not None, timeout=10000)
    assert dialog.isVisible() and dialog.model.rowCount() == 40
    ours = tmp_path / "window.csv"
    assert dialog.export_to(str(ours))
    theirs = tmp_path / "cli.csv"
    assert chain_cli.main(["--param", "W0[1,2]", *args, "--per-sample", "--format", "csv", "--out", str(theirs)]) == 0
    assert ours.read_bytes() == theirs.read_bytes()
    # sorted by the term, descending: the view's first row holds the largest
    term = dialog.model.columnCount() - 1
    dialog.view.sortByColumn(term, Qt.SortOrder.DescendingOrder)
    shown = [dialog.model.value(r, term) for r in range(40)]
    assert shown == sorted(dialog.table.terms, reverse=True)
    assert read_csv(ours)[1][0] == "0"  # the export keeps the samples' order whatever the view's sort


def test_a_large_table_is_a_model_over_arrays_and_sorts_by_any_column(qtbot):
    from bpstudio.qt.inspector.sample_terms_table import SampleTermsModel

    rng = np.random.default_rng(0)
    n = 70_000
    columns = (np.arange(n), rng.normal(size=n), rng.normal(size=n))
    table = SampleTerms(("sample", "x", "term"), columns, float(np.sum(columns[2])), 0.0)
    model = SampleTermsModel()
    model.set_table(table)
    assert model.rowCount() == n and model.columnCount() == 3
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert [model.value(r, 1) for r in (0, 1, n - 1)] == [np.sort(columns[1])[k] for k in (0, 1, n - 1)]
    assert model.data(model.index(0, 0)) == str(int(np.argmin(columns[1])))


def test_with_no_weight_chosen_the_box_shows_no_empty_bars_and_they_come_with_a_weight(qtbot, open_studio):
    win = open_studio()
    box = win.inspector.sums
    win.model.select(None)
    qtbot.waitUntil(lambda: win.inspector.view is None and box.terms is None, timeout=10000)
    assert not box.histogram.isVisible()  # not seven lines of nothing: on a projector, half the panel
    assert box.sizeHint().height() < box.histogram.sizeHint().height()
    win.network_view.select_param(0)
    qtbot.waitUntil(lambda: box.terms is not None, timeout=10000)
    assert box.histogram.isVisible() and box.histogram.height() >= box.histogram.sizeHint().height()
