"""The size budget: runs too large for memory or time are refused before they are built (C3)."""

import pytest
from conftest import run_bpstudio

from bpstudio.engine.budget import (
    MAX_BYTES,
    STUDIO_MAX_PARAMS,
    BudgetError,
    check_budget,
    check_gradcheck_budget,
    estimate,
)
from bpstudio.engine.network import Network


@pytest.mark.parametrize("sizes", [(3, 5, 3), (2, 8, 6, 1), (3, 4096, 3)])
def test_the_estimate_counts_the_networks_parameters(sizes):
    assert estimate(sizes, 10, 0).params == Network(sizes, "tanh").n_params


def test_the_articles_run_is_far_inside_the_budget():
    e = check_budget((3, 5, 3), 1000, 50_000)
    assert e.bytes < MAX_BYTES / 100 and e.seconds_per_iteration < 0.01
    # the studio adds its program (300 MB) and its own copies
    assert check_budget((3, 5, 3), 1000, 50_000, studio=True).bytes < MAX_BYTES / 5


@pytest.mark.parametrize(
    "sizes, rows, max_iter, studio, reason",
    [
        ((3, 4096, 3), 1_000_000, 100, False, "GB of memory"),
        ((3, 5, 3), 1000, 10**9, False, "max_iter"),
        ((3, 1024, 1024, 3), 1000, 100, True, "the studio draws at most"),
        ((3, 300, 3), 10, 100, True, "300 hidden units"),
        ((3, 2000, 2000, 3), 1000, 10, False, "one iteration would take"),
    ],
)
def test_too_large_runs_say_what_to_reduce(sizes, rows, max_iter, studio, reason):
    with pytest.raises(BudgetError, match=reason):
        check_budget(sizes, rows, max_iter, studio=studio)


def test_the_studio_limit_is_on_drawn_weights_only():
    sizes = (3, 100, 60, 3)
    assert Network(sizes, "tanh").n_params > STUDIO_MAX_PARAMS
    check_budget(sizes, 1000, 100)  # fine headless
    with pytest.raises(BudgetError):
        check_budget(sizes, 1000, 100, studio=True)


def test_gradcheck_counts_two_evaluations_per_weight():
    check_gradcheck_budget((3, 5, 3), 1000)
    with pytest.raises(BudgetError, match="finite differences"):
        check_gradcheck_budget((3, 300, 3), 10_000)


@pytest.mark.parametrize(
    "args",
    [
        ("train", "--hidden", "4096", "--samples", "1000000"),
        ("gradcheck", "--hidden", "4096,4096"),
        ("chain", "--param", "W0[0,0]", "--hidden", "4096", "--samples", "1000000"),
    ],
)
def test_the_cli_refuses_before_the_run_in_one_line(args):
    result = run_bpstudio(*args, timeout=60)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "too large" in result.stderr
    assert "reduce" in result.stderr


@pytest.mark.parametrize("sizes", [(2, 3, 4), (3, 5, 4, 3), (2, 6, 1)])
@pytest.mark.parametrize("output", ["softmax", "identity"])
def test_the_chain_is_counted_before_it_is_built(sizes, output):
    """The count from the sizes bounds the chain the engine builds, and is tight (the penalty's two links spare)."""
    from bpstudio.engine.budget import chain_size
    from bpstudio.engine.chain import InfluenceChain

    net = Network(sizes, "tanh", output)
    for layer in range(len(sizes) - 1):
        chain = InfluenceChain.of(net, (layer, 0, 0))
        links, nodes = chain_size(sizes, layer, output == "softmax")
        assert len(chain.edges) <= links <= len(chain.edges) + 2
        assert len(chain.nodes) <= nodes


def test_a_chain_too_large_is_refused_before_its_links_are_built():
    """Three hidden layers of 2 500: a first-layer weight's chain has 6.3 M links (2 500 x 2 500 between two of them)."""
    result = run_bpstudio("chain", "--param", "W0[0,0]", "--hidden", "2500,2500,2500", "--samples", "10", timeout=60)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "the chain is too large" in result.stderr and "links" in result.stderr
