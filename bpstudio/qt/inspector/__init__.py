"""The inspector: the typeset chain, its numbers, the probe and the pointer."""
