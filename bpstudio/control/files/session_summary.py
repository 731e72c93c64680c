"""What ``bpstudio info`` prints about a checked session: the real network and data source.

Everything taken from the file (version, column names, formulas, the CSV's
name) passes through :func:`escape_control`, so a hostile file cannot send
terminal escapes.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from bpstudio.control.files.session_file import SavedSession
from bpstudio.engine.text_safety import escape_control


def _names(names: Iterable[str]) -> str:
    return ", ".join(escape_control(n) for n in names)


def data_source(saved: SavedSession) -> str:
    """Where the run's samples come from, with their count and any test split."""
    c = saved.config
    problem = saved.problem
    rows = problem.all_data.n_samples if problem is not None else c.samples
    if c.playground:
        text = f"a TensorFlow Playground link's {escape_control(c.dataset)} data set, {rows} points, noise {c.noise:g}"
    elif c.data_file:
        text = f"CSV file {escape_control(Path(c.data_file).name)}, {rows} rows (kept in the session)"
    elif c.dataset != "article":
        text = f"the {escape_control(c.dataset)} data set, {rows} samples, noise {c.noise:g}, seed {c.seed}"
    elif c.formulas:
        text = f"formulas {'; '.join(escape_control(f) for f in c.formulas)} over r, g, b, {rows} samples, seed {c.seed}"
    else:
        text = f"the article's recipe (x, y, lv from r, g, b), {rows} samples, seed {c.seed}"
    if problem is not None and problem.test is not None:
        text += f"; {problem.test.n_samples} held out for testing"
    return text


def describe(saved: SavedSession) -> str:
    """The summary ``bpstudio info`` prints."""
    c, s = saved.config, saved.snapshot
    if saved.problem is not None:
        net, data = saved.problem.network, saved.problem.all_data
        io_names = f" ({_names(data.input_names)} -> {_names(data.target_names)})"
    else:
        net, io_names = c.problem_network(saved.dataset), ""
    sizes = "-".join(str(v) for v in net.sizes)
    loss = (
        ""
        if c.loss == "mse" and not net.penalized
        else (f", {c.loss} ({net.output_activation})" + (f", l1 {c.l1:g}, l2 {c.l2:g}" if net.penalized else ""))
    )
    lines = [
        f"BP Studio session (made by BP Studio {escape_control(saved.app_version)})",
        f"network:     {sizes} {c.activation}, init {c.init}{loss}{io_names}",
        f"data:        {data_source(saved)}",
        f"optimizer:   {s.optimizer} " + ", ".join(f"{k}={v:g}" for k, v in s.hyper.items()),
        f"{'epoch:      ' if c.playground else 'iteration:  '} {s.iteration} of at most {c.max_iter}",
        f"JVal:        {s.jval:.10g} (start {saved.history[0]:.10g})",
        f"stopped by:  {s.stop_reason or 'not stopped'}",
        f"changes:     {len(saved.changes)}",
    ]
    if c.playground:  # the conventions: Playground's data, start, mean loss and epochs; its link to reopen it there
        lines.insert(1, f"conventions: TensorFlow Playground (https://playground.tensorflow.org/#{escape_control(c.playground)})")
    return "\n".join(lines) + "\n"
