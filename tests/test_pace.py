"""The pace of a run without Qt: the schedule on a fake clock, run_for in the real loop, the setting's rules."""

import json
import threading
import zipfile

import pytest
from conftest import FIXTURES
from test_session_file import rewrite

from bpstudio.control import RunGate, RunState, SetPace, Step, Submit, TrainingSession
from bpstudio.control.files.session_file import SessionFileError, load_session, save_session
from bpstudio.control.runtime.driver import drive
from bpstudio.control.runtime.pace import MAX_LAG, MAX_SPEED, Pace, PaceError, Pacer
from bpstudio.engine.config import RunConfig


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def simulate(pacer: Pacer, clock: FakeClock, seconds: float, step_cost: float) -> list[float]:
    """The driver's loop on a fake clock: run what is allowed (each step costs ``step_cost``), else wait.

    Returns the time each iteration ended.
    """
    ends = []
    end = clock.now + seconds
    while clock.now < end:
        allowed = pacer.allowed()
        if allowed == 0:
            clock.now += pacer.wait()
            continue
        count = allowed if allowed is not None else 1
        for _ in range(count):
            clock.now += step_cost
            ends.append(clock.now)
        pacer.ran(count)
        if pacer.run_for_reached:
            break
    return ends


@pytest.mark.parametrize("speed", [1, 20, 50, 1000, MAX_SPEED])
def test_a_fast_trainer_is_held_to_the_speed(speed):
    clock = FakeClock()
    pacer = Pacer(clock)
    pacer.start(Pace(run_speed=speed))
    ends = simulate(pacer, clock, 3.0, step_cost=1e-5)
    # iteration k (from 0) is due k/speed after the start: in 3 s, 3·speed of them, give or take the last
    assert abs(len(ends) - 3 * speed) <= 1
    if speed <= 50:  # one at a time, each at its own moment: never early
        for k, t in enumerate(ends):
            assert t - 100.0 >= k / speed


def test_the_schedule_does_not_drift_with_the_time_a_step_takes():
    clock = FakeClock()
    pacer = Pacer(clock)
    pacer.start(Pace(run_speed=20))
    ends = simulate(pacer, clock, 10.0, step_cost=0.02)  # 40 % of each 50 ms goes to the step itself
    assert abs(len(ends) - 200) <= 1


def test_a_slow_trainer_runs_flat_out_and_does_not_burst_afterwards():
    clock = FakeClock()
    pacer = Pacer(clock)
    pacer.start(Pace(run_speed=1000))
    assert pacer.allowed() == 1
    pacer.ran(1)
    clock.now += 5.0  # a step that took five seconds (a busy machine)
    # only MAX_LAG's worth of missed iterations may be caught up, not 5000
    assert pacer.allowed() == pytest.approx(MAX_LAG * 1000, abs=2)


def test_speed_zero_sets_no_limit_and_run_for_counts_down():
    clock = FakeClock()
    pacer = Pacer(clock)
    pacer.start(Pace())
    assert not pacer.paced and pacer.allowed() is None and pacer.wait() == 0
    pacer.start(Pace(run_for=25))
    assert pacer.paced and pacer.allowed() == 25
    pacer.ran(10)
    assert pacer.allowed() == 15 and not pacer.run_for_reached
    pacer.ran(15)
    assert pacer.run_for_reached and pacer.allowed() == 0


def test_run_for_and_speed_together_stop_exactly():
    clock = FakeClock()
    pacer = Pacer(clock)
    pacer.start(Pace(run_speed=50, run_for=30))
    ends = simulate(pacer, clock, 5.0, step_cost=1e-4)
    assert len(ends) == 30 and pacer.run_for_reached
    assert ends[-1] - 100.0 == pytest.approx(29 / 50, abs=1e-3)  # the 30th is due 29/50 s after the first


def test_a_change_during_a_run_counts_from_then():
    clock = FakeClock()
    pacer = Pacer(clock)
    pacer.start(Pace(run_speed=10, run_for=100))
    simulate(pacer, clock, 1.0, step_cost=0.0)
    pacer.change(Pace(run_speed=10, run_for=5))  # "five more"
    assert pacer.allowed() <= 5
    pacer.change(Pace(run_speed=100, run_for=5))  # a new speed: scheduled from now, not from the start
    assert pacer.allowed() == 1
    clock.now += 0.1
    assert pacer.allowed() == 5  # ten are due, run_for allows five


def test_the_measured_rate_counts_the_waits():
    clock = FakeClock()
    pacer = Pacer(clock)
    pacer.start(Pace(run_speed=20))
    rates = []
    end = clock.now + 4.0
    while clock.now < end:
        allowed = pacer.allowed()
        if allowed == 0:
            clock.now += pacer.wait()
            continue
        clock.now += 1e-4
        pacer.ran(allowed)
        rates.append(pacer.rate())
    assert rates[0] == 0.0  # nothing measured yet
    assert rates[-1] == pytest.approx(20, rel=0.05)  # not the 10 000 it/s of the steps alone


def test_pace_rules():
    assert Pace() == Pace(0, None)
    assert Pace.from_dict({"run_speed": 50, "run_for": 10}) == Pace(50, 10)
    for bad in ({"run_speed": -1, "run_for": None}, {"run_speed": MAX_SPEED + 1, "run_for": None}, {"run_speed": 1.5, "run_for": None},
                {"run_speed": True, "run_for": None}, {"run_speed": 0, "run_for": 0}, {"run_speed": 0, "run_for": "5"},
                {"run_speed": 0}, {"run_speed": 0, "run_for": None, "more": 1}, [0, None]):  # fmt: skip
        with pytest.raises(PaceError):
            Pace.from_dict(bad)


