"""The size budget for the headless commands: refused before the run, one line, exit 2.

The numbers and how they are estimated are in bpstudio.engine.budget; the
CLI has no diagram, so the studio's drawing limits do not apply here.
"""

from __future__ import annotations

from bpstudio.cli.options import UsageError
from bpstudio.engine.budget import BudgetError, check_budget, check_chain_budget, check_gradcheck_budget
from bpstudio.engine.config import RunConfig
from bpstudio.engine.data import Problem


def check_run_budget(config: RunConfig, problem: Problem, max_iter: int | None = None) -> None:
    try:
        check_budget(
            problem.network.sizes, problem.all_data.n_samples, config.max_iter if max_iter is None else max_iter, problem.test is not None
        )
    except BudgetError as err:
        raise UsageError(f"the run is too large: {err}") from None


def check_gradcheck_size(problem: Problem) -> None:
    try:
        check_gradcheck_budget(problem.network.sizes, problem.dataset.n_samples)
    except BudgetError as err:
        raise UsageError(f"the check is too large: {err}") from None


def check_chain_size(problem: Problem, layer: int, rows: int) -> None:
    """The chain of a weight of matrix ``layer`` on ``rows`` samples, counted before a link is built."""
    net = problem.network
    try:
        check_chain_budget(net.sizes, rows, layer, net.output_activation == "softmax")
    except BudgetError as err:
        raise UsageError(f"the chain is too large: {err}") from None
