"""The run gate without Qt: blocking, ordering and many threads at once."""

import threading

from bpstudio.control.runtime.run_gate import RUN_BATCH, STOP, RunGate, Step, StepPhase, Submit


def test_paused_gate_blocks_until_told():
    gate = RunGate()
    assert gate.wait(timeout=0.05) is None  # paused and empty: nothing to do
    gate.run()
    assert gate.wait(timeout=0.05) is RUN_BATCH
    gate.pause()
    assert gate.wait(timeout=0.05) is None


def test_commands_come_first_and_in_order():
    gate = RunGate()
    gate.run()
    gate.submit("alpha")
    assert gate.wait() == Submit("alpha")
    assert gate.running  # a change does not pause
    gate.step(3)
    assert not gate.running  # a step does
    gate.step_phase()
    assert gate.wait() == Step(3) and gate.wait() == StepPhase()
    assert gate.wait(timeout=0.01) is None


def test_stop_wakes_a_blocked_waiter():
    gate = RunGate()
    got = []
    waiter = threading.Thread(target=lambda: got.append(gate.wait()))
    waiter.start()
    gate.stop()
    waiter.join(timeout=5)
    assert not waiter.is_alive() and got == [STOP]
    gate.step()  # ignored after stop
    assert gate.wait() is STOP and gate.pending() == 0


def test_many_threads_at_once():
    gate = RunGate()
    consumed = []
    done = threading.Event()

    def consumer():
        while True:
            item = gate.wait(timeout=0.5)
            if item is STOP:
                return
            if isinstance(item, Submit):
                consumed.append(item.payload)
            if done.is_set() and gate.pending() == 0 and item is None:
                return

    def producer(base):
        for i in range(500):
            gate.submit((base, i))
            if i % 50 == 0:
                gate.run() if i % 100 == 0 else gate.pause()

    workers = [threading.Thread(target=producer, args=(b,)) for b in range(8)]
    eater = threading.Thread(target=consumer)
    eater.start()
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=10)
    gate.pause()
    done.set()
    eater.join(timeout=10)
    assert not eater.is_alive()
    assert len(consumed) == 8 * 500
    for base in range(8):  # each producer's commands arrive in its order
        mine = [i for b, i in consumed if b == base]
        assert mine == list(range(500))
