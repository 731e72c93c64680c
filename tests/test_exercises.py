"""Exercises (issue 28): every kind's answer against an independent computation from the definitions.

The oracle here shares nothing with the studio but the data and the start
weights: its own forward pass (layers read from the article's flat layout),
derivatives by central finite differences of the values it defines (a basic
link is the change of its target when its source alone is moved), and its
own Adam, momentum and GD replaying the run from the start.  Three nets: the
article's 3-5-3 tanh, a 2-4-2 softmax/cross-entropy net and a 3-6-4-3
sigmoid net.
"""

from __future__ import annotations

import math
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from conftest import REPO, run_bpstudio

from bpstudio.control.learning.exercise_answers import SheetScore, is_right, near_miss, read_answer
from bpstudio.control.learning.exercise_kinds import given_name, num
from bpstudio.control.learning.exercises import KINDS, make_sheet, sheet_json
from bpstudio.engine.config import RunConfig

H = 1e-6

NETS = {
    "article": RunConfig(samples=6),
    "article-1000": RunConfig(),
    "softmax-2-4-2": RunConfig(dataset="xor", hidden=(4,), loss="cross-entropy", samples=8, seed=3),
    "sigmoid-3-6-4-3": RunConfig(hidden=(6, 4), activation="sigmoid", samples=7, optimizer="momentum", alpha=0.01),
    "article-l2": RunConfig(samples=6, l2=0.3, optimizer="gd", alpha=0.002),  # each sample carries dR/dw / n
    "sigmoid-ce-2-3-1": RunConfig(dataset="circle", hidden=(3,), loss="cross-entropy", output="sigmoid", samples=8, seed=2),
}
ITERATIONS = {"article": 3, "article-1000": 0, "softmax-2-4-2": 2, "sigmoid-3-6-4-3": 4, "article-l2": 2, "sigmoid-ce-2-3-1": 3}


# -- the oracle ---------------------------------------------------------------------------------------------
def act(name, x):
    return {"tanh": np.tanh, "sigmoid": lambda v: 1 / (1 + np.exp(-v)), "identity": lambda v: v}[name](x)


class Oracle:
    """The network of a config, computed from the definitions (no studio code but the data and the start)."""

    def __init__(self, config: RunConfig):
        problem = config.problem()
        self.config = config
        self.X = np.array(problem.dataset.inputs)
        self.T = np.array(problem.dataset.targets)
        self.start = np.array(problem.start)
        self.sizes = [self.X.shape[1], *config.hidden, self.T.shape[1]]
        self.hidden = config.activation
        self.out = config.output_activation
        self.ce = config.loss == "cross-entropy"

    def mats(self, w):
        out, at = [], 0
        for n_in, n_out in zip(self.sizes[:-1], self.sizes[1:], strict=False):
            out.append(w[at : at + (n_in + 1) * n_out].reshape(n_in + 1, n_out))
            at += (n_in + 1) * n_out
        return out

    def nodes(self, w, s, bump=None):
        """Every node of sample s by the studio's machine names, with ``bump`` = (name, h) added where it is made."""
        name_b, h = bump or (None, 0.0)
        v = {}

        def put(name, value):
            v[name] = value + (h if name == name_b else 0.0)
            return v[name]

        mats = self.mats(w)
        o = [put(f"O0[{i}]", self.X[s, i]) for i in range(self.sizes[0])]
        for layer, m in enumerate(mats):
            last = layer == len(mats) - 1
            pre = [put(f"I{layer + 1}[{j}]", sum(o[i] * m[i, j] for i in range(len(o))) + m[-1, j]) for j in range(m.shape[1])]
            if last and self.out == "softmax":
                e = np.exp(np.array(pre) - max(pre))
                o = [put(f"y[{k}]", e[k] / e.sum()) for k in range(len(pre))]
            elif last:
                o = [put(f"y[{k}]", act(self.out, pre[k])) for k in range(len(pre))]
            else:
                o = [put(f"O{layer + 1}[{j}]", act(self.hidden, pre[j])) for j in range(len(pre))]
        y, t = np.array(o), self.T[s]
        if not self.ce:
            loss = 0.5 * float(np.sum((y - t) ** 2))
        elif self.out == "softmax":
            loss = -float(np.sum(t * np.log(y)))
        else:
            loss = -float(np.sum(t * np.log(y) + (1 - t) * np.log(1 - y)))
        v["L"] = put("L", loss)
        return v

    def jval(self, w, samples=None):
        """Σ Lₛ over the samples, plus their share of the penalty R (all of it for the whole set)."""
        rows = range(len(self.X)) if samples is None else samples
        weights = np.concatenate([m[:-1].ravel() for m in self.mats(w)])  # the bias rows are not penalised
        penalty = self.config.l1 * np.abs(weights).sum() + 0.5 * self.config.l2 * (weights**2).sum()
        return sum(self.nodes(w, s)["L"] for s in rows) + penalty * len(rows) / len(self.X)

    def d_weight(self, w, index, samples=None, of="L", s=None):
        plus, minus = w.copy(), w.copy()
        plus[index] += H
        minus[index] -= H
        if of == "L":
            return (self.jval(plus, samples) - self.jval(minus, samples)) / (2 * H)
        return (self.nodes(plus, s)[of] - self.nodes(minus, s)[of]) / (2 * H)

    def d_node(self, w, s, source, target):
        return (self.nodes(w, s, (source, H))[target] - self.nodes(w, s, (source, -H))[target]) / (2 * H)

    def gradient(self, w):
        return np.array([self.d_weight(w, i) for i in range(w.size)])

    def replay(self, iterations, optimizer):
        """The run's weights after each iteration, by the optimizer's definition (the article's Adam)."""
        c = self.config
        w = self.start.copy()
        m = np.zeros_like(w)
        v = np.zeros_like(w)
        history = [w.copy()]
        for k in range(1, iterations + 1):
            g = self.gradient(w)
            if optimizer == "adam":
                m = c.beta1 * m + (1 - c.beta1) * g
                v = c.beta2 * v + (1 - c.beta2) * g * g
                w = w - c.alpha * (m / (1 - c.beta1**k)) / (np.sqrt(v / (1 - c.beta2**k)) + c.epsilon)
            elif optimizer == "momentum":
                m = c.beta1 * m + g
                w = w - c.alpha * m
            else:
                w = w - c.alpha * g
            history.append(w.copy())
        return history


