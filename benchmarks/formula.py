"""How long the typeset chain rule takes, and how long the GUI thread waits for it.

    python benchmarks/formula.py

Typesetting (ziamath) runs on a background thread; the GUI thread only loads the
finished SVG into QSvgRenderer and paints it.  Prints, for w₁₁⁽⁰⁾ of the article:
the first typesetting of a selection (nothing cached), a new iteration's numbers
(symbols cached), and the GUI thread's share (load + paint at presentation size).
Issue target: the GUI thread never blocks for more than 50 ms.
"""

from __future__ import annotations

import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["bench"])
    from bpstudio.control.export import typeset
    from bpstudio.engine.chain import InfluenceChain
    from bpstudio.engine.chain_board import basic_links, board
    from bpstudio.engine.config import RunConfig
    from bpstudio.engine.graph import NodeNames
    from bpstudio.qt.inspector.formula_view import FormulaView

    trainer = RunConfig().trainer()
    data = trainer.dataset
    chain = InfluenceChain.of(trainer.network, "W0[0,0]", NodeNames.of(data))
    numbers = chain.evaluate(trainer.weights, data, sample=0, path_limit=0, with_numeric=False)
    blocks = board(chain, numbers)

    started = time.perf_counter()
    svg = typeset.board_svg(blocks)
    cold = time.perf_counter() - started
    links_started = time.perf_counter()
    typeset.links_svg(basic_links(chain, numbers))
    links_cold = time.perf_counter() - links_started

    warm = []
    for _ in range(20):
        trainer.step()
        numbers = chain.evaluate(trainer.weights, data, sample=0, path_limit=0, with_numeric=False)
        started = time.perf_counter()
        svg = typeset.board_svg(board(chain, numbers))
        warm.append(time.perf_counter() - started)

    view = FormulaView("bench")
    view.resize(800, 700)
    view.set_scale_limits(1.7)
    gui = []
    for _ in range(20):
        started = time.perf_counter()
        view.set_svg(svg)
        view.grab()  # load + one paint, as the GUI thread does
        gui.append(time.perf_counter() - started)
    print(f"typeset w11(0), first time (background thread): {cold * 1000:7.1f} ms")
    print(f"typeset its basic links, first time:            {links_cold * 1000:7.1f} ms")
    print(
        f"new numbers, symbols cached (background):       median {statistics.median(warm) * 1000:.1f} ms, worst {max(warm) * 1000:.1f} ms"
    )
    print(
        f"GUI thread per update (load SVG + paint 800 px): median {statistics.median(gui) * 1000:.1f} ms, "
        f"worst {max(gui) * 1000:.1f} ms  (target <= 50 ms)"
    )
    del app


if __name__ == "__main__":
    main()
