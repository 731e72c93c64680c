"""Entry point of the frozen app: the same ``main`` as the ``bpstudio`` command.

The studio trains in a spawned child process (bpstudio/control/runtime/trainer_process.py);
in a frozen app that child is this same executable, and ``freeze_support`` turns
it into the trainer instead of a second studio.
"""

import multiprocessing
import sys

from bpstudio.app import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
