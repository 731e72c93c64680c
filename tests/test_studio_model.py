"""The studio model without Qt: what views are told, and that its answers are the engine's."""

import numpy as np
import pytest

from bpstudio.control import Step, TrainingSession
from bpstudio.control.model.observer import Executor
from bpstudio.control.model.studio_model import NO_SELECTION, StudioModel
from bpstudio.engine.config import RunConfig
from bpstudio.engine.propagation import jval_and_gradient


class CountingExecutor(Executor):
    def __init__(self):
        self.keys = []

    def submit(self, key, work, done):
        self.keys.append(key)
        done(work())


SMALL = RunConfig(samples=60)


def model_on(config=SMALL, steps=3):
    session = TrainingSession(config)
    executor = CountingExecutor()
    model = StudioModel(executor)
    seen = {name: [] for name in ("problem", "selection", "chain", "node", "nudge", "probe")}
    model.problem_changed.connect(lambda p: seen["problem"].append(p))
    model.selection_changed.connect(lambda i, c: seen["selection"].append((i, c)))
    model.chain_ready.connect(seen["chain"].append)
    model.node_ready.connect(seen["node"].append)
    model.nudge_ready.connect(seen["nudge"].append)
    model.probe_ready.connect(seen["probe"].append)
    model.apply_update(session.update(False))
    session.execute(Step(steps))
    model.apply_update(session.update(False))
    executor.keys.clear()  # count from here: the run opened with its first weight chosen
    seen["chain"].clear()
    return session, model, executor, seen


def test_selection_gives_the_chain_and_its_numbers():
    session, model, executor, seen = model_on()
    assert len(seen["problem"]) == 1
    assert [i for i, _ in seen["selection"]] == [0]  # a new run opens with its first weight chosen
    model.select(0)
    (index, chain) = seen["selection"][-1]
    assert index == 0 and chain.name == "W0[0,0]"
    view = seen["chain"][-1]
    trainer = session.trainer
    _, gradient = jval_and_gradient(trainer.network, trainer.weights, trainer.dataset.inputs_aug, trainer.dataset.targets_t)
    assert view.iteration == 3 and view.gradient == pytest.approx(gradient[0], rel=1e-12)
    assert view.summed.chain_gradient == pytest.approx(gradient[0], rel=1e-9)
    assert view.exact and np.isfinite(view.summed.numeric_gradient)
    assert [b.role for b in view.blocks] == ["param", "source"]
    assert view.sample_inputs[0][0] == "r" and view.sample_targets[2][0] == "lv"


def test_answers_are_cached_by_iteration_selection_and_sample():
    _, model, executor, seen = model_on()
    model.select(5)
    model.request_chain()
    model.request_chain(live=True)
    model.select(5)  # chosen again: the same answer, not worked out again
    assert executor.keys.count("chain") == 1 and len(seen["chain"]) == 4
    model.select_sample(7)
    assert executor.keys.count("chain") == 2 and seen["chain"][-1].sample == 7


def test_live_requests_skip_the_finite_difference():
    session, model, executor, seen = model_on()
    model.select(2)
    assert seen["chain"][-1].exact  # the selection itself is answered exactly
    session.execute(Step(1))
    model.apply_update(session.update(True))
    model.request_chain(live=True)
    assert not seen["chain"][-1].exact and np.isnan(seen["chain"][-1].summed.numeric_gradient)
    model.request_chain()  # paused again: worked out once more, now with the finite difference
    assert seen["chain"][-1].exact and executor.keys.count("chain") == 3


def test_a_new_run_clears_the_selection():
    session, model, _, seen = model_on()
    model.select(3)
    from bpstudio.control import ApplyConfig, Submit

    session.execute(Submit(ApplyConfig(RunConfig(samples=40, hidden=(4,)))))
    model.apply_update(session.update(False))
    assert len(seen["problem"]) == 2
    assert model.selected == 0 and model.chain.net is model.problem.network  # the new run's first weight
    model.open_next_run_with(NO_SELECTION)  # what the guided tour asks for: open with nothing chosen
    session.execute(Submit(ApplyConfig(RunConfig(samples=30))))
    model.apply_update(session.update(False))
    assert model.selected is None and model.chain is None


