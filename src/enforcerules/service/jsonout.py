"""Response bodies as strict JSON.

A rejected value may be ``NaN`` or ``Infinity`` (Python's JSON reader
accepts them); strict JSON has no such numbers, so they are written as the
strings ``"NaN"``, ``"Infinity"`` and ``"-Infinity"``, and a client's JSON
parser never fails on an answer.
"""

from __future__ import annotations

import json
import math
from typing import Any

from fastapi.responses import Response

__all__ = ["json_response", "strict_json"]


def _finite(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(v) for v in value]
    return value


def strict_json(data: Any) -> str:
    try:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    except ValueError:  # rare: only a rejected value can be non-finite, so walk the data only then
        return json.dumps(_finite(data), ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def json_response(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    # Built here rather than by FastAPI: the data is already plain JSON, and a
    # report of thousands of findings need not pass through a model again.
    return Response(strict_json(data), status_code=status, headers=headers, media_type="application/json")
