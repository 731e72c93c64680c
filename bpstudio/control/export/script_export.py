"""A run written out as one standalone Python script: the bridge out of the studio.

``script_text(config, "numpy")`` is the article's program written cleanly
with NumPy alone; ``script_text(config, "pytorch")`` builds the same network
with PyTorch, lets autograd compute the gradient and ``torch.optim`` take the
step.  Either script regenerates the same data with the same random stream
(or reads the same CSV file), starts from the same weights, applies the same
loss, penalty, mini-batches, optimizer rule and the same two stop tests, and
so follows the studio's JVal path to rounding — which is what a student
should see: the studio's numbers are the framework's numbers.  Data the
studio builds from more than a random stream (Playground's 2-D points turned
into features and class targets, a CSV file's class labels) is written into
the script instead, with the start weights, up to EMBED_LIMIT numbers.

This module writes what both scripts share: the header, the settings, the
data, the start point and the command line.  :mod:`.script_training` writes
the part that differs — the network, its gradient, the optimizer and the
training loop.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Sequence
from pathlib import Path
from string import Template

import numpy as np

import bpstudio  # its __version__ is looked up when first used
from bpstudio.control.export.playground_script import playground_script
from bpstudio.control.export.script_training import training_section
from bpstudio.engine.activations import get_activation
from bpstudio.engine.config import RunConfig
from bpstudio.engine.data import ARTICLE_INPUTS, ARTICLE_TARGETS, Dataset
from bpstudio.engine.formula import Formula, parse_formulas
from bpstudio.engine.formula_code import numpy_expression
from bpstudio.engine.losses import get_loss
from bpstudio.engine.messages import QT_TRANSLATE_NOOP, Refusal
from bpstudio.engine.optimizers import RECORDS
from bpstudio.engine.text_safety import python_comment, python_literal

FRAMEWORKS = ("pytorch", "numpy")
EMBED_LIMIT = 20_000  # numbers; a data set this small may be written into the script itself
# Modules a script imports: a script named like one would import itself instead.
IMPORTED_MODULES = ("argparse", "csv", "json", "math", "numpy", "torch")
# The script's folder comes first on sys.path, so a script named like *any* standard module
# (secrets.py, inspect.py, ast.py ...) is what NumPy or PyTorch get when they import that module.
# Compared without case: Windows and macOS file systems find Secrets.py for "secrets".
SHADOWED_NAMES = frozenset(name.casefold() for name in (*sys.stdlib_module_names, *IMPORTED_MODULES))


def check_script_name(path: str | Path) -> None:
    """Refuse ``numpy.py``, ``secrets.py`` and the like, with the reason (a :class:`Refusal`, a ValueError)."""
    stem = Path(path).stem
    if Path(path).suffix.casefold() == ".py" and stem.casefold() in SHADOWED_NAMES:
        raise Refusal(
            QT_TRANSLATE_NOOP("Engine", "a script named {name}.py would import itself instead of the {name} module; choose another name"),
            name=stem,
        )


def script_text(config: RunConfig, framework: str, dataset: Dataset | None = None) -> str:
    """The whole script for ``config``.

    ``dataset`` (the run's data as read, e.g. from a saved session whose CSV
    file has moved) is written into the script instead of the CSV path; it is
    used only for CSV runs, since generated data is regenerated exactly.
    """
    if framework not in FRAMEWORKS:
        raise ValueError(f"framework must be one of {', '.join(FRAMEWORKS)}")
    if config.is_playground:  # Playground's own data, start, loss and epochs
        return playground_script(config, framework)
    embedded = None
    if _embeds_data(config):  # generated 2-D points, or class labels read from a CSV file
        problem = config.problem(dataset if config.data_file else None)
        embedded = problem.all_data
        dataset = embedded
    sizes = config.problem_network(embedded).sizes
    inputs, targets = _column_names(config, embedded)
    parts = [
        _header(config, framework, sizes, inputs, targets),
        _settings(config, framework, sizes, inputs, targets),
        _data_section(config, dataset),
        _start_section(config, problem.start if embedded is not None and not config.data_file else None),
        _SPLIT_SECTION if config.test_fraction else _NO_SPLIT_SECTION,
        training_section(config, framework),
        _MAIN_SECTION,
    ]
    return "\n\n\n".join(part.strip("\n") for part in parts) + "\n"


def _embeds_data(config: RunConfig) -> bool:
    """Data a script does not regenerate or read itself, but carries: Playground's 2-D sets
    (drawn by the studio's generators, then turned into features and class targets) and a CSV
    file's class labels (turned into one-hot or 0/1 targets)."""
    return config.dataset != "article" or bool(config.data_file and config.is_classification)


def _start_section(config: RunConfig, start: np.ndarray | None) -> str:
    """Section 2: the start weights, drawn from the stream as the article does, or embedded."""
    if start is not None:
        numbers = [repr(float(v)) for v in start]
        rows = ",\n".join("        " + ", ".join(numbers[i : i + 4]) for i in range(0, len(numbers), 4))
        return _START_SECTION.substitute(
            init="np.array([\n" + rows + ",\n    ])",
            why=(
                "The studio's start point, written in exactly: its random stream drew the\n"
                "    data first, and the data is written in above rather than drawn."
            ),
        )
    return _START_SECTION.substitute(
        init=(
            "rng.uniform(-1, 1, (N_PARAMS, 1))[:, 0]"
            if config.init == "uniform"
            else "np.zeros(N_PARAMS)  # all zeros: every hidden unit gets the same gradient"
        ),
        why=(
            "The article's init_seed: every entry of every W~ from U(-1, 1), drawn\n    after the data from the same random stream."
            if config.init == "uniform"
            else "All weights zero (the article warns this is a poor start)."
        ),
    )


def _column_names(config: RunConfig, embedded: Dataset | None = None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Input and target names, made safe to stand in the script's comments and docstring."""
    if embedded is not None:
        inputs, targets = embedded.input_names, embedded.target_names
    elif config.data_file:
        inputs, targets = config.inputs, config.targets
    elif config.formulas:
        inputs, targets = ARTICLE_INPUTS, tuple(f.name for f in parse_formulas(config.formulas))
    else:
        inputs, targets = ARTICLE_INPUTS, ARTICLE_TARGETS
    return tuple(map(python_comment, inputs)), tuple(map(python_comment, targets))


def _tuple_literal(names: Sequence[str]) -> str:
    """``("a", "b")``: each column name a Python string literal, whatever it holds."""
    items = [python_literal(n) for n in names]
    return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"


def _formula_text(formula: Formula) -> str:
    """A formula as its parse tree reads (no comments or line breaks the user typed)."""
    return f"{formula.name} = {ast.unparse(formula.tree.body)}"


def _header(config: RunConfig, framework: str, sizes: Sequence[int], inputs: Sequence[str], targets: Sequence[str]) -> str:
    tool = "NumPy" if framework == "numpy" else "PyTorch (and NumPy for the data)"
    hidden = _hidden_layers(config, sizes)
    if config.dataset != "article":
        data = (
            f"Playground's {config.dataset} set, {config.samples} points, noise {config.noise:g}, "
            f"seed {config.seed}, written in (the inputs are the features {', '.join(inputs)})"
        )
    elif config.data_file and config.is_classification:
        data = f"the class labels of the CSV file {python_comment(Path(config.data_file).name)}, written in"
    elif config.data_file:
        data = f"the CSV file {python_comment(Path(config.data_file).name)}"
    elif config.formulas:
        data = f"{config.samples} samples r, g, b ~ U(-1, 1), seed {config.seed}; targets " + "; ".join(
            map(_formula_text, parse_formulas(config.formulas))
        )
    else:
        data = f"the article's: {config.samples} samples r, g, b ~ U(-1, 1), seed {config.seed}"
    needs = "numpy" if framework == "numpy" else "torch and numpy"
    return _HEADER.substitute(
        tool=tool,
        net="-".join(map(str, sizes)),
        inputs=", ".join(inputs),
        hidden=hidden,
        targets=", ".join(targets),
        data=data,
        outputs="linear outputs" if get_activation(config.output_activation).linear else f"{config.output_activation} outputs",
        jval=get_loss(config.loss).script_words,
        optimizer=_describe_optimizer(config),
        test=(
            f"\nTest set: {config.test_fraction:g} of the samples held out (JVal measured, never trained on)."
            if config.test_fraction
            else ""
        ),
        objective=_describe_objective(config),
        version=bpstudio.__version__,
        framework=framework,
        needs=needs,
    )


def _describe_objective(config: RunConfig) -> str:
    """The header's lines on what differs from the article's JVal and full-batch steps."""
    text = ""
    if config.l1 or config.l2:
        text += f"\nPenalty: JVal also holds l1 * sum |w| + l2/2 * sum w^2 over the non-bias weights (l1={config.l1:g}, l2={config.l2:g})."
    if config.batch_size:
        text += (
            f"\nMini-batches of {config.batch_size}: each step's gradient is one batch's, times n / batch "
            "length; JVal and the stop tests stay the whole set's."
        )
    return text


def _hidden_layers(config: RunConfig, sizes: Sequence[int]) -> str:
    return " -> ".join(f"{n} {config.activation}" for n in sizes[1:-1])


def _describe_optimizer(config: RunConfig) -> str:
    values = ", ".join(f"{key}={getattr(config, key):g}" for key in RECORDS[config.optimizer].hyper_keys)
    return f"{config.optimizer} ({values}), zeta={config.zeta:g}"


def _settings(config: RunConfig, framework: str, sizes: Sequence[int], inputs: Sequence[str], targets: Sequence[str]) -> str:
    lines = [
        f"SIZES = {tuple(sizes)!r}  # {', '.join(inputs)} -> {_hidden_layers(config, sizes)} -> {', '.join(targets)}",
        f"SEED = {config.seed}  # the article's numpy.random.seed",
    ]
    if not config.data_file:
        lines.append(f"SAMPLES = {config.samples}")
    if config.test_fraction:
        lines.append(f"TEST_FRACTION = {config.test_fraction!r}  # share of the samples held out")
    lines += [
        f"{setting.key.upper()} = {getattr(config, setting.key)!r}  # {setting.meaning}" for setting in RECORDS[config.optimizer].settings
    ]
    if config.l1 or config.l2:
        lines += [
            f"L1 = {float(config.l1)!r}  # JVal += L1 * sum |w| over the non-bias weights",
            f"L2 = {float(config.l2)!r}  # JVal += L2 / 2 * sum w^2 over the non-bias weights",
        ]
    if config.batch_size:
        lines.append(f"BATCH_SIZE = {config.batch_size}  # samples per step's gradient (JVal stays the whole set's)")
    lines += [f"ZETA = {config.zeta!r}  # the stop tests' threshold", f"MAX_ITER = {config.max_iter}"]
    torch = "import torch\n" if framework == "pytorch" else ""
    modules = ("argparse", "csv", "json", "math") if config.data_file else ("argparse", "json", "math")
    return _SETTINGS.substitute(lines="\n".join(lines), torch=torch, modules="\n".join(f"import {name}" for name in modules))


def _data_section(config: RunConfig, dataset: Dataset | None) -> str:
    if dataset is not None and (config.data_file or config.dataset != "article"):
        return _embedded_data(dataset)
    if config.data_file:
        return _CSV_SECTION.substitute(
            path=python_literal(str(Path(config.data_file).resolve())),
            inputs=_tuple_literal(config.inputs),
            targets=_tuple_literal(config.targets),
        )
    if config.formulas:
        formulas = parse_formulas(config.formulas)
        lines = "\n".join(f"        {numpy_expression(f)},  # {_formula_text(f)}" for f in formulas)
        return _FORMULA_SECTION.substitute(formulas=lines)
    return _ARTICLE_SECTION


def _embedded_data(dataset: Dataset) -> str:
    if dataset.inputs.size + dataset.targets.size > EMBED_LIMIT:
        raise Refusal(
            QT_TRANSLATE_NOOP(
                "Engine", "the data ({n} samples) is too large to write into a script; use fewer samples, or a CSV file of numeric targets"
            ),
            n=dataset.n_samples,
        )
    return _EMBEDDED_SECTION.substitute(
        n=dataset.n_samples,
        input_names=", ".join(map(python_comment, dataset.input_names)),
        target_names=", ".join(map(python_comment, dataset.target_names)),
        inputs=_array_literal(dataset.inputs),
        targets=_array_literal(dataset.targets),
    )


def _array_literal(table: np.ndarray) -> str:
    """Rows of exact float64 reprs, one sample per line."""
    rows = ",\n".join("    [" + ", ".join(repr(float(v)) for v in row) + "]" for row in table)
    return "np.array([\n" + rows + ",\n])"


_HEADER = Template('''\
#!/usr/bin/env python3
"""A BP Studio run, written out as a standalone $tool program.

Network $net: inputs $inputs -> $hidden -> $outputs $targets.
Data: $data.
Optimizer: $optimizer.$test$objective

The article's notation: O~(l) = [O(l), 1] is layer l's output with the
constant 1 of the bias appended; W~(l) = [W(l); b(l)] its augmented weight
matrix, the bias being the last row; I(l+1) = O~(l) W~(l) is the linear link
and O(l+1) = f(I(l+1)) the non-linear one.  JVal = sum over the samples of
$jval -- a sum, not a mean, so it grows with the number of
samples.  All numbers are float64.

Usage:  python3 THIS_FILE.py [--max-iter N] [--print-every N] [--json FILE]
Needs:  $needs.
Generated by BP Studio $version (bpstudio export-script --framework $framework).
"""
''')

_SETTINGS = Template('''\
$modules

import numpy as np
$torch
# -- The run's settings ---------------------------------------------------------------------------
$lines
''')

_ARTICLE_SECTION = '''\
# -- 1. The data ----------------------------------------------------------------------------------
def make_data(rng):
    """The article's getData(n): r, g, b ~ U(-1, 1), drawn one column after another."""
    r = rng.uniform(-1, 1, (SAMPLES, 1))
    g = rng.uniform(-1, 1, (SAMPLES, 1))
    b = rng.uniform(-1, 1, (SAMPLES, 1))
    x = r + 2 * g + 3 * b
    y = r**2 + 2 * g**2 + 3 * b**2
    lv = -3 * r - 4 * g - 5 * b
    return np.hstack((r, g, b)), np.hstack((x, y, lv))
'''

_FORMULA_SECTION = Template('''\
# -- 1. The data ----------------------------------------------------------------------------------
def make_data(rng):
    """r, g, b ~ U(-1, 1) drawn as the article draws them; the targets from your formulas."""
    r = rng.uniform(-1, 1, (SAMPLES, 1))
    g = rng.uniform(-1, 1, (SAMPLES, 1))
    b = rng.uniform(-1, 1, (SAMPLES, 1))
    inputs = np.hstack((r, g, b))
    r, g, b = inputs.T  # one row of values per input, as BP Studio evaluates formulas
    targets = [
$formulas
    ]
    return inputs, np.column_stack([np.broadcast_to(t, (SAMPLES,)).astype(float) for t in targets])
''')

_CSV_SECTION = Template('''\
# -- 1. The data ----------------------------------------------------------------------------------
DATA_FILE = $path
INPUTS = $inputs  # columns fed to the network
TARGETS = $targets  # columns it learns to predict


def read_data():
    """The CSV file as BP Studio reads it: a header row; comma, semicolon or tab; blank rows skipped."""
    with open(DATA_FILE, "rb") as handle:
        text = handle.read().decode("utf-8-sig")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\\t")
    except csv.Error:
        dialect = csv.excel
    rows = [row for row in csv.reader(text.splitlines(), dialect) if any(cell.strip() for cell in row)]
    header = [cell.strip() for cell in rows[0]]
    table = np.array([[float(row[header.index(name)]) for name in INPUTS + TARGETS] for row in rows[1:]])
    return table[:, :len(INPUTS)], table[:, len(INPUTS):]


def make_data(rng):
    """The data does not come from the random stream; only the start weights do."""
    return read_data()
''')

_EMBEDDED_SECTION = Template('''\
# -- 1. The data ----------------------------------------------------------------------------------
# The run's $n samples, written in exactly: inputs $input_names; targets $target_names.
INPUTS = $inputs
TARGETS = $targets


def make_data(rng):
    """The data does not come from the random stream; only the start weights do."""
    return INPUTS, TARGETS
''')

_START_SECTION = Template('''\
# -- 2. The start point ---------------------------------------------------------------------------
# All weights live in one flat vector: W~(0) row by row, then W~(1), ... (the article's layout,
# e.g. W[:20] -> W~(0) 4x5 and W[20:] -> W~(1) 6x3 for the 3-5-3 network).
SHAPES = [(n_in + 1, n_out) for n_in, n_out in zip(SIZES[:-1], SIZES[1:])]
OFFSETS = [0]
for rows, cols in SHAPES:
    OFFSETS.append(OFFSETS[-1] + rows * cols)
N_PARAMS = OFFSETS[-1]


def start_weights(rng):
    """$why"""
    return $init


def load_problem():
    """Data first, then the start weights, from one random stream seeded with SEED."""
    rng = np.random.RandomState(SEED)
    inputs, targets = make_data(rng)
    return inputs, targets, start_weights(rng)
''')

_SPLIT_SECTION = '''\
# -- 3. The test set ------------------------------------------------------------------------------
def split(inputs, targets):
    """Hold out TEST_FRACTION of the samples, chosen with a random stream of their own,
    so that the training data and the start point stay those of the unsplit run."""
    n = len(inputs)
    n_test = int(round(n * TEST_FRACTION))
    order = np.random.RandomState((SEED + 7919) % 2**32).permutation(n)
    test, train = np.sort(order[:n_test]), np.sort(order[n_test:])
    return (inputs[train], targets[train]), (inputs[test], targets[test])
'''

_NO_SPLIT_SECTION = '''\
# -- 3. No test set: every sample is trained on -----------------------------------------------------
def split(inputs, targets):
    return (inputs, targets), None
'''

_MAIN_SECTION = '''\
# -- Command line ---------------------------------------------------------------------------------
def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--max-iter", type=int, default=MAX_ITER, metavar="N",
                        help=f"at most N iterations (default {MAX_ITER})")
    parser.add_argument("--print-every", type=int, default=1000, metavar="N",
                        help="print JVal every N iterations (default 1000)")
    parser.add_argument("--json", metavar="FILE", help="write the JVal path (and the stop reason) as JSON")
    args = parser.parse_args()
    inputs, targets, w0 = load_problem()
    train_set, test_set = split(inputs, targets)
    result = train(w0, train_set, test_set, args.max_iter, max(1, args.print_every))
    print(f"stopped by {result['stop_reason']} after {result['iterations']} iterations, "
          f"JVal = {result['jval'][-1]:.12g}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(result, handle)


if __name__ == "__main__":
    main()
'''
