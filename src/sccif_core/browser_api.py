"""The core as the browser's Web Worker calls it: JSON text in, JSON text out.

The worker calls ``call(name, payload_json)``. Bad input comes back as
``{"error": {...}}`` with the row, field and problem, never as a traceback.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from .errors import InputError
from .workdays import BROWSER_FUNCTIONS as _workdays

Handler = Callable[[dict[str, Any]], Any]

# One mapping per tool module, names like "workdays.add".
REGISTRY: tuple[Mapping[str, Handler], ...] = (
    _workdays,
)

FUNCTIONS: dict[str, Handler] = {name: fn for table in REGISTRY for name, fn in table.items()}


def call(name: str, payload_json: str) -> str:
    """Run one named function with a JSON object of arguments; return JSON."""
    try:
        handler = FUNCTIONS[name]
    except KeyError:
        return _dump({"error": {"problem": f"unknown function '{name}'", "row": None, "field": None}})
    try:
        payload = json.loads(payload_json) if payload_json else {}
        if not isinstance(payload, dict):
            raise InputError("the request must be a JSON object.")
        return _dump({"result": handler(payload)})
    except InputError as error:
        return _dump({"error": error.as_dict()})
    except json.JSONDecodeError as error:
        return _dump({"error": {"problem": f"the request is not valid JSON ({error.msg}).", "row": None, "field": None}})


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
