"""The run config remembered between starts: checked on load, so a bad one never bricks start.

Settings files outlive versions and can be edited by hand; a stored config
that no longer parses, names a CSV file that is gone, or is too large for the
size budget (e.g. 1 000 000 samples with 4096 hidden units, which once made
every later start fail with a MemoryError) is set aside: the studio starts
with the article's run and says why.
"""

from __future__ import annotations

import json

from bpstudio.engine.budget import check_budget
from bpstudio.engine.config import RunConfig


class StoredConfigError(Exception):
    """The stored config cannot be used; ``str(err)`` is why (English, one line)."""


def config_from_settings(text: object) -> RunConfig | None:
    """The stored config (None when nothing is stored); StoredConfigError when it cannot be used."""
    if not text:
        return None
    try:
        data = json.loads(str(text))
        if not isinstance(data, dict):
            raise ValueError("it is not a settings object")
        config = RunConfig.from_dict(data)
        problem = config.problem()  # reads the CSV file, parses the formulas
        check_budget(problem.network.sizes, problem.all_data.n_samples, config.max_iter, problem.test is not None, studio=True)
    except Exception as err:  # noqa: BLE001 - MemoryError and RecursionError too: start must not fail
        reason = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise StoredConfigError(reason) from None
    return config
