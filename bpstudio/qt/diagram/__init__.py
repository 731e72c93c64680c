"""The network diagram: nodes, links, unit pictures and the board view."""