def test_node_readout_nudge_and_probe():
    session, model, _, seen = model_on()
    model.select(0)
    model.select_sample(4)
    model.request_node("O0[1]")
    readout = seen["node"][-1]
    assert readout.value == session.trainer.dataset.inputs[4, 1] and readout.display == "g"
    model.request_node("O1[0]")
    assert seen["node"][-1].display == "O₁⁽¹⁾" and np.isfinite(seen["node"][-1].gradient)
    delta = model.chain_view.suggested_delta
    assert 0 < delta <= 0.01
    model.nudge(delta)
    result = seen["nudge"][-1]
    assert result.actual == pytest.approx(result.second_order, rel=0.05, abs=1e-9)
    model.probe(np.array([0.1, -0.2, 0.3]))
    reading = seen["probe"][-1]
    r, g, b = 0.1, -0.2, 0.3
    assert reading.true == pytest.approx((r + 2 * g + 3 * b, r * r + 2 * g * g + 3 * b * b, -3 * r - 4 * g - 5 * b))
    assert len(reading.predicted) == 3


def test_a_new_run_with_fewer_samples_keeps_no_stale_sample_or_chain():
    """Issue 12's C10: after a new run the inspector's sample and chain belong to the new run."""
    from bpstudio.control import ApplyConfig, Submit

    session, model, _, seen = model_on(RunConfig(samples=60))
    model.select(0)
    model.select_sample(55)
    old_chain = model.chain
    session.execute(Submit(ApplyConfig(RunConfig(samples=20))))
    model.apply_update(session.update(False))
    assert model.sample == 19 and model.chain is not old_chain and model.chain.net is model.problem.network
    model.select(0)
    view = seen["chain"][-1]
    assert view.chain is not old_chain and view.chain.net is model.problem.network and view.sample == 19


def test_the_model_keeps_the_history_and_every_finished_or_discarded_run():
    """Nothing is dropped silently: a finished run and a rewound-over future both become runs."""
    from bpstudio.control import Redo, Rewind, RunState, Submit

    session, model, _, _ = model_on(RunConfig(samples=30, max_iter=12), steps=0)
    kept, forgotten = [], []
    model.runs.kept.connect(kept.append)
    model.runs.forgotten.connect(forgotten.append)
    for _ in range(3):
        session.execute(Step(2))
        model.apply_update(session.update(False))
    assert len(model.history) == 7 and model.history.values()[-1] == pytest.approx(session.trainer.history.view()[-1])
    session.execute(Submit(Rewind()))
    model.apply_update(session.update(False))
    assert len(model.history) == 5 and model.last.can_redo and not kept
    session.execute(Submit(Redo()))
    model.apply_update(session.update(False))
    assert len(model.history) == 7
    session.execute(Submit(Rewind()))
    model.apply_update(session.update(False))
    session.execute(Step(1))  # a new branch: the rewound-over future is left behind, kept as a run
    model.apply_update(session.update(False))
    assert len(kept) == 1 and kept[0].iterations_done == 6
    while model.last.state is not RunState.FINISHED:
        session.execute(Step(5))
        model.apply_update(session.update(False))
    assert len(kept) == 2 and kept[1].iterations_done == 12 and kept[1].stop_reason == "max_iter"
    model.runs.forget(kept[0].key)
    assert forgotten == [kept[0].key] and list(model.runs.runs) == [kept[1].key]


def test_a_redo_back_to_a_finished_end_does_not_list_the_run_twice():
    """Rewinding from a finished run and redoing to its end is the same run: it is listed once."""
    from bpstudio.control import Redo, Rewind, RunState, Submit

    session, model, _, _ = model_on(RunConfig(samples=30, max_iter=12), steps=0)
    kept = []
    model.runs.kept.connect(kept.append)
    for _ in range(3):
        session.execute(Step(5))
        model.apply_update(session.update(False))
    assert model.last.state is RunState.FINISHED and len(kept) == 1
    for _ in range(2):
        session.execute(Submit(Rewind()))
        model.apply_update(session.update(False))
    assert model.last.state is not RunState.FINISHED
    for _ in range(2):
        session.execute(Submit(Redo()))
        model.apply_update(session.update(False))
    assert model.last.state is RunState.FINISHED and model.last.iteration == 12
    assert len(kept) == 1 and len(model.runs) == 1
    model.runs.forget(kept[0].key)  # forgotten by the user: finishing it again lists it again
    session.execute(Submit(Rewind()))
    model.apply_update(session.update(False))
    session.execute(Submit(Redo()))
    model.apply_update(session.update(False))
    assert len(kept) == 2 and len(model.runs) == 1


