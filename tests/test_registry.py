"""The operator registry finds records in their own modules, in a stable order, and refuses mix-ups."""

import sys

import pytest

from bpstudio.engine.registry import collect


class Record:
    def __init__(self, name, order=100):
        self.name, self.order = name, order


def _package(tmp_path, monkeypatch, modules):
    root = tmp_path / "ops_pkg"
    root.mkdir()
    (root / "__init__.py").write_text("")
    for name, body in modules.items():
        (root / f"{name}.py").write_text(body)
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setitem(sys.modules, "test_registry_records", sys.modules[__name__])
    for key in [k for k in sys.modules if k.startswith("ops_pkg")]:
        monkeypatch.delitem(sys.modules, key)
    return "ops_pkg", [str(root)]


HEAD = "from test_registry_records import Record\n"


def test_records_are_gathered_by_order_then_name_and_helpers_are_skipped(tmp_path, monkeypatch):
    package, path = _package(
        tmp_path,
        monkeypatch,
        {
            "zeta": HEAD + "RECORD = Record('zeta', order=1)",
            "alpha": HEAD + "RECORD = Record('alpha', order=2)",
            "beta": HEAD + "RECORD = Record('beta', order=2)",
            "shared": "X = 1",
            "_private": "raise RuntimeError('never imported')",
        },
    )
    assert list(collect(package, path, Record)) == ["zeta", "alpha", "beta"]


@pytest.mark.parametrize(
    "modules, error",
    [
        ({"one": "RECORD = 3"}, TypeError),
        ({"one": HEAD + "RECORD = Record('same')", "two": HEAD + "RECORD = Record('same')"}, ValueError),
    ],
)
def test_a_wrong_kind_or_a_name_used_twice_says_so(tmp_path, monkeypatch, modules, error):
    package, path = _package(tmp_path, monkeypatch, modules)
    with pytest.raises(error):
        collect(package, path, Record)
