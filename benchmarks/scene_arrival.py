"""How long arriving at a scene takes: the issue asks for under 1 s on the article's net.

Builds a lecture of the article's run at iteration 0 with W0[0,0] chosen, at
iteration 1 on phase 3 of the walk, and converged (50 000 iterations of
history, on the board), opens it in the studio offscreen, and times each
arrival from PgDn to the trainer's last answer (``SceneStage.arrived``), then
to the inspector's chain for the chosen weight, several rounds; prints the
median and the worst.

    PYTHONPATH=. python benchmarks/scene_arrival.py [--rounds N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def build(folder: Path) -> Path:
    from bpstudio.cli.lecture import main as lecture
    from bpstudio.control.files.session_file import save_session
    from bpstudio.control.runtime.session import TrainingSession
    from bpstudio.engine.config import RunConfig

    paths = []
    for name, steps in (("start", 0), ("one", 1), ("converged", None)):
        session = TrainingSession(RunConfig())
        if steps is None:
            while session.trainer.stop_reason is None:
                session.trainer.step()
        else:
            for _ in range(steps):
                session.trainer.step()
        paths.append(folder / f"{name}.bpstudio")
        save_session(paths[-1], session)
    out = folder / "bench.bplecture"
    args = ["build", str(out), "--scene", str(paths[0]), "--select", "W0[0,0]"]
    args += ["--scene", str(paths[1]), "--select", "W0[0,0]", "--phase", "3", "--scene", str(paths[2]), "--view", "board"]
    assert lecture(args) == 0
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    rounds = parser.parse_args().rounds
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from bpstudio.qt.main_window import MainWindow

    def wait(condition, limit: float = 30.0) -> None:
        end = time.perf_counter() + limit
        while not condition():
            if time.perf_counter() > end:
                raise SystemExit("timed out")
            app.processEvents()
            time.sleep(0.001)

    with tempfile.TemporaryDirectory() as folder:
        path = build(Path(folder))
        window = MainWindow(restore_settings=False)
        window.ask_before_closing = False
        window.show()
        wait(lambda: window.last is not None)
        arrived: list[object] = []
        window.scenes.stage.arrived.connect(arrived.append)
        window.files.open(path)
        wait(lambda: arrived)
        trainer_times: dict[int, list[float]] = {0: [], 1: [], 2: []}
        chain_times: dict[int, list[float]] = {0: [], 1: []}
        for _ in range(rounds):
            for position in (1, 2, 0):
                arrived.clear()
                start = time.perf_counter()
                window.scenes.go(position)
                wait(lambda: arrived)
                trainer_times[position].append(time.perf_counter() - start)
                if position in chain_times:
                    wait(lambda: window.inspector.view is not None and window.inspector.view.iteration == window.last.iteration)
                    chain_times[position].append(time.perf_counter() - start)
        window.close()
    names = {0: "iteration 0, W0[0,0]", 1: "iteration 1, phase 3", 2: "converged (50 000 points), board"}
    for position, times in trainer_times.items():
        median, slowest = statistics.median(times) * 1000, max(times) * 1000
        line = f"scene {position + 1} ({names[position]}): arrived median {median:.0f} ms, worst {slowest:.0f} ms"
        if position in chain_times:
            chain = chain_times[position]
            line += f"; chain in the inspector median {statistics.median(chain) * 1000:.0f} ms, worst {max(chain) * 1000:.0f} ms"
        print(line)
    worst = max(max(t) for t in trainer_times.values())
    print(f"worst arrival {worst * 1000:.0f} ms ({'under' if worst < 1.0 else 'OVER'} the issue's 1 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