def param_index(oracle, name):
    layer, rest = name[1:].split("[")
    row, col = (int(x) for x in rest.rstrip("]").split(","))
    offset = sum((a + 1) * b for a, b in zip(oracle.sizes[: int(layer)], oracle.sizes[1 : int(layer) + 1], strict=False))
    return offset + row * oracle.sizes[int(layer) + 1] + col


def expected(oracle: Oracle, exercise, history) -> float:
    """The exercise's answer from the definitions."""
    w = history[-1]
    kind, s = exercise.kind, exercise.sample
    if kind == "link":
        source, target = exercise.subject
        if source.startswith("W"):
            return oracle.d_weight(w, param_index(oracle, source), of=target, s=s)
        return oracle.d_node(w, s, source, target)
    if kind == "path":
        names = exercise.subject
        product = oracle.d_weight(w, param_index(oracle, names[0]), of=names[1], s=s)
        for a, b in zip(names[1:], names[2:], strict=False):
            product *= oracle.d_node(w, s, a, b)
        return product
    if kind == "source":
        return oracle.d_node(w, s, exercise.subject[0], "L")
    if kind == "sample-gradient":
        return oracle.d_weight(w, param_index(oracle, exercise.parameter), samples=[s])
    if kind in ("sample-sum", "nudge"):
        g = oracle.d_weight(w, param_index(oracle, exercise.parameter))
        return g if kind == "sample-sum" else g * dict(exercise.given)["Δw"]
    if kind == "softmax-ce":
        pre, target = exercise.subject[0], int(exercise.subject[1])
        layer = len(oracle.sizes) - 1
        logits = np.array([oracle.nodes(w, s)[f"I{layer}[{k}]"] for k in range(oracle.sizes[-1])])
        j = int(pre.split("[")[1].rstrip("]"))

        def loss(z):
            return -(z[target] - math.log(np.sum(np.exp(z))))

        up, down = logits.copy(), logits.copy()
        up[j] += H
        down[j] -= H
        return (loss(up) - loss(down)) / (2 * H)
    optimizer = kind.removesuffix("-step")
    index = param_index(oracle, exercise.parameter)
    if oracle.config.optimizer == optimizer and len(history) > 1:  # the step that made these weights
        return history[-1][index] - history[-2][index]
    g = oracle.d_weight(w, index)  # one step from here, with fresh moments
    c = oracle.config
    if optimizer == "adam":
        m, v = (1 - c.beta1) * g, (1 - c.beta2) * g * g
        return -c.alpha * (m / (1 - c.beta1)) / (math.sqrt(v / (1 - c.beta2)) + c.epsilon)
    return -c.alpha * g  # GD, and momentum's first step (u = g)


