"""A run written out: scripts for NumPy and PyTorch, and the typeset chain."""
