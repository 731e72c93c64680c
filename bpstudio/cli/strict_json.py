"""JSON that strict parsers accept: no bare ``NaN`` or ``Infinity``, a null and a reason instead.

Python's ``json`` writes non-finite floats as ``NaN``/``Infinity``, which is
not JSON (RFC 8259): JavaScript's ``JSON.parse``, jq and most other readers
refuse the whole file.  A diverged or saturated run does produce such
numbers, so each becomes ``null``, and the document's top level gains
``null_reasons``: for each field holding one (list positions written ``[]``),
what the nulls stand for.
"""

from __future__ import annotations

import json
import math
from typing import Any

NULL_REASONS = "null_reasons"
_WHY = {
    "nan": "not a number (an overflow met a zero or another overflow on the way, e.g. ∞ · 0 or ∞ − ∞)",
    "inf": "+∞: beyond the largest float (about 1.8e308)",
    "-inf": "−∞: beyond the largest float (about −1.8e308)",
}


def strict_dumps(data: dict[str, Any], **options: Any) -> str:
    """``json.dumps`` of ``data`` with every non-finite float a null, explained under ``null_reasons``."""
    found: dict[str, dict[str, int]] = {}
    clean = _clean(data, "", found)
    if found:
        clean[NULL_REASONS] = {field: _reason(kinds) for field, kinds in found.items()}
    return json.dumps(clean, allow_nan=False, **options)


def _clean(value: Any, where: str, found: dict[str, dict[str, int]]) -> Any:
    if isinstance(value, float):
        if math.isfinite(value):
            return value
        kind = "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
        counts = found.setdefault(where or "(value)", {})
        counts[kind] = counts.get(kind, 0) + 1
        return None
    if isinstance(value, dict):
        return {key: _clean(item, f"{where}.{key}" if where else str(key), found) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(item, f"{where}[]", found) for item in value]
    return value


def _reason(kinds: dict[str, int]) -> str:
    return "; ".join(f"{count} × {_WHY[kind]}" if count > 1 else _WHY[kind] for kind, count in kinds.items())
