"""The studio model is the one owner of the chosen sample, the selection a run opens with and the run's end.

Each is changed through the model and announced by an event (issue 26): a view
or a presenter follows the event, none keeps a copy of its own.
"""

from bpstudio.control import ApplyConfig, RunState, Step, Submit, TrainingSession
from bpstudio.control.model.studio_model import FINISHED, NO_SELECTION, SOLVED, StudioModel
from bpstudio.engine.config import RunConfig


def listened(model, *names):
    heard = {name: [] for name in names}
    for name in names:
        getattr(model, name).connect(lambda *args, name=name: heard[name].append(args[0] if len(args) == 1 else args))
    return heard


def opened(config=RunConfig(samples=40)):  # noqa: B008 - a frozen config, read only
    session, model = TrainingSession(config), StudioModel()
    model.apply_update(session.update(False))
    return session, model


def test_the_sample_is_chosen_through_the_model_and_announced_once():
    session, model = opened()
    heard = listened(model, "sample_changed")
    model.select_sample(7)
    model.select_sample(7)  # the same sample again: nothing new to say
    model.select_sample(500)  # past the data's end: its last sample
    assert heard["sample_changed"] == [7, 39] and model.sample == 39


def test_a_smaller_data_set_announces_the_last_sample_it_has():
    """The trainer's phase walk follows the event: its sample must exist in the new data."""
    session, model = opened()
    model.select_sample(30)
    heard = listened(model, "sample_changed", "problem_changed")
    session.execute(Submit(ApplyConfig(RunConfig(samples=10))))
    model.apply_update(session.update(False))
    assert model.sample == 9 and heard["sample_changed"] == [9] and len(heard["problem_changed"]) == 1


def test_the_selection_to_open_with_is_used_once_and_announced():
    session, model = opened()
    heard = listened(model, "pending_selection_changed")
    model.open_next_run_with(5)
    assert model.pending_selection == 5
    session.execute(Submit(ApplyConfig(RunConfig(samples=30))))
    model.apply_update(session.update(False))
    assert model.selected == 5 and model.pending_selection is None  # used by the run it was meant for
    session.execute(Submit(ApplyConfig(RunConfig(samples=20))))
    model.apply_update(session.update(False))
    assert model.selected == 0  # the next run opens with the first again
    model.open_next_run_with(NO_SELECTION)
    session.execute(Submit(ApplyConfig(RunConfig(samples=25))))
    model.apply_update(session.update(False))
    assert model.selected is None
    assert heard["pending_selection_changed"] == [5, None, NO_SELECTION, None]


def test_the_model_says_when_the_run_has_ended_and_whether_it_found_a_solution():
    session, model = opened(RunConfig(samples=40, max_iter=3))
    heard = listened(model, "run_state_changed")
    assert not model.finished and not model.solved
    model.apply_update(session.update(True))
    session.execute(Step(10))  # past max_iter: the trainer stops at it
    model.apply_update(session.update(False))
    model.apply_update(session.update(False))  # the same state again: not announced twice
    assert heard["run_state_changed"] == [RunState.RUNNING, RunState.FINISHED]
    assert model.finished and model.solved
    assert set(SOLVED) == set(FINISHED) - {RunState.DIVERGED}  # a diverged run ended without a solution