@pytest.fixture(scope="module")
def worked():
    """Each net's sheet of every kind, with the oracle's replayed run."""
    out = {}
    for key, config in NETS.items():
        k = ITERATIONS[key]
        trainer = config.with_changes(max_iter=k).trainer()
        trainer.run()
        sheet = make_sheet(trainer.problem, trainer.snapshot(), config, sheet=11, count=30)
        oracle = Oracle(config)
        history = oracle.replay(k, config.optimizer) if key != "article-1000" else [oracle.start]
        out[key] = (config, trainer, sheet, oracle, history)
    return out


@pytest.mark.parametrize("key", list(NETS))
def test_every_kinds_answer_agrees_with_the_definitions(worked, key):
    config, trainer, sheet, oracle, history = worked[key]
    kinds = {e.kind for e in sheet}
    expected_kinds = set(KINDS) - ({"sample-sum"} if key == "article-1000" else set())
    expected_kinds -= {"softmax-ce", "source"} if key == "sigmoid-ce-2-3-1" else set()  # one output: no softmax, no branching
    assert kinds == expected_kinds, f"{key}: missing {expected_kinds - kinds}"
    assert np.allclose(history[-1], trainer.weights, rtol=1e-6, atol=1e-9), "the oracle's replay is the run"
    for exercise in sheet:
        want = expected(oracle, exercise, history)
        assert exercise.answer == pytest.approx(want, rel=1e-5, abs=1e-9), (key, exercise.kind, exercise.prompt["en"])
        assert is_right(want, exercise.answer, exercise.tolerance)
        assert 0 < exercise.tolerance <= 0.05 and math.isfinite(exercise.answer)


@pytest.mark.parametrize("key", list(NETS))
def test_the_answer_follows_from_the_numbers_given_as_printed(worked, key):
    """A student who works from the six printed digits lands within the tolerance."""
    _, _, sheet, _, _ = worked[key]
    for e in sheet:
        g = {name: float(f"{value:.6g}") for name, value in e.given}
        if e.kind == "path":
            got = math.prod(g.values())
        elif e.kind == "sample-sum":
            got = sum(g.values())
        elif e.kind == "nudge":
            got = math.prod(g.values())
        elif e.kind == "source":
            values = list(g.values())
            got = sum(a * b for a, b in zip(values[::2], values[1::2], strict=False))
        elif e.kind == "gd-step":
            got = -g["α"] * g["g"]
        elif e.kind == "momentum-step":
            got = -g["α"] * (g["β"] * g["u (before)"] + g["g"])
        elif e.kind == "adam-step":
            t = g["t"]
            m = g["β₁"] * g["m (before)"] + (1 - g["β₁"]) * g["g"]
            v = g["β₂"] * g["v (before)"] + (1 - g["β₂"]) * g["g"] ** 2
            got = -g["α"] * (m / (1 - g["β₁"] ** t)) / (math.sqrt(v / (1 - g["β₂"] ** t)) + g["ε"])
        elif e.kind == "softmax-ce":
            logits = np.array([v for name, v in g.items() if name != "class"])
            y = np.exp(logits - logits.max())
            y /= y.sum()
            j = int(e.subject[0].split("[")[1].rstrip("]"))
            got = y[j] - (1.0 if j == int(g["class"]) - 1 else 0.0)
        else:
            continue  # link and sample-gradient need the formula of the link: checked against the oracle above
        assert is_right(got, e.answer, e.tolerance), (key, e.kind, got, e.answer)


@pytest.mark.parametrize("key", ["article", "softmax-2-4-2", "sigmoid-3-6-4-3", "sigmoid-ce-2-3-1"])
def test_every_sort_of_basic_link_is_asked_and_right(worked, key):
    """Activation links, loss links, weight-to-I links (and softmax's I → y links) each against the oracle."""
    config, trainer, _, oracle, history = worked[key]
    sheet = make_sheet(trainer.problem, trainer.snapshot(), config, sheet=3, count=40, kinds=["link"])
    sorts = set()
    for e in sheet:
        source, target = e.subject
        sorts.add((source[0], target[0]))
        assert e.answer == pytest.approx(expected(oracle, e, history), rel=1e-5, abs=1e-9), e.prompt["en"]
    wanted = {("W", "I"), ("y", "L")} | ({("I", "O")} if len(oracle.sizes) > 2 else set())
    if config.output_activation == "softmax":
        wanted.add(("I", "y"))
    elif config.output_activation == "sigmoid":
        wanted.add(("I", "y"))
    assert wanted <= sorts, (key, sorts)


