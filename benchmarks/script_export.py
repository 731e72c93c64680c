"""How closely exported scripts follow the studio's run: figures printed, never asserted.

    python benchmarks/script_export.py [--torch-python /path/to/venv/bin/python] [--iterations 1000]

For the article's run and a 3-8-6-3 sigmoid momentum run (alpha 1e-4), writes the
NumPy and the PyTorch export, runs each in a subprocess, and prints the largest
relative difference between its JVal path and the engine's, and the script's time.
PyTorch runs with ``--torch-python`` (default: this Python), and is reported as
skipped when torch cannot be imported there.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from bpstudio.control.export.script_export import script_text
from bpstudio.engine.config import RunConfig

CONFIGS = {
    "article (3-5-3 tanh, Adam)": RunConfig(),
    "3-8-6-3 sigmoid, momentum, alpha 1e-4": RunConfig(hidden=(8, 6), activation="sigmoid", optimizer="momentum", alpha=1e-4),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--torch-python", default=sys.executable)
    parser.add_argument("--iterations", type=int, default=1000)
    args = parser.parse_args()
    has_torch = subprocess.run([args.torch_python, "-c", "import torch"], capture_output=True).returncode == 0
    pythons = {"numpy": sys.executable, "pytorch": args.torch_python if has_torch else None}
    with tempfile.TemporaryDirectory() as folder:
        for name, config in CONFIGS.items():
            config = config.with_changes(max_iter=args.iterations)
            trainer = config.trainer()
            trainer.run()
            engine = trainer.history.view()
            for framework, python in pythons.items():
                if python is None:
                    print(f"{name:40s} {framework:8s} skipped (torch not importable by {args.torch_python})")
                    continue
                script = Path(folder) / f"export_{framework}.py"  # numpy.py would hide numpy itself
                script.write_text(script_text(config, framework), encoding="utf-8")
                out = script.with_suffix(".json")
                started = time.perf_counter()
                subprocess.run([python, str(script), "--json", str(out), "--print-every", "100000"], check=True, capture_output=True)
                elapsed = time.perf_counter() - started
                path = np.array(json.loads(out.read_text())["jval"])
                worst = np.max(np.abs(path - engine) / np.abs(engine)) if path.shape == engine.shape else np.nan
                print(
                    f"{name:40s} {framework:8s} {len(path) - 1:6d} iterations  "
                    f"max rel. difference {worst:.2e}  script time {elapsed:5.1f} s"
                )


if __name__ == "__main__":
    main()