# -- the real loop: run_for is exact, and a paced run answers a pause at once ----------------------------
class Loop:
    """drive() on a plain thread, its Updates collected."""

    def __init__(self, session: TrainingSession) -> None:
        self.gate = RunGate()
        self.session = session
        self.updates = []
        self.errors = []
        self.changed = threading.Condition()
        self.thread = threading.Thread(target=drive, args=(self.gate, session, self._publish, self.errors.append), daemon=True)
        self.thread.start()

    def _publish(self, update) -> None:
        with self.changed:
            self.updates.append(update)
            self.changed.notify_all()

    def wait_for(self, test, timeout: float = 10.0) -> None:
        with self.changed:
            assert self.changed.wait_for(lambda: self.updates and test(self.updates[-1]), timeout)

    def stop(self) -> None:
        self.gate.stop()
        self.thread.join(5)
        assert not self.thread.is_alive() and self.errors == []


def test_run_for_stops_exactly_and_pauses_each_time():
    loop = Loop(TrainingSession(RunConfig(samples=50, max_iter=10**6)))
    try:
        loop.gate.step(7)  # a start that is not 0
        loop.wait_for(lambda u: u.iteration == 7)
        loop.gate.submit(SetPace(Pace(run_for=123)))
        loop.wait_for(lambda u: u.pace == Pace(run_for=123))
        for start in (7, 130):
            loop.gate.run()
            loop.wait_for(lambda u: u.state is RunState.PAUSED and u.iteration > start)  # noqa: B023 - waited for here
            assert loop.updates[-1].iteration == start + 123
            assert not loop.gate.running
            assert loop.session.snapshots[-1].iteration == start + 123  # a pause point: rewind comes back here
    finally:
        loop.stop()


def test_a_slow_paced_run_answers_pause_and_stop_at_once():
    loop = Loop(TrainingSession(RunConfig(samples=50, max_iter=10**6)))
    try:
        loop.gate.submit(SetPace(Pace(run_speed=1)))
        loop.wait_for(lambda u: u.pace.run_speed == 1)
        loop.gate.run()
        loop.wait_for(lambda u: u.iteration == 1)  # the first iteration is due at once; the next in a second
        loop.gate.pause()
        # the loop is waiting for the next iteration's moment; the pause wakes it (well before a second)
        loop.wait_for(lambda u: u.state is RunState.PAUSED, timeout=0.5)
        assert loop.updates[-1].iteration == 1
        loop.gate.run()
        loop.wait_for(lambda u: u.state is RunState.RUNNING and u.iteration == 2, timeout=0.5)  # due at once again
    finally:
        stopper = threading.Thread(target=loop.stop)
        stopper.start()
        stopper.join(1.0)  # mid-wait, stop is heard at once
        assert not stopper.is_alive()


# -- kept in the session file (format 2); older files read as full speed, until paused ------------------
def test_the_pace_round_trips_through_the_file(tmp_path):
    session = TrainingSession(RunConfig(samples=40))
    session.execute(Submit(SetPace(Pace(run_speed=20, run_for=100))))
    session.execute(Step(3))
    path = tmp_path / "paced.bpstudio"
    save_session(path, session)
    with zipfile.ZipFile(path) as archive:
        document = json.loads(archive.read("session.json"))
    assert document["version"] >= 2 and document["pace"] == {"run_speed": 20, "run_for": 100}
    saved = load_session(path)
    assert saved.pace == Pace(20, 100)
    resumed = TrainingSession()
    resumed.load(saved)
    assert resumed.pace == Pace(20, 100) and resumed.update(False).pace == Pace(20, 100)


@pytest.mark.parametrize("name", ["old_article.bpstudio", "old_csv.bpstudio"])
def test_files_from_before_the_pace_open_with_the_defaults(name):
    with zipfile.ZipFile(FIXTURES / name) as archive:
        assert json.loads(archive.read("session.json"))["version"] == 1  # really an old file
    saved = load_session(FIXTURES / name)
    assert saved.pace == Pace(0, None)


@pytest.mark.parametrize(
    "change, match",
    [
        (lambda d: d.pop("pace"), "'pace' must give"),  # a version-2 file must say it
        (lambda d: d.update(pace={"run_speed": -5, "run_for": None}), "run_speed"),
        (lambda d: d.update(pace={"run_speed": 10, "run_for": 0}), "run_for"),
        (lambda d: d.update(pace={"run_speed": 10.5, "run_for": None}), "run_speed"),
        (lambda d: d.update(pace=[10, 5]), "'pace' must give"),
        (lambda d: d.update(version=1, pace={"run_speed": 10, "run_for": 5}), None),  # a version-1 file's pace is its default
    ],
)
def test_a_bad_pace_is_refused_with_a_reason(tmp_path, change, match):
    session = TrainingSession(RunConfig(samples=40))
    path = tmp_path / "s.bpstudio"
    save_session(path, session)
    rewrite(path, change_json=change)
    if match is None:
        assert load_session(path).pace == Pace()
    else:
        with pytest.raises(SessionFileError, match=match):
            load_session(path)
