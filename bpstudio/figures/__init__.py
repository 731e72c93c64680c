"""Headless figures: drawings the CLI and the window share (Qt offscreen, never bpstudio.qt)."""