def test_the_same_sheet_number_gives_the_same_sheet_and_another_another():
    config = NETS["article"]
    trainer = config.with_changes(max_iter=2).trainer()
    trainer.run()
    a = make_sheet(trainer.problem, trainer.snapshot(), config, 5, 12)
    b = make_sheet(trainer.problem, trainer.snapshot(), config, 5, 12)
    c = make_sheet(trainer.problem, trainer.snapshot(), config, 6, 12)
    assert sheet_json(a, config) == sheet_json(b, config)
    assert sheet_json(a, config) != sheet_json(c, config)
    for sheet in (a, c):
        assert len(sheet) == 12 and len({e.kind for e in sheet}) >= 5
        assert len({e.id for e in sheet}) == 12


def test_prompts_state_the_given_numbers_and_the_tolerance_in_both_languages(worked):
    _, _, sheet, _, _ = worked["softmax-2-4-2"]
    for e in sheet:
        assert "0.5 %" in e.prompt["en"] and "0.5 %" in e.prompt["zh_CN"]
        assert "Given:" in e.prompt["en"] and "已知" in e.prompt["zh_CN"]
        for name, value in e.given:
            assert f"{name} = {num(value)}" in e.prompt["en"]
            assert f"{given_name(name, 'zh_CN')} = {num(value)}" in e.prompt["zh_CN"]
        assert e.hints and e.solution
        assert all(text["en"] and text["zh_CN"] for text in (*e.hints, *e.solution))


# -- reading an answer ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "typed, value",
    [
        ("0.0588", 0.0588),
        ("0,0588", 0.0588),
        ("  -5.88e-2 ", -0.0588),
        ("−5,88E-2", -0.0588),
        ("- 0.0588", -0.0588),
        ("+.5", 0.5),
        ("1 000", 1000.0),
        ("０．０５８８", 0.0588),
        ("-1.2×10^-3", -0.0012),
        ("3e2", 300.0),
    ],
)
def test_a_typed_number_is_read_however_it_is_written(typed, value):
    reading = read_answer(typed)
    assert reading.hint is None and reading.value == pytest.approx(value, rel=1e-12)


@pytest.mark.parametrize("typed", ["", "   ", "abc", "1,234.5", "1.2.3", "nan", "inf", "1e999", "1/3", "0x10", "--1"])
def test_anything_else_comes_back_as_a_one_line_hint(typed):
    reading = read_answer(typed)
    assert reading.value is None
    assert reading.hint and all("\n" not in text and text for text in reading.hint.values())


def test_right_wrong_near_misses_and_the_score():
    assert is_right(0.1004, 0.1, 0.005) and not is_right(0.1006, 0.1, 0.005)
    assert near_miss(-0.1, 0.1, 0.005)["en"] == "Right size, wrong sign."
    assert "power of ten" in near_miss(1.0, 0.1, 0.005)["en"]
    assert near_miss(0.2, 0.1, 0.005) is None
    score = SheetScore(3)
    score.answered(0, False)
    score.answered(0, True)
    score.solution_shown(1)
    score.answered(1, True)  # right after the solution was shown: not scored
    assert (score.right, score.attempted) == (1, 2)


# -- the same by PyTorch (autograd and torch.optim), when a Python with torch is at hand -----------------------
TORCH_PYTHON = os.environ.get("BPSTUDIO_TORCH_PYTHON", sys.executable)
TORCH_ARGS = {
    "article": ["--samples", "6", "--iterations", "3"],
    "softmax-2-4-2": ["--dataset", "xor", "--hidden", "4", "--loss", "cross-entropy", "--samples", "8", "--seed", "3", "--iterations", "2"],
    "sigmoid-3-6-4-3": [
        "--hidden",
        "6,4",
        "--activation",
        "sigmoid",
        "--samples",
        "7",
        "--optimizer",
        "momentum",
        "--alpha",
        "0.01",
        "--iterations",
        "4",
    ],
}


@pytest.mark.torch
@pytest.mark.parametrize("key", list(TORCH_ARGS))
def test_the_cli_sheets_answers_agree_with_pytorch(key, tmp_path):
    if subprocess.run([TORCH_PYTHON, "-c", "import torch"], capture_output=True).returncode:
        pytest.skip("torch is not importable (set BPSTUDIO_TORCH_PYTHON to a Python that has it)")
    sheet = tmp_path / "sheet.json"
    done = run_bpstudio("exercises", *TORCH_ARGS[key], "--sheet", "4", "--count", "30", "--json", str(sheet))
    assert done.returncode == 0, done.stderr
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    out = subprocess.run(
        [TORCH_PYTHON, str(Path(__file__).with_name("exercises_torch_check.py")), str(sheet)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    rows = [line.split() for line in out.stdout.splitlines()]
    assert {"sample-gradient", "sample-sum", "nudge"} <= {kind for kind, _, _ in rows}
    for kind, ours, theirs in rows:
        assert float(ours) == pytest.approx(float(theirs), rel=1e-9, abs=1e-14), kind
