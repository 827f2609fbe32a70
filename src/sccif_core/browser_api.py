"""The core as the browser's Web Worker calls it: JSON text in, JSON text out.

The worker calls ``call(name, payload_json)``. Bad input comes back as
``{"error": {...}}`` with the row, field and problem, never as a traceback.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from .errors import InputError

Handler = Callable[[dict[str, Any]], Any]

# Each tool's module, by the prefix of its function names ("workdays.add"). A module is
# imported on its tool's first call, so a page pays only for the tool it shows.
MODULES: dict[str, str] = {
    "workdays": "sccif_core.workdays",
    "judge": "sccif_core.judgements",
    "timeline": "sccif_core.timelines.browser",
    "occupancy": "sccif_core.occupancy",
    "prepare": "sccif_core.preparation",
    "learn": "sccif_core.learning",
}


def handler(name: str) -> Handler | None:
    """The function called ``name``, importing its tool's module if need be."""
    module_name = MODULES.get(name.partition(".")[0])
    if module_name is None:
        return None
    table: Mapping[str, Handler] = importlib.import_module(module_name).BROWSER_FUNCTIONS
    return table.get(name)


class _AllFunctions(Mapping[str, Handler]):
    """Every function of every tool (imports them all: for listings and tests, not for pages)."""

    def _table(self) -> dict[str, Handler]:
        return {
            name: fn
            for module_name in MODULES.values()
            for name, fn in importlib.import_module(module_name).BROWSER_FUNCTIONS.items()
        }

    def __getitem__(self, name: str) -> Handler:
        return self._table()[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._table())

    def __len__(self) -> int:
        return len(self._table())


FUNCTIONS: Mapping[str, Handler] = _AllFunctions()


def call(name: str, payload_json: str) -> str:
    """Run one named function with a JSON object of arguments; return JSON."""
    function = handler(name)
    if function is None:
        return _dump({"error": InputError(f"there is no function called '{name}'.").as_dict()})
    try:
        payload = _parse(payload_json)
        if not isinstance(payload, dict):
            raise InputError("the request must be a JSON object.")
        return _dump({"result": function(payload)})
    except InputError as error:
        return _dump({"error": error.as_dict()})


def _parse(payload_json: str) -> Any:
    if not payload_json:
        return {}
    try:
        return json.loads(payload_json)
    except json.JSONDecodeError as error:
        raise InputError(f"the request is not valid JSON ({error.msg}).") from None
    except ValueError as error:  # e.g. a number with more digits than Python will read
        raise InputError(f"the request cannot be read ({error}).") from None


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