def test_a_redo_back_to_a_diverged_end_does_not_list_the_run_twice():
    from bpstudio.control import Redo, Rewind, RunState, Submit

    session, model, _, _ = model_on(RunConfig(samples=30, optimizer="gd", alpha=1e6), steps=0)
    kept = []
    model.runs.kept.connect(kept.append)
    while model.last.state is not RunState.DIVERGED:
        session.execute(Step(1))
        model.apply_update(session.update(False))
    assert len(kept) == 1 and kept[0].stop_reason == model.last.snapshot.stop_reason
    session.execute(Submit(Rewind()))
    model.apply_update(session.update(False))
    session.execute(Submit(Redo()))
    model.apply_update(session.update(False))
    assert model.last.state is RunState.DIVERGED and len(kept) == 1


def test_a_reset_after_a_finished_run_does_not_list_it_again_under_a_setting_it_never_trained_with():
    """Issue 24: finish at α = 0.001, type α = 0.01, Reset — the Runs list held a second "α=0.01" run.

    The finished run is listed once, with the α it trained with; the 0.01 typed after it ended
    never took a step.
    """
    from bpstudio.control import Reset, RunState, SetSetting, Submit

    session, model, _, _ = model_on(RunConfig(samples=30, max_iter=12, alpha=0.001), steps=0)
    kept = []
    model.runs.kept.connect(kept.append)
    while model.last.state is not RunState.FINISHED:
        session.execute(Step(5))
        model.apply_update(session.update(False))
    assert len(kept) == 1 and kept[0].config.alpha == 0.001
    session.execute(Submit(SetSetting("alpha", 0.01)))
    model.apply_update(session.update(False))
    session.execute(Submit(Reset()))
    model.apply_update(session.update(False))
    assert model.last.iteration == 0 and model.last.config.alpha == 0.01
    assert len(kept) == 1 and len(model.runs) == 1
    assert kept[0].start_alpha == 0.001 and not kept[0].mid_run_changes


def test_a_run_reset_away_is_listed_with_the_settings_it_trained_with():
    """A paused run reset away: its α is the one its steps used, and a change it trained with is told."""
    from bpstudio.control import Reset, SetSetting, Submit

    session, model, _, _ = model_on(RunConfig(samples=30, max_iter=100, alpha=0.001), steps=0)
    kept = []
    model.runs.kept.connect(kept.append)
    session.execute(Step(4))
    session.execute(Submit(SetSetting("alpha", 0.01)))  # typed, then Reset before a single step at 0.01
    model.apply_update(session.update(False))
    session.execute(Submit(Reset()))
    model.apply_update(session.update(False))
    assert len(kept) == 1 and kept[0].iterations_done == 4
    assert kept[0].config.alpha == 0.001 and kept[0].start_alpha == 0.001 and not kept[0].changes

    assert model.last.config.alpha == 0.01  # the typed α is the next run's
    session.execute(Step(4))
    session.execute(Submit(SetSetting("alpha", 0.1)))
    session.execute(Step(3))  # this time the new α trained: three steps of it
    model.apply_update(session.update(False))
    session.execute(Submit(Reset()))
    model.apply_update(session.update(False))
    assert len(kept) == 2 and kept[1].iterations_done == 7
    assert kept[1].start_alpha == 0.01 and [(c.iteration, c.old, c.new) for c in kept[1].mid_run_changes] == [(4, 0.01, 0.1)]


def test_a_branch_after_a_rewind_lists_the_left_future_with_the_settings_it_trained_with():
    """Rewinding over an α change and stepping on: the future left behind trained 0.001 → 0.01."""
    from bpstudio.control import Rewind, SetSetting, Submit

    session, model, _, _ = model_on(RunConfig(samples=30, max_iter=100, alpha=0.001), steps=0)
    kept = []
    model.runs.kept.connect(kept.append)
    session.execute(Step(4))
    session.execute(Submit(SetSetting("alpha", 0.01)))
    session.execute(Step(3))
    model.apply_update(session.update(False))
    session.execute(Submit(Rewind(2)))
    model.apply_update(session.update(False))
    assert model.last.iteration <= 2 and model.last.config.alpha == 0.001
    session.execute(Step(1))  # a new branch
    model.apply_update(session.update(False))
    assert len(kept) == 1 and kept[0].iterations_done == 7
    assert kept[0].config.alpha == 0.01 and kept[0].start_alpha == 0.001
    assert [(c.iteration, c.old, c.new) for c in kept[0].mid_run_changes] == [(4, 0.001, 0.01)]
