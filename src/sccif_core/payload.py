"""Reading fields of a browser request (a JSON object from a form), with errors that name the field."""

from __future__ import annotations

from typing import Any

from .errors import InputError

MAX_DIGITS = 18


def whole_number(payload: dict[str, Any], field: str) -> int:
    """A whole number given as a JSON integer or as digits in text."""
    value = payload.get(field)
    if isinstance(value, str):
        text = value.strip()
        if text.isascii() and text.isdigit():
            if len(text) > MAX_DIGITS:
                raise InputError(f"{field} is too large: use a number with at most {MAX_DIGITS} digits.", field=field)
            return int(text)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise InputError(f"{field} must be a whole number.", field=field)
