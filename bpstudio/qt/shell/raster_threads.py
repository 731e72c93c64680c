"""The window paints on its own thread: Qt's helper threads for painting are switched off.

Qt 6 splits large fills and line drawing of its software painter among the
threads of a pool, one per processor, and waits for them.  On the two-core
machines of a classroom that is the wrong trade: the second core is the
trainer's (its own process, see :mod:`bpstudio.control.runtime.trainer_process`),
so every link of the diagram drawn that way woke a helper on the trainer's
core and waited for it.  Measured on the spiral 2-16-16-2 net (392 links), one
repaint of the diagram took 15 ms with the pool and 6 ms without, and the
trainer lost the time the helpers ran.  The studio's pictures are small: one
thread paints them faster than two that hand work across.

``QT_NO_GUI_THREADPOOL`` is read once, the first time Qt's painter asks for its
pool, so it is set before the first window paints.  A value the user set stays.
"""

from __future__ import annotations

import os

SWITCH = "QT_NO_GUI_THREADPOOL"


def paint_on_the_gui_thread_only() -> None:
    """Ask Qt's painter to keep its work on the thread that paints (call before the first paint)."""
    os.environ.setdefault(SWITCH, "1")
