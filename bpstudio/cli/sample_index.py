"""Which rows ``--sample I`` counts, checked against the data actually built.

The index counts the *training* samples, from 0, in the data's order: with a
test split the held-out rows are skipped (the rest keep their order), and with
a CSV file the count is the file's rows, not ``--samples``.  So the bound is
known only once the data exists, and it is checked there.
"""

from __future__ import annotations

from bpstudio.cli.options import UsageError


def check_sample_index(sample: int | None, training_rows: int, test_fraction: float) -> None:
    """Refuse an index beyond the training rows with a sentence that says which rows count."""
    if sample is None or 0 <= sample < training_rows:
        return
    held_out = " (the test split's rows are not counted)" if test_fraction else ""
    raise UsageError(f"argument --sample: must be from 0 to {training_rows - 1}, the training samples{held_out}")
